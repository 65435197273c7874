import type { AnyRule } from '../rule.js';
import cannedResponse from './canned-response.js';
import channelDeflection from './channel-deflection.js';
import impersonalGreeting from './impersonal-greeting.js';
import malformedPlaceholder from './malformed-placeholder.js';
import missingAgentName from './missing-agent-name.js';
import missingApology from './missing-apology.js';
import missingNextStep from './missing-next-step.js';
import missingReference from './missing-reference.js';
import missingThanks from './missing-thanks.js';
import missingTimeframe from './missing-timeframe.js';
import negativeLanguage from './negative-language.js';
import overPromise from './over-promise.js';
import passiveOwnership from './passive-ownership.js';
import rudePhrasing from './rude-phrasing.js';
import shouting from './shouting.js';
import unansweredQuestion from './unanswered-question.js';
import unfilledPlaceholder from './unfilled-placeholder.js';
import weakClosing from './weak-closing.js';

/** Every built-in rule, in documentation order. */
export const rules: readonly AnyRule[] = [
  rudePhrasing,
  cannedResponse,
  missingAgentName,
  missingTimeframe,
  weakClosing,
  unfilledPlaceholder,
  malformedPlaceholder,
  missingThanks,
  impersonalGreeting,
  shouting,
  missingReference,
  channelDeflection,
  negativeLanguage,
  overPromise,
  passiveOwnership,
  missingApology,
  unansweredQuestion,
  missingNextStep,
];

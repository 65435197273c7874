import type { AnyRule } from '../rule.js';
import cannedResponse from './canned-response.js';
import missingAgentName from './missing-agent-name.js';
import missingTimeframe from './missing-timeframe.js';
import rudePhrasing from './rude-phrasing.js';
import weakClosing from './weak-closing.js';

/** Every built-in rule, in documentation order. */
export const rules: readonly AnyRule[] = [rudePhrasing, cannedResponse, missingAgentName, missingTimeframe, weakClosing];

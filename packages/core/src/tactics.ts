/**
 * TACTICS coverage: which steps of the complaint-handling method a reply takes (principles,
 * §6) — Thank, Apologise, Collect information, Take action, I'll put this right (ownership),
 * Check the customer is happy, Summarise. A summary for reports and the playground, not a
 * rule: a good reply to a simple question needs only some of the steps.
 */
import { apologisesIn } from './acknowledgement.js';
import { compilePattern, PatternIndex } from './phrases.js';
import type { Reply } from './rule.js';
import missingAgentName from './rules/missing-agent-name.js';
import { findThanks } from './rules/missing-thanks.js';
import { nextStepIn } from './steps.js';
import type { Sentence } from './text.js';

export const TACTICS_STEPS = ['thank', 'apologise', 'collect', 'takeAction', 'ownership', 'checkHappy', 'summarise'] as const;
export type TacticsStep = (typeof TACTICS_STEPS)[number];

/** Where the reply takes each step (offsets into the linted text), or null where it does not. */
export type TacticsCoverage = Record<TacticsStep, { start: number; end: number } | null>;

type SentenceStep = 'collect' | 'ownership' | 'checkHappy' | 'summarise';

const SENTENCE_STEPS = new PatternIndex<SentenceStep>([
  ...[
    '(could|can|would|will) you (please|kindly)? (send|share|confirm|tell|provide|attach|upload|forward|check|let (me|us) know|reply with|give (me|us))',
    '(please|kindly) (send|share|confirm|tell|provide|attach|upload|forward|reply with|let (me|us) know (which|what|when|whether|where|how|your|the))',
    '(i|we) (will|would|just)? need (a|an|the|your|some|a few|two|three|one) _',
  ].map((source) => [compilePattern(source), 'collect'] as const),
  ...[
    "(i|i'll|i will|i have|i've|i am|i'm) (personally|now|already|also|just)? (take|taken|taking|own|owning|look after|looking after|handle|handling|keep|keeping|stay|staying|follow|following|make sure|made sure|making sure|see (this|it) through)",
    '(i|we) (have|will|am|are)? (put|putting|set|setting) (this|it|that|things) right',
    '(my|our) (direct)? (number|line|extension|email) is',
    'you can reach me (directly)?',
  ].map((source) => [compilePattern(source), 'ownership'] as const),
  ...[
    '(let|tell) (me|us) know if (this|that|it|everything|the (fix|change|new|replacement|refund)) (works|helps|solves|resolves|fixes|sorts|answers|is (ok|okay|alright|fine|what you))',
    '(does|did|has) (this|that|it) (help|work|solve|resolve|fix|answer|sort)',
    '(are|were) you (happy|satisfied|ok|okay|comfortable) with',
    'if (this|that|it) (does not|did not|has not|still does not|still has not) (work|help|fix|solve|resolve|sort)',
    '(let|tell) (me|us) know (if|whether) * (does not|did not|has not|have not|is not|are not|still) (work*|help*|appear*|arriv*|show*|fix*|resolv*|solv*|reach*)',
    '(is|was) (that|this|everything) (ok|okay|alright|clear|what you (needed|wanted|were after|were looking for))',
    '(i|we) hope (this|that|the (fix|change|replacement|refund)) (helps|solves|resolves|answers|fixes|works|sorts)',
    '(check|confirm|let me know) (that|whether|if) (it|this|everything) (works|is working|looks right|arrived)',
  ].map((source) => [compilePattern(source), 'checkHappy'] as const),
  ...[
    '(to|in) (recap|summary|summarise|summarize|sum up|sum things up)',
    '(here is|here are) (what|a summary|a recap|the next steps|where (we|things) stand)',
    'to (confirm|be clear|summarise|summarize|recap)',
    '(i|we) (have|had)? (noted|recorded|logged|documented|added a note|made a note)',
    'for your records',
    '(your|the) (case|reference|ticket|claim|complaint|booking|order) (number|reference|id)? (is|remains)',
  ].map((source) => [compilePattern(source), 'summarise'] as const),
]);

const sentenceRange = (sentence: Sentence) => ({ start: sentence.start, end: sentence.start + sentence.text.trimEnd().length });

/** Signed by a named person: what missing-agent-name asks for. */
async function signedByPerson(reply: Reply): Promise<boolean> {
  let unsigned = false;
  const visitors = missingAgentName.create({ reply, options: missingAgentName.options!.defaults, report: () => (unsigned = true), nlp: () => Promise.reject(new Error('not needed')) });
  await visitors.reply?.();
  return !unsigned;
}

const speaksForThemselves = (sentence: Sentence): boolean => sentence.tokens.some((token) => token.norm === 'i' && !token.quoted);

export async function tacticsCoverage(reply: Reply): Promise<TacticsCoverage> {
  const coverage: TacticsCoverage = { thank: findThanks(reply) ?? null, apologise: null, collect: null, takeAction: null, ownership: null, checkHappy: null, summarise: null };
  let ownAction: { start: number; end: number } | null = null;
  for (const paragraph of reply.paragraphs) {
    for (const sentence of paragraph.sentences) {
      const range = sentenceRange(sentence);
      for (const match of SENTENCE_STEPS.matches(sentence)) {
        if (sentence.tokens.slice(match.from, match.to).some((token) => token.quoted)) continue;
        coverage[match.value] ??= range;
      }
      if (coverage.apologise === null && apologisesIn(sentence)) coverage.apologise = range;
      // The step analysis is the costly part: run it only where it can still show a step not yet
      // found — any action, the writer's own (an "I" in the sentence), a question (a "?").
      const mayShow = coverage.takeAction === null || (ownAction === null && speaksForThemselves(sentence)) || (coverage.collect === null && sentence.text.includes('?'));
      if (!mayShow) continue;
      const step = nextStepIn(sentence);
      if (step === 'action' || step === 'closure') {
        coverage.takeAction ??= range;
        if (speaksForThemselves(sentence)) ownAction ??= range;
      }
      if (step === 'question') coverage.collect ??= range;
    }
  }
  // "I'll put this right": a named person owns the case — the agent acts in the first person
  // (or says they own it) and signs with their name.
  const owned = coverage.ownership ?? ownAction;
  coverage.ownership = owned && (await signedByPerson(reply)) ? owned : null;
  return coverage;
}

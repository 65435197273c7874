/**
 * Promise what you control. The rule reports two kinds of over-promise:
 *
 * - that a problem will never recur ("this will never happen again", "I'll make sure it
 *   doesn't happen again"): nobody can keep that; say what you changed;
 * - certainty or speed ("guaranteed", "100%", "definitely", "I promise", "immediately")
 *   attached to an outcome someone else decides: a third party acts (the courier, your bank,
 *   customs, the airline) or something arrives, appears or clears ("your parcel will arrive
 *   tomorrow, guaranteed", "the refund will appear instantly").
 *
 * Who acts decides. The writer's and the team's own actions pass, done or promised ("I've
 * immediately refunded it", "I'll call you right away", "we will definitely fix it"), as do
 * quantities ("100% of the refund"), honest uncertainty ("I can't guarantee it will arrive by
 * Friday", "I hope it never happens again"), product names ("our Guaranteed Standards
 * Scheme"), conditions and quoted text.
 */
import { phraseMatcher, phraseOptionsSpec, type Phrase } from '../phrase-rule.js';
import { compilePattern, matchPattern, PatternIndex } from '../phrases.js';
import { defineRule } from '../rule.js';
import type { Sentence, Token } from '../text.js';
import { clauseBreakBefore, inCondition } from '../wording.js';

const HONEST = ['(can not|could not|do not|not) (promise|guarantee|say|rule out|be sure|be certain)', 'hope*'];
const RECUR = '(happen|happens|occur|occurs|recur|recurs|be repeated)';
const NEVER_AGAIN_MESSAGE = '"{actual}" promises what nobody can keep: say what you have changed so it is less likely';
const NOTE = 'Do not under-promise or fail to deliver: promise what you will do, with a time, and say what you expect of others.';

const phrases: Phrase[] = [
  {
    pattern: [
      `(never|not ever) ${RECUR} (to you)? again`,
      `(will not|shall not) (ever)? ${RECUR} (to you)? again`,
      `(will|shall) never ${RECUR} (to you)? again`,
      `(promise|guarantee|assure you|ensure|make sure) (that)? (this|it|that|the (same|issue|problem|error|mistake)) (does not|will not|never) ${RECUR} (to you)? again`,
    ],
    message: NEVER_AGAIN_MESSAGE,
    note: NOTE,
    unless: HONEST,
  },
];

const options = phraseOptionsSpec(NEVER_AGAIN_MESSAGE);

// Who decides the outcome when it is not the writer: carriers, banks, authorities, partners.
const THIRD_PARTIES = new Set([
  'courier', 'couriers', 'carrier', 'carriers', 'postman', 'postwoman', 'postie', 'mail', 'post', 'dhl', 'ups', 'fedex', 'usps', 'dpd',
  'evri', 'hermes', 'gls', 'parcelforce', 'bank', 'banks', 'issuer', 'insurer', 'insurers', 'airline', 'airlines', 'manufacturer',
  'supplier', 'suppliers', 'seller', 'merchant', 'customs', 'paypal', 'klarna', 'provider', 'network', 'authorities', 'embassy',
]);
// The writer's side, staff included: "the technician will definitely be there between 8 and 12".
const WRITER = new Set([
  'i', 'we', 'our', 'us', 'me', 'my', 'team', 'technician', 'technicians', 'engineer', 'engineers', 'colleague', 'colleagues', 'agent',
  'manager', 'assessor', 'specialist', 'crew', 'fitter', 'installer', 'nurse', 'doctor', 'staff', 'advisor', 'adviser',
]);
// What arrives, appears or clears: up to the world, not to the writer.
const ARRIVALS = new Set(['arrive', 'arrives', 'reach', 'land', 'appear', 'show', 'clear', 'come']);
const ARRIVED = new Set(['delivered', 'credited', 'reflected', 'visible', 'cleared', 'released', 'with', 'there', 'home', 'in', 'on']);
// Between the auxiliary and the verb.
const ADVERBS = new Set(['definitely', 'certainly', 'surely', 'absolutely', '100', 'percent', 'immediately', 'instantly', 'also', 'then', 'now', 'still', 'always', 'guaranteed', 'be']);
// Walking back from "will" to find its subject stops at the frame: "I promise | your parcel will…".
const SUBJECT_STOPS = new Set(['that', 'promise', 'promises', 'guarantee', 'guarantees', 'assure', 'assured', 'sure', 'certain', 'positive', 'you']);
const MAX_SUBJECT = 5;
const CLAUSE_OPENERS = new Set(['and', 'but', 'so', 'or', 'while', 'whereas', 'although', 'though', 'because', 'which']);

// Certainty and speed inside the outcome's clause.
const MARKERS = new PatternIndex(
  [
    'guaranteed', 'definitely', 'certainly', 'surely', 'absolutely', '100 percent', 'one hundred percent', 'for sure', 'without fail',
    'immediately', 'instantly', 'right away', 'straight away', 'at once',
  ].map((source) => [compilePattern(source), true] as const),
);
// A frame before the outcome: "I guarantee your parcel…", "I promise, it will…", "Rest assured, …".
const FRAMES = new PatternIndex(
  [
    '(i|we) (can)? (personally)? (guarantee|promise|assure you)',
    'rest assured',
    '(i|we) (am|are) (100|100 percent|absolutely|completely)? (sure|certain|positive)',
  ].map((source) => [compilePattern(source), true] as const),
);
// A tail after it: "…, guaranteed.", "…, I promise."
const TAIL = compilePattern('(100 percent)? (guaranteed|for sure|without fail|i promise|i guarantee it|promise)');

interface Span {
  from: number;
  to: number;
}

/** Clauses of the sentence as token ranges: split at commas, dashes, and words such as "and". */
function clauses(sentence: Sentence): Span[] {
  const spans: Span[] = [];
  let from = 0;
  sentence.tokens.forEach((token, index) => {
    if (index > from && (clauseBreakBefore(sentence, index) || CLAUSE_OPENERS.has(token.norm))) {
      spans.push({ from, to: index });
      from = index;
    }
  });
  if (sentence.tokens.length > from) spans.push({ from, to: sentence.tokens.length });
  return spans;
}

/** "100%" is one marker: a number followed by a percent sign. */
function percentTokens(sentence: Sentence): Set<number> {
  const found = new Set<number>();
  if (!sentence.text.includes('%')) return found;
  sentence.tokens.forEach((token, index) => {
    const after = sentence.text.charAt(token.end - sentence.start);
    if (token.norm === '100' && after === '%' && sentence.tokens[index + 1]?.norm !== 'of') found.add(index);
  });
  return found;
}

/** "be delivered", "be with you", "be back on your card" — but not "be on its way" or "be back online". */
function arrived(tokens: readonly Token[], at: number): boolean {
  const word = tokens[at]?.norm ?? '';
  if (word === 'back') return ['in', 'on'].includes(tokens[at + 1]?.norm ?? '') && tokens[at + 2]?.norm === 'your';
  return ARRIVED.has(word) && tokens[at + 1]?.norm !== 'its';
}

// "…finding out when your product will arrive": an embedded question promises nothing.
const EMBEDDING = new Set(['when', 'where', 'how', 'whether', 'what', 'if', 'why']);

/** Where the subject of a future outcome the writer does not control starts in the clause, or -1. */
function outsideControl(tokens: readonly Token[], clause: Span): number {
  for (let at = clause.from; at < clause.to; at++) {
    const token = tokens[at]!;
    const future = token.norm === 'will' || token.norm === 'shall' || (token.norm === 'to' && ['going', 'guaranteed'].includes(tokens[at - 1]?.norm ?? ''));
    if (!future) continue;
    let first = at;
    while (first > clause.from && at - first < MAX_SUBJECT && !SUBJECT_STOPS.has(tokens[first - 1]!.norm)) first--;
    const subject = tokens.slice(first, at);
    if (subject.some((word) => EMBEDDING.has(word.norm))) continue;
    if (subject.some((word) => THIRD_PARTIES.has(word.norm))) return first;
    if (subject.some((word) => WRITER.has(word.norm))) continue;
    let verb = at + 1;
    while (verb < clause.to && ADVERBS.has(tokens[verb]!.norm) && !(tokens[verb]!.norm === 'be' && arrived(tokens, verb + 1))) verb++;
    const word = tokens[verb]?.norm ?? '';
    if (ARRIVALS.has(word) || (word === 'be' && arrived(tokens, verb + 1))) return first;
  }
  return -1;
}

const negated = (tokens: readonly Token[], from: number): boolean => tokens.slice(Math.max(0, from - 2), from).some((token) => token.norm === 'not' || token.norm === 'no');

export default defineRule({
  meta: {
    id: 'over-promise',
    description: 'Promises certainty or speed for what others decide, or that a problem will never recur',
    category: 'commitment',
    severity: 'warn',
    fixable: false,
    principle: '4. Say when, and keep your word',
    recommended: true,
  },
  options,
  create(context) {
    const match = phraseMatcher(phrases, context.options);
    const allowed = context.options.allow.map(compilePattern);
    return {
      sentence(sentence) {
        for (const report of match(sentence)) context.report(report);
        const { tokens } = sentence;
        const percents = percentTokens(sentence);
        const markers = [...MARKERS.matches(sentence), ...[...percents].map((at) => ({ from: at, to: at + 1 }))];
        const frames = FRAMES.matches(sentence);
        if (markers.length === 0 && frames.length === 0) return;
        const spans = clauses(sentence);
        const reported = new Set<number>();
        spans.forEach((clause, which) => {
          const subject = outsideControl(tokens, clause);
          if (subject < 0) return;
          const inside = (span: Span, within: Span): boolean => span.from >= within.from && span.to <= within.to;
          const previous = spans[which - 1];
          const next = spans[which + 1];
          const candidates = [
            // A marker before the subject belongs to another verb: "I can definitely help you … when it will arrive".
            ...markers.filter((marker) => inside(marker, clause) && marker.from >= subject),
            ...frames.filter((frame) => inside(frame, clause) || (previous && inside(frame, previous) && frame.from === previous.from && frame.to === previous.to)),
            ...(next ? matchPattern(TAIL, sentence).filter((tail) => tail.from === next.from && tail.to === next.to) : []),
          ];
          for (const { from, to } of candidates) {
            if (reported.has(from) || negated(tokens, from) || inCondition(sentence, clause.from)) continue;
            const start = tokens[from]!.start;
            let end = tokens[to - 1]!.end;
            if (percents.has(to - 1)) end += 1;
            if (allowed.some((allow) => matchPattern(allow, sentence).some((span) => span.start <= start && span.end >= end))) continue;
            if (tokens.slice(from, to).some((token) => token.quoted)) continue;
            reported.add(from);
            const actual = context.reply.text.slice(start, end);
            context.report({
              start,
              end,
              message: `"${actual}" promises an outcome that is not in your hands: say what you have done and what you expect ("I've sent it by express; the courier expects to deliver tomorrow")`,
              note: NOTE,
            });
          }
        });
      },
    };
  },
});

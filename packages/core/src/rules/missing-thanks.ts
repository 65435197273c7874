/**
 * TACTICS starts with thanks: "Thank the customer for raising it", and "don't forget to say
 * thank you". The rule looks for thanks the agent wrote — in the body, or a closing that
 * thanks for something ("Thank you for your patience,") — and reports the reply's opening
 * when there is none. A bare "Thanks," sign-off is a formula and does not count; thanks in
 * quoted history or in quotation marks are someone else's. It judges replies that answer
 * something the customer raised (quoted history, an apology, "your email", "you asked");
 * chat turns, replies to the customer's own thanks ("You're welcome!") and messages the
 * agent starts (a reminder, a follow-up, a rescheduled appointment) owe no thanks and pass.
 */
import { compilePattern, matchPattern, PatternIndex, type CompiledPattern } from '../phrases.js';
import { firstSentence, isChatTurn, openingRange, type Range } from '../reply-shape.js';
import { defineRule, type Reply } from '../rule.js';
import type { Sentence } from '../text.js';

const THANKS = new PatternIndex(
  [
    'thank (you|u|ya|yall|everyone|all|so|very|again)',
    '(many|big|huge)? thanks',
    'thank-you',
    '(thx|thanx|tnx)',
    'cheers for',
    '(grateful|thankful|gratitude)',
    'appreciate*',
    // Thanks written in another language inside an English reply.
    '(danke|dank|dankeschön|merci|gracias|obrigado|obrigada|grazie|bedankt|tack|takk|kiitos|dziękuję|köszönöm|diolch|спасибо|благодарю|ありがとう|ありがとうございます|谢谢|謝謝|감사합니다|شكرا)',
  ].map((source) => [compilePattern(source), true] as const),
);

// Words that look like thanks and are not: "thanks to the new router", a request such as
// "I'd appreciate it if you could…" or "we would be grateful for a photo".
const NOT_THANKS: readonly CompiledPattern[] = [
  'thanks to (the|a|an|this|that|these|those|our|its|their|his|her|my|it|which|some|new)',
  'no thanks',
  '(would|will|should) (be|also be) (greatly|very|much|really|most)? (appreciated|grateful|thankful)',
  '(would|will) (greatly|really|very much|much|truly)? appreciate',
  'appreciate it if',
  '(grateful|thankful) if',
].map(compilePattern);

// A closing that thanks for something: "Thank you for your patience,", "Thanks again for the photos".
const THANKFUL_CLOSING = /\b(?:thanks|thank\s+you|grateful|appreciate)\b.*\bfor\b/iu;

// Replies to the customer's own thanks: "You're welcome!", "My pleasure."
const WELCOME = ['you are (very|most|so)? welcome', '(my|our) pleasure'].map(compilePattern);
const WELCOME_CONTINUES = new Set(['to', 'back', 'aboard', 'at', 'in', 'on', 'with']);

// Messages the agent starts: nothing of the customer's to thank them for.
const AGENT_INITIATED = new PatternIndex(
  [
    '(just)? (checking in|following up)',
    'a (quick|friendly|short)? (update|reminder|heads up|note) (on|about|that|to|from)',
    '(quick|friendly|courtesy) (update|reminder|heads up)',
    'this is a (quick|friendly|courtesy)? (reminder|update|courtesy (call|message|email|note))',
    '(i am|we are|i am just|we are just) (writing|emailing|messaging|contacting you|reaching out|getting in touch) (to|because|about|with|regarding)',
    'as promised',
    '(i|we) (need|have) to (move|reschedule|change|cancel|postpone) your',
    '(results|report) * (is|are) (now)? (back|ready|in|available)',
  ].map((source) => [compilePattern(source), true] as const),
);

// Signs that the reply answers something the customer raised: an apology, the problem
// acknowledged, their message or what they did named. Without one (a confirmation, a notice)
// the reply may well be the agent's own message, and the rule does not judge it.
const RESPONDS = new PatternIndex(
  [
    '(sorry|apologi*|regret|inconvenience|frustrat*|disappoint*|upset|mistake|our fault|complaint)',
    'your (email|e-mail|message|letter|note|complaint|request|question|questions|query|enquiry|inquiry|feedback|review|appeal|call|chat|report|photo|photos|video|clip|screenshot|screenshots|details|reply|response|patience|concern|concerns)',
    'you (have|had)? (also)? (asked|reported|mentioned|wrote|said|told|raised|requested|flagged|contacted|called|emailed|complained|noticed|sent|shared|explained|described)',
    'you (let|letting) (us|me) know',
    'you are (looking|asking|wondering|hoping|trying)',
    'as (you (asked|requested|wanted|wished|suggested)|requested)',
    '(i|we) (completely|totally|fully|really|can)? understand (your|that|how|you)',
    // Looking into something is done because the customer asked.
    '(i|we) (have|had)? (just)? (checked|looked into|looked at|investigated|reviewed|gone through|read through)',
  ].map((source) => [compilePattern(source), true] as const),
);

const MESSAGE = 'The reply never thanks the customer: thank them for what they did ("Thanks for sending the photos")';
const NOTE = 'Thanking the customer for raising the problem is the first step of handling it (TACTICS): it tells them writing in was worth it.';

// Cheap tests on a paragraph's text before its sentences are matched word by word.
const THANKS_HINT = /thank|thx|thanx|tnx|cheers|grateful|gratitude|appreciat|danke|merci|gracias|obrigad|grazie|bedankt|tack|takk|kiitos|dzięk|köszön|diolch|спасиб|благодар|ありがと|谢谢|謝謝|감사|شكرا/iu;
const WELCOME_HINT = /welcome|pleasure/iu;

function isThanks(sentence: Sentence, match: Range): boolean {
  const tokens = sentence.tokens.filter((token) => token.start >= match.start && token.end <= match.end);
  if (tokens.length === 0 || tokens.some((token) => token.quoted)) return false;
  return !NOT_THANKS.some((pattern) => matchPattern(pattern, sentence).some((other) => other.start <= match.start && other.end >= match.start));
}

/** Body sentences, only from the paragraphs whose text passes a quick test. */
function sentences(reply: Reply, hint?: RegExp): Sentence[] {
  return reply.paragraphs.flatMap((paragraph) => (hint === undefined || hint.test(paragraph.text) ? paragraph.sentences : []));
}

// This rule and the TACTICS summary both ask, once each per reply.
const thanksIn = new WeakMap<Reply, Range | null>();

/**
 * Where the agent thanks the customer (offsets into `reply.text`): a body sentence, or a
 * closing that thanks for something. A pure detector, for coverage summaries as well as this rule.
 */
export function findThanks(reply: Reply): Range | undefined {
  let found = thanksIn.get(reply);
  if (found === undefined) thanksIn.set(reply, (found = searchThanks(reply) ?? null));
  return found ?? undefined;
}

function searchThanks(reply: Reply): Range | undefined {
  for (const sentence of sentences(reply, THANKS_HINT)) {
    const match = THANKS.matches(sentence)
      .sort((a, b) => a.start - b.start || b.end - a.end)
      .find((candidate) => isThanks(sentence, candidate));
    if (match) return { start: match.start, end: match.end };
  }
  const closing = reply.model.closing;
  if (closing && THANKFUL_CLOSING.test(closing.text)) return { start: closing.start, end: closing.end };
  return undefined;
}

function answersThanks(reply: Reply): boolean {
  return sentences(reply, WELCOME_HINT).some((sentence) =>
    WELCOME.some((pattern) =>
      matchPattern(pattern, sentence).some((match) => {
        const next = sentence.tokens[match.to];
        return !sentence.tokens[match.from]!.quoted && (next === undefined || !WELCOME_CONTINUES.has(next.norm));
      }),
    ),
  );
}

function respondsToCustomer(reply: Reply): boolean {
  return reply.model.quoted.length > 0 || sentences(reply).some((sentence) => RESPONDS.matches(sentence).some((match) => !sentence.tokens[match.from]!.quoted));
}

function agentInitiated(reply: Reply): boolean {
  const first = firstSentence(reply);
  return first !== undefined && AGENT_INITIATED.matches(first).length > 0;
}

export default defineRule({
  meta: {
    id: 'missing-thanks',
    description: 'Reply that never thanks the customer',
    category: 'tone',
    severity: 'warn',
    fixable: false,
    principle: '6. The TACTICS method for complaints',
    recommended: false,
  },
  create(context) {
    return {
      reply() {
        const { reply } = context;
        if (reply.paragraphs.length === 0 || isChatTurn(reply)) return;
        if (findThanks(reply) || !respondsToCustomer(reply) || answersThanks(reply) || agentInitiated(reply)) return;
        const opening = openingRange(reply);
        if (opening) context.report({ ...opening, message: MESSAGE, note: NOTE });
      },
    };
  },
});

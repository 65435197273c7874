/**
 * "Give the customer a resolution number so details can be found quickly on a follow-up
 * call." The rule reports a reply that quotes no case, ticket, order, booking, claim or
 * other reference number: a keyword followed by a code with a digit ("order 50231",
 * "claim CL-88213", "ref. MET-2024-55810"), a "#" number, or a placeholder that fills one in
 * (`{{ticket.id}}`, `%{ticket.number}`, `[Booking Reference]`). Teams with their own format
 * give it as a pattern. A case reply is one that speaks of the case ("your order", "the
 * claim"); the finding lands on the first such mention. Chat turns pass; quoted history
 * does not count. Off in `replylint:recommended`: many teams put the number in the subject line.
 */
import type { EmailModel } from '../email.js';
import { compilePattern, matchPattern, PatternIndex } from '../phrases.js';
import { isChatTurn, type Range } from '../reply-shape.js';
import { defineRule, type Reply, type RuleOptionsSpec } from '../rule.js';
import type { Sentence } from '../text.js';
import { clauseBreakBefore } from '../wording.js';

export interface MissingReferenceOptions {
  /** A regular expression (JavaScript syntax) that matches the team's reference numbers. */
  pattern?: string;
}

// What a reference number refers to.
const KEYWORDS = [
  'account', 'case', 'ticket', 'reference', 'ref', 'order', 'booking', 'reservation', 'confirmation', 'claim', 'complaint', 'incident',
  'request', 'return', 'rma', 'invoice', 'policy', 'application', 'tracking', 'pnr', 'dispute', 'chargeback', 'job',
  'consignment', 'awb', 'parcel', 'shipment', 'enquiry', 'inquiry', 'appeal', 'repair', 'quote', 'contract', 'itinerary',
];
const caseless = (word: string): string => [...word].map((char) => `[${char.toUpperCase()}${char}]`).join('');
const KEYWORD = `\\b(?:${KEYWORDS.map(caseless).join('|')})\\b`;
const NUMBER_WORD = `(?:${['number', 'no', 'num', 'nr', 'id', 'code', 'ref', 'reference'].map(caseless).join('|')})\\.?`;
// A code has a digit and three characters or more: "50231", "CL-88213", "QK7L2M", "JX 4402 118 95" (letters then digit groups).
const CODE = "#?\\s?(?:[A-Z]{1,4}\\s)?(?=[A-Z0-9/-]*\\d)[A-Z0-9][A-Z0-9/-]{2,}(?:\\s\\d[\\dA-Z]*)*";
// "order 50231", "claim number: HC-2024-11873", "order with the number 00123842".
const KEYWORD_REFERENCE = new RegExp(`${KEYWORD}\\.?(?:\\s+(?:with|under)\\s+(?:the\\s+)?(?:[Nn]umber|[Rr]eference|ID))?(?:\\s+${NUMBER_WORD})?\\s*(?:[:#(]|is|was)?\\s*${CODE}`, 'u');
// Booking codes are often letters only: "booking reference QKXLMP", "PNR: ABCDEF".
const LETTER_CODE = new RegExp(`\\b(?:${['reference', 'ref', 'pnr', 'locator', 'code'].map(caseless).join('|')})\\.?\\s*(?:[:#]|is)?\\s*[A-Z]{5,8}\\b`, 'u');
const HASH_NUMBER = /(?:^|[\s(])#\s?[A-Z]{0,4}-?\d{3,}/u;
// Placeholder names that fill in a reference: ticket.id, ticket.number, order_number, Booking Reference.
const REFERENCE_SLOT = /(?:^|[._\s-])(?:id|number|no|num|nr|ref|reference|pnr|rma)$/iu;
const CASE_SLOT = new RegExp(`^(?:${KEYWORDS.join('|')})$`, 'iu');

// The reply speaks of the case itself: "your order", "the claim", "your warranty claim".
const CASE_MENTION = new PatternIndex(
  [
    '(your|the|this) _? (order|booking|reservation|claim|complaint|case|ticket|return|refund|appeal|dispute|repair|parcel|shipment|consignment|enquiry|inquiry)',
    // "the application" is as often software as a credit application. "Your query" and "your
    // report" are as often a database query or a credit report, and "your request" is as often
    // an ask already granted ("as per your request, I've …"): none of them is a case word.
    'your _? application',
  ].map((source) => [compilePattern(source), true] as const),
);
// A case word that describes another noun names no case: "the return label", "the order confirmation".
const COMPOUND_HEAD = new Set([
  'label', 'labels', 'form', 'forms', 'policy', 'policies', 'id', 'number', 'confirmation', 'address', 'window', 'fee', 'fees',
  'status', 'details', 'page', 'button', 'link', 'history', 'process', 'rules', 'rate', 'period', 'limit', 'team', 'desk', 'department',
  'sync', 'data', 'export', 'request', 'requests', 'amount', 'method', 'options', 'import', 'total', 'value', 'summary', 'items', 'list', 'updates', 'emails', 'notifications', 'tracking',
]);
const CASE_HINT = /order|booking|reservation|claim|complaint|case|ticket|return|refund|appeal|dispute|repair|parcel|shipment|consignment|application|enquiry|inquiry/iu;
// Idioms, not cases: "in that case", "handled in the order they arrive".
const NOT_A_CASE = compilePattern('(in (the|this|that) case|in the order (in|of|that|they|which|received|listed|shown|given))');
// An enquiry is a case only where the reply handles it as one: its subject ("your enquiry is
// with the highways team", "this inquiry has gone to…") or what was received or passed on
// ("we've logged your enquiry"). "Thanks for your inquiry about permits", "a response to your
// inquiry" answer a question.
const ENQUIRY = new Set(['enquiry', 'inquiry']);
const MAX_ENQUIRY_TOPIC = 8;
// "Your inquiry about whether the pool is open": the question's own verb is not the enquiry's.
const QUESTION_WORDS = new Set(['whether', 'if', 'what', 'when', 'where', 'why', 'how', 'which', 'who']);
const ENQUIRY_STATUS = new Set(['is', 'has', 'have', 'was', 'will', 'remains', 'now', 'reached']);
const ENQUIRY_HANDLED = new Set(['received', 'logged', 'passed', 'forwarded', 'registered', 'recorded', 'escalated', 'referred', 'assigned', 'transferred', 'raised', 'opened', 'sent']);
function isHandledEnquiry(sentence: Sentence, from: number, to: number): boolean {
  const { tokens } = sentence;
  if (ENQUIRY_HANDLED.has(tokens[from - 1]?.norm ?? '')) return true;
  // The subject may carry its topic: "This inquiry about the streetlight on Mill Lane has gone …".
  const reach = from === 0 ? to + MAX_ENQUIRY_TOPIC : to;
  for (let at = to; at <= reach && at < tokens.length; at++) {
    if (at > to && (clauseBreakBefore(sentence, at) || QUESTION_WORDS.has(tokens[at]!.norm))) return false;
    if (ENQUIRY_STATUS.has(tokens[at]!.norm)) return true;
  }
  return false;
}

const message = (mention: string): string => `"${mention}" has no reference number in the reply: quote it, so the customer can find the case again`;
const NOTE = 'A reference number lets the customer (and the next agent) find the case at once on a follow-up call or email.';

function parseOptions(raw: unknown): MissingReferenceOptions {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('options must be an object such as { "pattern": "CS-\\\\d{6}" }');
  const { pattern, ...unknown } = raw as Record<string, unknown>;
  const extra = Object.keys(unknown)[0];
  if (extra !== undefined) throw new Error(`unknown option "${extra}" (expected "pattern")`);
  if (pattern === undefined) return {};
  if (typeof pattern !== 'string' || pattern.trim() === '') throw new Error('"pattern" must be a regular expression as a string, such as "CS-\\\\d{6}"');
  let compiled: RegExp;
  try {
    compiled = new RegExp(pattern, 'u');
  } catch (error) {
    throw new Error(`"pattern" is not a valid regular expression: ${(error as Error).message}`);
  }
  if (compiled.test('')) throw new Error('"pattern" matches empty text, so every reply would have a reference');
  return { pattern };
}

const options: RuleOptionsSpec<MissingReferenceOptions> = { defaults: {}, parse: parseOptions };

/** The text the agent wrote: everything outside quoted history, placeholders blanked. */
function authoredText(model: EmailModel): string {
  let text = model.text;
  for (const quote of model.quoted) text = text.slice(0, quote.start) + ' '.repeat(quote.end - quote.start) + text.slice(quote.end);
  for (const placeholder of model.placeholders) text = text.slice(0, placeholder.start) + ' '.repeat(placeholder.end - placeholder.start) + text.slice(placeholder.end);
  return text;
}

function hasReferenceSlot(model: EmailModel): boolean {
  return model.placeholders.some(
    (placeholder) => !model.quoted.some((quote) => placeholder.start >= quote.start && placeholder.end <= quote.end) && (REFERENCE_SLOT.test(placeholder.name) || CASE_SLOT.test(placeholder.name)),
  );
}

/** Whether the reply quotes a reference, by the team's pattern or the built-in shapes. */
export function hasReference(reply: Reply, pattern?: RegExp): boolean {
  if (hasReferenceSlot(reply.model)) return true;
  const text = authoredText(reply.model);
  if (pattern) return pattern.test(text);
  return KEYWORD_REFERENCE.test(text) || LETTER_CODE.test(text) || HASH_NUMBER.test(text);
}

/** The first words that speak of the case, outside quotation marks. */
function firstCaseMention(reply: Reply): Range | undefined {
  for (const paragraph of reply.paragraphs) {
    if (!CASE_HINT.test(paragraph.text)) continue;
    for (const sentence of paragraph.sentences) {
      const mention = CASE_MENTION.matches(sentence)
        .filter((match) => !sentence.tokens.slice(match.from, match.to).some((token) => token.quoted || token.placeholder))
        .filter((match) => !COMPOUND_HEAD.has(sentence.tokens[match.to]?.norm ?? ''))
        // "your subscription (ticket …)": the words of a mention stand together.
        .filter((match) => !sentence.tokens.slice(match.from + 1, match.to).some((_, offset) => clauseBreakBefore(sentence, match.from + 1 + offset)))
        .filter((match) => !ENQUIRY.has(sentence.tokens[match.to - 1]!.norm) || isHandledEnquiry(sentence, match.from, match.to))
        .filter((match) => !matchPattern(NOT_A_CASE, sentence).some((idiom) => idiom.start <= match.start && idiom.end >= match.end))
        .sort((a, b) => a.start - b.start)[0];
      if (mention) return { start: mention.start, end: mention.end };
    }
  }
  return undefined;
}

export default defineRule<MissingReferenceOptions>({
  meta: {
    id: 'missing-reference',
    description: 'Case reply without a case, ticket or order number',
    category: 'ownership',
    severity: 'warn',
    fixable: false,
    principle: '3. A named person owns the case',
    recommended: false,
  },
  options,
  create(context) {
    const pattern = context.options.pattern === undefined ? undefined : new RegExp(context.options.pattern, 'u');
    return {
      reply() {
        const { reply } = context;
        if (isChatTurn(reply)) return;
        const mention = firstCaseMention(reply);
        if (!mention || hasReference(reply, pattern)) return;
        context.report({ ...mention, message: message(reply.text.slice(mention.start, mention.end)), note: NOTE });
      },
    };
  },
});

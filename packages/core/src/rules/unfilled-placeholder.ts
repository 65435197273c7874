/**
 * A draft about to be sent that still holds a slot: a help-desk placeholder nobody rendered
 * ("{{first_name}}", HubSpot's "[[MISSING TOKEN …]]"), a slot written for a person to fill in
 * ("Hi [Customer Name],", "<insert date>"), or a writer's marker ("TODO:", "XXX"). Drafts only:
 * in a template the placeholders are the point (malformed-placeholder checks those).
 * Precision: bracketed text must read like a slot (no digits, ends in what is asked for:
 * "[sic]", "[1]", "[EXTERNAL]" and Markdown links are text); X's beside digits are a masked
 * number ("card ending XXXX-1234"); "TODO" counts only as a marker ("TODO:", "[TODO]", alone
 * at the end of a line), not in "your TODO list"; quotation marks quote someone else; a
 * bracketed button or menu ("click [Billing Details]") and code spans are not slots.
 */
import { codeSpans, findMergeTags, looksLikeSlot, roleOf, type Placeholder } from '../placeholders.js';
import { defineRule, type Reply } from '../rule.js';

const NOTE = 'A slot that reaches the customer says nobody read the reply before it was sent — and leaves out what it was meant to say.';

const BRACKET_SLOT = /(?<![[!\]])\[([^[\]\n]{1,60})\](?![([:\]])/gu;
const ANGLE_SLOT = /<([^<>\n]{2,40})>/gu;
// Single words that are HTML elements, not slots, when written in lower case: <code>, <title>.
const HTML_ELEMENTS = new Set(['code', 'title', 'address', 'time', 'data', 'label', 'link', 'details', 'summary']);
// Writer's markers: TODO / FIXME / TKTK as notes, not as words in a sentence.
const MARKER = /(?<![\p{L}\d_])(?:TODO|FIXME|TKTK)(?![\p{L}\d_])/gu;
// Runs of X standing in for a value: "XXX", "£XX.XX", "XX/XX/XXXX".
const X_RUN = /(?<![\p{L}\d_*•-])[£$€#]?X{2,}(?:[.,/:-]X{2,})*(?![\p{L}\d_*•])|[£$€]\?{2,}/gu;

// A bracket that names a button or menu: "click [Billing Details]", "[Settings] > [Plan]".
const UI_LEAD_IN = /(?:\b(?:click|clicking|tap|tapping|press|pressing|select|selecting|choose|choosing|hit|open|opening|go\s+to|navigate\s+to|head\s+to)(?:\s+(?:on|the))?|[>→›»])\s*$/iu;
const UI_FOLLOW_UP = /^\s*(?:[>→›»]|(?:button|tab|menu|page|link|section|option|field|box|icon|screen|panel|window)\b)/iu;
// "{first_name}", "{order_id}": a field name in single braces, from a tool with its own syntax.
const SINGLE_BRACE_FIELD = /(?<![{%#$\w])\{\s*([A-Za-z_][\w.]{0,60}?)\s*\}(?!\})/gu;
// "within [X] business days", "XX hours": a one-letter slot or two X's before a unit.
const UNIT = String.raw`(?= (?:(?:business|working|calendar) )?(?:days?|hours?|minutes?|weeks?|months?|years?|items?|times?|percent|euros?|dollars?|pounds?)\b)`;
// Literal first, word before checked by hand: a lookbehind here is tried at every offset of the text.
const UNIT_SLOT = new RegExp(String.raw`(?:\[[XN#]\]|\bXX)${UNIT}`, 'gu');
const AFTER_WORD = /[\p{L},:] $/u;
// "Hi NAME,", "Dear FIRST_NAME": a field name in capitals where the greeting's name goes.
const GREETING_FIELD = /\b(?:NAME|FNAME|FIRSTNAME|FIRST_NAME|FULL_NAME|FULLNAME|CUSTOMER_NAME|CUSTOMER|CLIENT_NAME)\b/gu;

/** Spans of body words inside quotation marks: someone else's words. */
function quotedWords(reply: Reply): Array<[number, number]> {
  return reply.paragraphs.flatMap((paragraph) =>
    paragraph.sentences.flatMap((sentence) => sentence.tokens.filter((token) => token.quoted).map((token): [number, number] => [token.start, token.end])),
  );
}

/** "TODO:", "[TODO]", "TODO(kai)", or a TODO that ends its line: a note to the writer. */
function isMarker(text: string, start: number, end: number): boolean {
  if (text.slice(start, end) === 'TKTK') return true;
  const before = text.slice(0, start).replace(/[ \t]+$/u, '');
  const after = text.slice(end).replace(/^[ \t]+/u, '');
  return /[[(<]$/u.test(before) || /^[:\]()>!-]/u.test(after) || /^(?:[\r\n]|$)/u.test(after) || /(?:^|[\r\n])$/u.test(before);
}

/** X's next to digits, asterisks or other X groups are a masked number: "XXXX-1234", "XXXX XXXX 1234". */
function isMask(text: string, start: number, end: number): boolean {
  const run = /[X\d*•]+(?:[ -][X\d*•]+)*$/u.exec(text.slice(Math.max(0, start - 40), start))?.[0] ?? '';
  const rest = /^(?:[ -]?[X\d*•]+)*/u.exec(text.slice(end, end + 40))?.[0] ?? '';
  return /[\d*•]/u.test(run + rest) || /X{2,}[ -]X{2,}/u.test(run + text.slice(start, end) + rest);
}

function describe(placeholder: Placeholder): string {
  return placeholder.syntax === 'double-bracket' && /^MISSING TOKEN\b/u.test(placeholder.name)
    ? `"${placeholder.raw}" is HubSpot's mark for a token it had no value for: write the value in`
    : `"${placeholder.raw}" was never filled in: the customer would see the placeholder as it is`;
}

export default defineRule({
  meta: {
    id: 'unfilled-placeholder',
    description: 'Slot left in a reply about to be sent: an unrendered placeholder, "[Customer Name]", "<insert date>", "TODO", "XXX"',
    category: 'structure',
    severity: 'error',
    fixable: false,
    principle: '7. Personal, not generic',
    recommended: true,
  },
  create(context) {
    return {
      reply() {
        const reply = context.reply;
        if (reply.document.kind !== 'draft') return;
        const { text, model } = reply;
        const reported = codeSpans(text);
        let quoted: Array<[number, number]> | undefined;
        const report = (start: number, end: number, message: string): void => {
          if (reported.some(([from, to]) => start < to && end > from)) return;
          if ((quoted ??= quotedWords(reply)).some(([from, to]) => start < to && end > from)) return;
          reported.push([start, end]);
          context.report({ start, end, message, note: NOTE });
        };

        for (const tag of findMergeTags(text)) {
          // `${…}` is also code: only a field a reply would fill in ("${first_name}") is a slot.
          const name = tag.raw.replace(/^\$\{\s*|\s*\}$/gu, '');
          if (tag.script && roleOf(name) === 'other' && !/[._]/u.test(name)) continue;
          report(tag.start, tag.end, `"${tag.raw}" is ${tag.kind} that was never filled in`);
        }
        for (const placeholder of model.placeholders) {
          if (placeholder.syntax === 'bracket') continue;
          if (placeholder.syntax === 'double-bracket' && !/^[\p{L}][\p{L}\d _.:-]*$/u.test(placeholder.name)) continue;
          report(placeholder.start, placeholder.end, describe(placeholder));
        }
        for (const match of text.matchAll(SINGLE_BRACE_FIELD)) {
          const name = match[1]!;
          if (roleOf(name) === 'other' && !/[._]/u.test(name)) continue;
          report(match.index, match.index + match[0].length, `"${match[0]}" was never filled in: the customer would see the placeholder as it is`);
        }
        for (const match of text.matchAll(BRACKET_SLOT)) {
          const end = match.index + match[0].length;
          if (UI_LEAD_IN.test(text.slice(Math.max(0, match.index - 20), match.index)) || UI_FOLLOW_UP.test(text.slice(end, end + 12))) continue;
          if (looksLikeSlot(match[1]!)) report(match.index, match.index + match[0].length, `"${match[0]}" is a slot that was never filled in`);
        }
        for (const match of text.matchAll(ANGLE_SLOT)) {
          const inner = match[1]!.trim();
          if (!looksLikeSlot(inner)) continue;
          if (HTML_ELEMENTS.has(inner) || text.includes(`</${inner}>`)) continue;
          report(match.index, match.index + match[0].length, `"${match[0]}" is a slot that was never filled in`);
        }
        for (const match of text.matchAll(UNIT_SLOT)) {
          if (!AFTER_WORD.test(text.slice(Math.max(0, match.index - 2), match.index))) continue;
          report(match.index, match.index + match[0].length, `"${match[0]}" stands in for a value that was never filled in`);
        }
        if (model.greeting) {
          for (const match of model.greeting.text.matchAll(GREETING_FIELD)) {
            const start = model.greeting.start + match.index;
            report(start, start + match[0].length, `"${match[0]}" is a field name where the customer's name should be`);
          }
        }
        for (const match of text.matchAll(MARKER)) {
          const end = match.index + match[0].length;
          if (isMarker(text, match.index, end)) report(match.index, end, `"${match[0]}" is a note to the writer: finish the reply or take it out before sending`);
        }
        for (const match of text.matchAll(X_RUN)) {
          const end = match.index + match[0].length;
          if ((match[0].match(/[X?]/gu)?.length ?? 0) < 3 && !/^[£$€#]/u.test(match[0])) continue;
          if (!isMask(text, match.index, end)) report(match.index, end, `"${match[0]}" stands in for a value that was never filled in`);
        }
      },
    };
  },
});

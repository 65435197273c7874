/**
 * Capitals and "!!!" read as a raised voice ("courtesy in writing must be exaggerated,
 * because tone is lost"). The rule reports runs of capitalised words in the body ("DO NOT",
 * "PLEASE READ CAREFULLY", "IMPORTANT!") and runs of two or more exclamation marks, with the
 * rewrite in ordinary case or with one "!". Capitals that are not a voice pass: acronyms and
 * codes (a word of at most four capitals — PDF, FAQ, ID, VAT — unless it is a common word
 * such as NOT or NOW; letters without a vowel; any word with a digit or an underscore; USB-C),
 * well-known longer acronyms (HTTPS, HIPAA, SWIFT), words the signature writes in capitals
 * (the company's name), keywords and codes ("reply STOP", "reference QKXLMP"), labels and
 * text copied from a screen ("the SHARE button", "the app says ACCESS DENIED"), `code`,
 * headings on a line of their own, legal notices in capitals, placeholders, quotations,
 * signatures and quoted history.
 */
import { defineRule, type RuleOptionsSpec } from '../rule.js';
import type { AnalyzedParagraph, Sentence, Token } from '../text.js';

export interface ShoutingOptions {
  /** Words in capitals that are names here, not shouting: brands, products, systems. */
  allow: string[];
}

// Longer acronyms and initialisms that are written in capitals (shorter ones pass anyway).
const ACRONYMS = new Set(
  `HTTPS HIPAA SWIFT CHAPS ASCII OAUTH DMARC FATCA FINRA NASDAQ EBITDA UNESCO UNICEF COVID SCUBA LASER RADAR CAPTCHA SCORM
  NHTSA ERISA COBRA FERPA PIPEDA MIFARE LATAM BENELUX OFCOM OFGEM OFWAT CLABE SOFORT GIROPAY XHTML NOSQL GRAPHQL WYSIWYG
  NVIDIA FEDEX GEICO`.split(/\s+/u),
);
// Short words that shout on their own: "do NOT", "reply NOW", "YOU must", "we WILL".
const LOUD_SHORT = new Set(
  `NOT DO DONT DON'T DON’T CAN'T CAN’T WON'T WON’T ISN'T ISN’T MUST NOW ONLY VERY YOU YOUR STOP ALL ANY NEED READ FREE
  LAST SURE KEEP LATE SOON MORE BEST NEW WILL HAVE THIS THAT WHAT WHY WHEN HOW HERE JUST EVER EACH ALSO EVEN BACK BEEN
  WERE WITH FROM MAKE LOOK TAKE GIVE GOOD OVER THE AND FOR ARE BUT WAS`.split(/\s+/u),
);
// Short acronyms that keep their capitals inside a loud run ("SEND THE PDF TODAY" → "send the
// PDF today"); other short words in the run are lowered, and so are IT and US (pronouns there).
const SHORT_ACRONYMS = new Set(
  `FAQ VAT ID UK EU USA API URL SIM PIN ATM TV PC HR CEO ETA ASAP FYI OK AM PM UTC CET EST USB DVD CD IBAN BIC IMEI VPN
  WIFI ISP IP QR NFC AI KYC GDPR PS NB RE FW CC OTP MFA SSO SAML AWS SEPA BACS IOS EMEA APAC NHS DVLA HMRC IRS EIN VIN
  LED UPS EUR AUD CAD NZD JPY CHF SEK NOK DKK KG KM MB GB TB`.split(/\s+/u),
);
// Words before a keyword to type or a code: "reply STOP", "type DELETE", "booking reference
// QKXLMP", "voucher SPRINGSALE".
const KEYWORD_BEFORE = new Set([
  'reply', 'text', 'type', 'enter', 'send', 'write', 'press', 'hold', 'tap', 'click', 'select', 'choose', 'say', 'word',
  'keyword', 'option', 'button', 'reference', 'ref', 'pnr', 'code', 'coupon', 'voucher', 'promo', 'locator', 'confirmation',
  'password', 'username', 'serial', 'model', 'id', 'booking', 'sku',
]);
// Words after which capitals are text copied from a screen: "the error says ACCESS DENIED",
// "marked as CANCELLED".
const SHOWN_WORDS = new Set(['says', 'reads', 'shows', 'displays', 'labelled', 'labeled', 'marked', 'titled', 'called', 'named', 'error', 'message', 'status']);
const AS_SHOWN = new Set(['show', 'shows', 'shown', 'appears', 'listed', 'set', 'flagged']);
// Labels printed in capitals on screens and devices: "the SHARE button", "the ADMIN tab".
const LABEL_NOUNS = new Set(['button', 'buttons', 'key', 'keys', 'tab', 'tabs', 'menu', 'option', 'field', 'mode', 'setting', 'switch', 'light', 'lights', 'screen', 'column', 'label', 'page', 'section', 'link', 'icon', 'box', 'window', 'panel']);
const LEGAL_WORDS = /\b(?:WARRANT(?:Y|IES)|LIABILITY|LIABLE|DISCLAIM|TERMS|CONDITIONS|MERCHANTABILITY|FITNESS|INDEMNIF|STATUTORY|CONFIDENTIAL|PRIVILEGED|"AS IS"|AS IS)\b/u;

const NOTE = 'Capitals and stacked exclamation marks read as shouting; tone is lost in writing, so it reads louder than meant.';

const LOUD_HINT = /\p{Lu}{2}|[!！‼]{2}|‼/u;
const CAPS_WORD = /^[\p{Lu}][\p{Lu}'’]*$/u;
const letters = (word: string): number => word.replace(/['’]/gu, '').length;

function parseOptions(raw: unknown): ShoutingOptions {
  if (raw === undefined) return { allow: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('options must be an object such as { "allow": ["ACME"] }');
  const { allow = [], ...unknown } = raw as Record<string, unknown>;
  const extra = Object.keys(unknown)[0];
  if (extra !== undefined) throw new Error(`unknown option "${extra}" (expected "allow")`);
  if (!Array.isArray(allow) || !allow.every((word) => typeof word === 'string' && word.trim() !== '')) throw new Error('"allow" must be a list of words, such as ["ACME", "NEXUS"]');
  return { allow: allow.map((word: string) => word.trim().toUpperCase()) };
}

const options: RuleOptionsSpec<ShoutingOptions> = { defaults: { allow: [] }, parse: parseOptions };

interface Word {
  token: Token;
  raw: string;
}

/** The words of a sentence, one per written word (contractions expand into several tokens). */
function wordsOf(sentence: Sentence): Word[] {
  const words: Word[] = [];
  for (const token of sentence.tokens) {
    if (words[words.length - 1]?.token.start === token.start) continue;
    words.push({ token, raw: token.raw });
  }
  return words;
}

const lineStartOf = (text: string, offset: number): number => Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;

/** The line of `text` around an offset. */
function lineAround(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  const rest = text.slice(offset).search(/[\r\n]/u);
  return text.slice(start, rest < 0 ? text.length : offset + rest);
}

/** A heading in a template: a line of capitals alone, with no sentence punctuation at its end. */
function isHeading(line: string): boolean {
  const trimmed = line.trim();
  return !/\p{Ll}/u.test(trimmed) && !/[.!?！？]$/u.test(trimmed) && trimmed.split(/\s+/u).length <= 8;
}

export default defineRule<ShoutingOptions>({
  meta: {
    id: 'shouting',
    description: 'Words in capitals or stacked exclamation marks that read as shouting',
    category: 'tone',
    severity: 'warn',
    fixable: true,
    principle: '1. Courtesy in writing must be exaggerated, because tone is lost',
    recommended: true,
  },
  options,
  create(context) {
    const { text, model } = context.reply;
    const allowed = new Set(context.options.allow);
    // Words the signature writes in capitals are names ("SKYWARD AIRLINES"), not shouting.
    for (const line of model.signature) for (const word of line.text.match(/\p{Lu}{2,}/gu) ?? []) allowed.add(word);

    const isCaps = (word: Word): boolean => !word.token.placeholder && !word.token.quoted && CAPS_WORD.test(word.raw);
    // Letters without a vowel are an acronym or a code: PDF, HTML, QKXLMP.
    const vowelless = (word: string): boolean => letters(word) >= 3 && !/[AEIOUY'’]/u.test(word);
    // An acronym or a name keeps its capitals.
    const isAcronym = (word: string): boolean => allowed.has(word) || ACRONYMS.has(word) || SHORT_ACRONYMS.has(word) || vowelless(word);
    const isLoud = (word: string): boolean => {
      if (allowed.has(word) || ACRONYMS.has(word) || vowelless(word)) return false;
      return letters(word) >= 5 || LOUD_SHORT.has(word);
    };

    const reportRun = (run: Word[], sentence: Sentence): void => {
      // Acronyms at the edges stay out of the finding: "PDF NOW" reports "NOW".
      const lowerable = (word: Word): boolean => isLoud(word.raw) || !isAcronym(word.raw);
      let first = 0;
      let last = run.length - 1;
      while (first <= last && !lowerable(run[first]!)) first++;
      while (last >= first && !lowerable(run[last]!)) last--;
      const words = run.slice(first, last + 1);
      if (!words.some((word) => isLoud(word.raw))) return;
      const start = words[0]!.token.start;
      const end = words[words.length - 1]!.token.end;
      if (isHeading(lineAround(text, start))) return;
      const before = sentence.tokens.filter((token) => token.end <= start).pop();
      if (words.length === 1 && before && KEYWORD_BEFORE.has(before.norm)) return;
      if (before && SHOWN_WORDS.has(before.norm)) return;
      const twoBefore = sentence.tokens.filter((token) => token.end <= (before?.start ?? 0)).pop();
      if (before?.norm === 'as' && twoBefore && (SHOWN_WORDS.has(twoBefore.norm) || AS_SHOWN.has(twoBefore.norm))) return;
      // A word before a path is an HTTP method: "DELETE /v2/items".
      if (/^ \//u.test(text.slice(end, end + 2))) return;
      // Inside `code` (a query, a constant) or [brackets] (a slot, an editor's note), not a voice.
      const lineBefore = text.slice(lineStartOf(text, start), start);
      if ((lineBefore.match(/`/gu)?.length ?? 0) % 2 === 1) return;
      if ((lineBefore.match(/\[/gu)?.length ?? 0) > (lineBefore.match(/\]/gu)?.length ?? 0)) return;
      const after = sentence.tokens.find((token) => token.start >= end);
      if (after && LABEL_NOUNS.has(after.norm)) return;
      const sentenceStart = sentence.tokens[0]?.start === start;
      let rewrite = '';
      let cursor = start;
      for (const [index, word] of words.entries()) {
        rewrite += text.slice(cursor, word.token.start);
        // "I", "I'M", "I'LL" keep their capital I.
        const lower = !lowerable(word) ? word.raw : /^I(?:$|['’])/u.test(word.raw) ? `I${word.raw.slice(1).toLowerCase()}` : word.raw.toLowerCase();
        rewrite += index === 0 && sentenceStart ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
        cursor = word.token.end;
      }
      const actual = text.slice(start, end);
      context.report({ start, end, message: `"${actual}" in capitals reads as shouting`, expected: [rewrite], note: NOTE });
    };

    // Whether a paragraph is a legal notice in capitals, decided once per paragraph.
    const legal = new Map<number, boolean>();
    const isLegalNotice = (paragraph: AnalyzedParagraph): boolean => {
      let notice = legal.get(paragraph.start);
      if (notice === undefined) {
        notice = LEGAL_WORDS.test(paragraph.text) && (paragraph.text.match(/\p{Ll}/gu)?.length ?? 0) < paragraph.text.length / 10;
        legal.set(paragraph.start, notice);
      }
      return notice;
    };

    return {
      sentence(sentence, paragraph) {
        // Most sentences have neither two capitals in a row nor two exclamation marks.
        if (!LOUD_HINT.test(sentence.text) || isLegalNotice(paragraph)) return;
        const words = wordsOf(sentence);
        let run: Word[] = [];
        const flush = (): void => {
          if (run.length > 0) reportRun(run, sentence);
          run = [];
        };
        for (const word of words) {
          const previous = run[run.length - 1];
          if (!isCaps(word)) {
            flush();
            continue;
          }
          if (previous && !/^[ \t]+$/u.test(text.slice(previous.token.end, word.token.start))) flush();
          run.push(word);
        }
        flush();

        for (const match of sentence.text.matchAll(/(?:[!！]|‼\uFE0F?){2,}|‼\uFE0F?/gu)) {
          const start = sentence.start + match.index;
          const end = start + match[0].length;
          const before = sentence.tokens.filter((token) => token.end <= start).pop();
          if (before?.quoted && /^["”»’']/u.test(text.slice(end, end + 1))) continue;
          context.report({ start, end, message: `"${match[0]}" reads as shouting: one exclamation mark is enough`, expected: ['!'], note: NOTE });
        }
      },
    };
  },
});

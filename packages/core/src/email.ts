/**
 * The email model: a reply split into greeting, body paragraphs, closing, signature and
 * quoted history, each with exact offsets into the original text. It is structural only
 * (lines and their shapes); sentence analysis happens later, on the body alone.
 */
import { findPlaceholders, type Placeholder } from './placeholders.js';

export type RegionKind = 'greeting' | 'body' | 'closing' | 'signature' | 'quote';

export interface Region {
  kind: RegionKind;
  start: number;
  end: number;
  text: string;
}

export interface EmailModel {
  text: string;
  greeting?: Region;
  /**
   * Body paragraphs in order: blocks of non-blank lines between greeting and closing, then any
   * P.S. paragraphs written below the signature (the customer reads those last).
   */
  body: Region[];
  closing?: Region;
  /**
   * One region per signature line (after the closing, after `-- `, or a trailing name block),
   * then mail-client and legal footers ("Sent from my iPhone", confidentiality notices).
   */
  signature: Region[];
  /** Quoted history: `>` lines and everything from a reply header ("On … wrote:") on. */
  quoted: Region[];
  /** The quoted words without `>` markers or headers: earlier messages, usually the customer's. */
  quotedText: string;
  /** The author named by the quote header ("On …, Marcus Lee <…> wrote:" → "Marcus Lee"). */
  quotedAuthor?: string;
  placeholders: Placeholder[];
}

/** A line of the text, without its line break; offsets into the text. */
export interface Line {
  start: number;
  end: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  // A character loop: the regex version was the email model's hottest spot.
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code !== 10 && code !== 13) continue;
    lines.push({ start, end: index, text: text.slice(start, index) });
    if (code === 13 && text.charCodeAt(index + 1) === 10) index++;
    start = index + 1;
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

const isBlank = (line: Line): boolean => line.text.trim() === '';
const isQuoteLine = (line: Line): boolean => /^\s*>/u.test(line.text);

/** The region for a line with surrounding white space left out. */
function trimmedRegion(kind: RegionKind, text: string, start: number, end: number): Region {
  const slice = text.slice(start, end);
  const leading = slice.length - slice.trimStart().length;
  const trailing = slice.length - slice.trimEnd().length;
  return { kind, start: start + leading, end: end - trailing, text: slice.trim() };
}

// ---------------------------------------------------------------------------------------------
// Quoted history

const WROTE = /(?:\b(?:wrote|a écrit|escribió|ha scritto|schreef|skrev|escreveu|napisał)\s*:|\bschrieb\b[^:\n]{0,120}:)\s*$/iu;
const REPLY_HEADER_START = /^\s*(?:On|Le|Am|El|Il|Op|Den|Em|W dniu)\s\S/u;
const FORWARD_HEADER = /^\s*(?:-{2,}\s*(?:Original Message|Forwarded message|Ursprüngliche Nachricht|Message d'origine)\s*-{2,}|Begin forwarded message:?|_{10,})\s*$/iu;
const OUTLOOK_FROM = /^\s*\*?(?:From|Von|De|Da)\*?:\s*\S/u;
const OUTLOOK_FIELD = /^\s*\*?(?:Sent|Date|To|Subject|Cc|Gesendet|An|Betreff|Envoyé|À|Objet)\*?:/u;

/** The "From: … Subject: …" fields under a forward header, with blank lines before them. */
function forwardedFieldLines(lines: Line[], first: number): number {
  let index = first;
  while (index < lines.length && isBlank(lines[index]!)) index++;
  if (index >= lines.length || !OUTLOOK_FROM.test(lines[index]!.text)) return 0;
  index++;
  while (index < lines.length && OUTLOOK_FIELD.test(lines[index]!.text)) index++;
  return index - first;
}

/** Index of the line where quoted history starts, and how many lines its header spans. */
export function findQuoteHeader(lines: Line[]): { index: number; headerLines: number } | undefined {
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]!.text;
    if (FORWARD_HEADER.test(text)) return { index, headerLines: 1 + forwardedFieldLines(lines, index + 1) };
    if (REPLY_HEADER_START.test(text)) {
      if (WROTE.test(text)) return { index, headerLines: 1 };
      const next = lines[index + 1];
      if (next && WROTE.test(next.text) && text.length + next.text.length < 300) return { index, headerLines: 2 };
    }
    if (OUTLOOK_FROM.test(text)) {
      const following = lines.slice(index + 1, index + 6).filter((line) => OUTLOOK_FIELD.test(line.text)).length;
      if (following >= 2) {
        let headerLines = 1;
        while (index + headerLines < lines.length && OUTLOOK_FIELD.test(lines[index + headerLines]!.text)) headerLines++;
        return { index, headerLines };
      }
    }
  }
  return undefined;
}

/** The author a quote header names: its "From:" field, or the name before "wrote:". */
function authorFromHeader(headerLines: readonly string[]): string | undefined {
  const fromLine = headerLines.find((line) => OUTLOOK_FROM.test(line));
  let candidate: string | undefined;
  if (fromLine) {
    candidate = /^\s*\*?(?:From|Von|De|Da)\*?:\s*"?([^"<[]+?)"?\s*(?:<|\[mailto:|$)/u.exec(fromLine)?.[1];
  } else {
    const collapsed = headerLines.join(' ').replace(/\s+/gu, ' ').trim();
    const german = /\bschrieb\s+"?([^"<:]+?)"?\s*(?:<[^>]*>)?\s*:\s*$/u.exec(collapsed);
    const beforeWrote = /^(.*?)\s*(?:<[^>]*>|\([^)]*\)|\[mailto:[^\]]*\])?\s*(?:wrote|a écrit|escribió|ha scritto|schreef|skrev|escreveu|napisał)\s*:\s*$/iu.exec(collapsed)?.[1];
    // The name follows the date: after its last comma, time of day or year.
    candidate = german?.[1] ?? beforeWrote?.split(/,\s*|\b\d{1,2}[:.]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?\s*|\b\d{4}\b\s*/u).pop()?.replace(/^(?:at|à|um|a las|alle|om|kl\.?)\s+/iu, '');
  }
  candidate = candidate?.replace(/^["'“]|["'”]$/gu, '').trim();
  if (!candidate || candidate.includes('@') || /\d/u.test(candidate)) return undefined;
  return candidate;
}

// ---------------------------------------------------------------------------------------------
// Greeting

const GREETING_OPENER =
  /^(?:hi|hello|hey|hiya|heya|dear|greetings|good\s+(?:morning|afternoon|evening|day)|morning|afternoon|evening|howdy|hallo|hola|bonjour|salut|ciao|buongiorno|buenos\s+días|olá|oi|hej|hei|moin|servus|guten\s+tag|liebe[rs]?|sehr\s+geehrte[rs]?|namaste|kia\s+ora|g'day|to\s+whom\s+it\s+may\s+concern|welcome|buenas\s+(?:tardes|noches)|estimad[oa]s?|bom\s+dia|boa\s+tarde|cher|chère|caro|cara|gentile|beste|cześć|dzień\s+dobry|szanown[ay]|merhaba|xin\s+chào|привет|здравствуйте|добрый\s+(?:день|вечер)|уважаем(?:ый|ая|ые)|こんにちは|您好|你好|안녕하세요|مرحبا|السلام\s+عليكم|שלום)(?=$|[\s,!.:;—–،、，！-])/iu;

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

// Openers that also start ordinary sentences ("Welcome to the beta", "Morning slots are full"):
// a greeting only when what follows addresses someone ("Welcome back, Ana", "Good morning team").
const SENTENCE_OPENER = /^(?:welcome|morning|afternoon|evening|greetings|good\s+(?:morning|afternoon|evening|day))\b/iu;
const ADDRESSEE_WORD = /^(?:\p{Lu}|\p{Lt}|[{%#[]|there\b|all\b|everyone\b|everybody\b|team\b|folks\b|friends?\b|back\b|again\b|and\b|&)/u;

function addressesSomeone(greeting: string): boolean {
  const opener = SENTENCE_OPENER.exec(greeting);
  if (!opener) return true;
  const rest = greeting.slice(opener[0].length).replace(/[\s,!.:;—–-]+$/u, '').split(/[\s,]+/u).filter((word) => word !== '');
  return rest.length <= 4 && rest.every((word) => ADDRESSEE_WORD.test(word));
}

/** The greeting at the start of a line: the whole line, or its lead-in up to the first `,`/`!`. */
function greetingSpan(line: Line): { start: number; end: number } | undefined {
  const trimmed = line.text.trimStart();
  if (!GREETING_OPENER.test(trimmed)) return undefined;
  const offset = line.start + (line.text.length - trimmed.length);
  const whole = trimmed.trimEnd();
  if (wordCount(whole) <= 7 && !/[.?]$/u.test(whole.replace(/\b(?:Mr|Mrs|Ms|Dr|Prof|Mx)\.$/u, '')) && addressesSomeone(whole)) {
    return { start: offset, end: offset + whole.length };
  }
  const leadIn = /^[^,!:;]*[,!:;]/u.exec(trimmed);
  if (leadIn && wordCount(leadIn[0]) <= 6 && addressesSomeone(leadIn[0])) return { start: offset, end: offset + leadIn[0].length };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Closing and signature

const CLOSING_LEXICON =
  /^(?:(?:best|kind|warm|warmest|kindest|many|with\s+(?:best|kind|warm))\s+(?:regards|wishes)|best|regards|warmly|warmest|sincerely|yours(?:\s+(?:truly|sincerely|faithfully))?|(?:yours\s+)?faithfully|respectfully|cordially|cheers|thanks(?:\s+(?:again|so\s+much|a\s+lot|a\s+bunch|in\s+advance))?|thank\s+you(?:\s+(?:again|so\s+much))?|many\s+thanks|much\s+appreciated|thx|ty|talk\s+(?:soon|to\s+you\s+soon)|speak\s+soon|all\s+the\s+best|take\s+care|stay\s+safe|with\s+(?:gratitude|thanks|appreciation)|have\s+an?\s+\p{L}+(?:\s+\p{L}+)?|enjoy\s+(?:your|the)\s+\p{L}+(?:\s+\p{L}+)?|viele\s+grüße|mit\s+freundlichen\s+grüßen|liebe\s+grüße|beste\s+grüße|freundliche\s+grüße|lg|mfg|cordialement|bien\s+à\s+vous|bien\s+cordialement|salutations|saludos|un\s+saludo|atentamente|cumprimentos|atenciosamente|un\s+saluto|cordiali\s+saluti|distinti\s+saluti|saluti|met\s+vriendelijke\s+groet(?:en)?|groeten|med\s+vänlig\s+hälsning|vänliga\s+hälsningar|hälsningar|mvh|med\s+venlig\s+hilsen|pozdrawiam|s\s+pozdravem|с\s+уважением|всего\s+доброго|よろしくお願いします|よろしくお願いいたします|此致|敬上|祝好|顺祝商祺|감사합니다|مع\s+(?:خالص\s+)?التحية|تحياتي|مع\s+أطيب\s+التحيات|looking\s+forward\s+to\s+(?:hearing\s+from\s+you|your\s+reply|speaking\s+with\s+you))(?=$|[\s,!.:;—–。、，！،-])/iu;

/** Lower-case particles inside names: "Kai van Dijk", "Mohammed bin Salman", "Juan de la Cruz". */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'van', 'von', 'de', 'del', 'della', 'der', 'den', 'di', 'da', 'das', 'do', 'dos', 'du', 'la', 'le', 'bin', 'binti', 'bint',
  'ibn', 'ben', 'al', 'el', 'ter', 'ten', 'zu', 'af', 'av', 'y', 'e',
]);
// Other lower-case words that may sit inside a signature line ("the Acme support team",
// "Harbour & Vale Bank plc").
const SIGNATURE_CONNECTOR =
  /^(?:of|at|from|the|and|&|for|on|behalf|team|support|crew|staff|family|folks|department|desk|care|service|services|everyone|all|us|plc|ltd|inc|llc|llp|gmbh|pty|corp|\||·|-|–|—|,|\/)$/u;
const NUMBERED_ITEM = /^\d{1,2}[.)]\s/u;
const MAX_SIGNATURE_LINES = 12;
/** A signature line of contact details only: a phone number, an address, a link. */
export const CONTACT_LINE = /^(?:\+?[\d\s().-]{7,}|\S+@\S+\.\S+|(?:https?:\/\/|www\.)\S+|(?:tel|phone|mobile|fax|email|e-mail|web|ext)\.?\s*:?.*\d.*)$/iu;
const CONTACT_WORD = /^(?:\S+@\S+\.\S+|(?:https?:\/\/|www\.)\S+|\p{L}[\p{L}\d-]*\.(?:com|org|net|io|co|app|dev)(?:\/\S*)?)$/u;
// Emoji after a sign-off ("Cheers! 🙌") do not change its shape.
const TRAILING_EMOJI = /[\s\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u200D]+$/u;
const BULLET = /^[-–—~*•·▪]+\s*/u;

/** A line that reads like part of a signature: a name, a title, a team, contact details. */
function isSignatureLike(text: string, placeholders: readonly Placeholder[], lineStart: number): boolean {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 80 || NUMBERED_ITEM.test(trimmed)) return false;
  // "– Kai Andersen, Support": a dash introduces a name, but not a list item like "- reset your router".
  const dash = BULLET.exec(trimmed);
  if (dash) return isSignatureLike(trimmed.slice(dash[0].length), placeholders, lineStart + lead + dash[0].length);
  if (CONTACT_LINE.test(trimmed)) return true;
  // A full stop after an abbreviation or a last initial ("Kai A.") does not end a sentence.
  if (/[.?:;。？]$/u.test(trimmed) && !/(?:\b(?:Inc|Ltd|Co|Corp|LLC|GmbH|Jr|Sr|Dr|Mr|Mrs|Ms|Ph\.D|S\.A|B\.V|AG|PLC|Pty)|\s\p{Lu})\.$/u.test(trimmed)) return false;
  // Pronouns or a note in parentheses may follow a name: "Kai (he/him)".
  const words = trimmed.replace(/\s+\([^()]{1,30}\)$/u, '').split(/\s+/u);
  if (wordCount(trimmed) > 8) return false;
  let cursor = 0;
  return words.every((word) => {
    const start = trimmed.indexOf(word, cursor) + lineStart + lead;
    cursor = start - lineStart - lead + word.length;
    if (placeholders.some((p) => p.start < start + word.length && p.end > start)) return true;
    const bare = word.replace(/^[("'“‘[]+|[)"'”’\],.!]+$/gu, '');
    if (bare === '' || NAME_PARTICLES.has(bare) || SIGNATURE_CONNECTOR.test(bare.toLowerCase()) || CONTACT_WORD.test(bare)) return true;
    // Capitalised words, initials, and scripts without case (CJK, Arabic, Devanagari…).
    return /^[\p{Lu}\p{Lt}\d]/u.test(bare) || !/[\p{Ll}]/u.test(bare);
  });
}

const SIGN_OFF_PUNCTUATION = /^[,!.…—–。、，！،\s\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u200D-]*$/u;

/** End (in the line) of a conventional closing that fills the line: "Best regards,", "Thanks again for your patience,". */
function closingLexiconEnd(text: string): number | undefined {
  const trimmed = text.trimStart();
  const match = CLOSING_LEXICON.exec(trimmed);
  if (!match) return undefined;
  const rest = trimmed.slice(match[0].length).trimEnd();
  const whole = trimmed.trimEnd();
  const lineEnd = text.length - trimmed.length + whole.length;
  const words = wordCount(whole);
  // A sign-off may run on to its comma ("Warm regards from all of us,"); a sentence does not end on one.
  if (/[,،，、]$/u.test(whole) && words <= 8) return lineEnd;
  // "Thanks for reaching out about the refund." is a body sentence, not a sign-off.
  if (words > 6 || !SIGN_OFF_PUNCTUATION.test(rest)) return undefined;
  if (whole.endsWith('.') && words > 3) return undefined;
  return lineEnd;
}

/** A short line shaped like a sign-off ("Enjoy the sunshine!", "Until next time,") above a signature. */
function isClosingShaped(text: string): boolean {
  const trimmed = text.replace(TRAILING_EMOJI, '').trim();
  if (/^[^.?。？]{1,60}[,،，、]$/u.test(trimmed)) return wordCount(trimmed) <= 8;
  return /^[^.?。？]{1,40}[!！]$/u.test(trimmed) && wordCount(trimmed) <= 5;
}

interface InlineSignOff {
  closingStart: number;
  closingEnd: number;
  nameStart: number;
}

/** "Cheers, Kai" / "Best — Kai Andersen": a closing word followed by a name on the same line. */
function inlineSignOff(line: Line, placeholders: readonly Placeholder[]): InlineSignOff | undefined {
  const trimmed = line.text.trimStart();
  const lead = line.text.length - trimmed.length;
  const match = CLOSING_LEXICON.exec(trimmed);
  if (!match) return undefined;
  const wordEnd = lead + match[0].length;
  const rest = trimmed.slice(match[0].length);
  // "Cheers, Kai", "Best — Kai Andersen": the separator ends the closing. "Thanks! – Kai": the closing
  // keeps its punctuation and the signature starts at the dash, as in "…went out today. – Kai".
  const separator = /^\s*[!.…]\s*(?=[—–~-])/u.exec(rest) ?? /^\s*[,—–~-]\s*/u.exec(rest);
  if (!separator) return undefined;
  const nameStart = wordEnd + separator[0].length;
  const name = line.text.slice(nameStart);
  if (name.trim() === '' || !isSignatureLike(name, placeholders, line.start + nameStart) || wordCount(name) > 5) return undefined;
  return { closingStart: line.start + lead, closingEnd: line.start + wordEnd + separator[0].trimEnd().length, nameStart: line.start + nameStart };
}

// A sign-off (closing words and a name of at most 80 characters) fits in this many characters.
const SIGN_OFF_WINDOW = 160;

/**
 * Where the last sentence of `text` starts, after its last sentence end, if that is within the
 * last `window` characters: a longer last sentence is no sign-off, and long lines stay cheap.
 */
function lastSentenceStart(text: string, window: number): number | undefined {
  const from = Math.max(0, text.length - window);
  const boundary = [...text.slice(from).matchAll(/[.!?。！？]\s+/gu)].pop();
  return boundary && from + boundary.index + boundary[0].length;
}

/** "…is on its way. Cheers, Kai": a sign-off after the last sentence of the reply's last line. */
function signOffAfterSentence(line: Line, placeholders: readonly Placeholder[]): InlineSignOff | undefined {
  const from = lastSentenceStart(line.text, SIGN_OFF_WINDOW);
  if (from === undefined) return undefined;
  return inlineSignOff({ start: line.start + from, end: line.end, text: line.text.slice(from) }, placeholders);
}

// A dash after a space, then a name: " – Lena", " — Kai A.", " ~Lena", " -Kai".
const DASH_BEFORE_NAME = /\s([-–—~]{1,2})\s?(?=[^\s\d~–—-])/gu;
// What a name after a dash starts with: a capital, a placeholder, or a letter of a script without case.
const NAME_START = /^(?:[\p{Lu}\p{Lt}{[%#]|(?!\p{Ll})\p{L})/u;
// Weekdays, months and times of day: "Mon – Fri", "Jan – Mar", "June – August", "9 am – noon" are ranges.
const CALENDAR_WORD =
  /^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|noon|midnight)\.?$/iu;
// Months that are also given names: after a full sentence, "– June" signs it.
const GIVEN_NAME_MONTH = /^(?:april|may|june|august)$/iu;
// Sentence punctuation, an emoji or an emoticon ends what comes before a signing dash.
const ENDS_SENTENCE = /(?:[.!?…。！？\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]|[:;]-?[()DPp])$/u;
// A full stop that ends an initial or an abbreviation belongs to a name: "Kai A. – Support Lead".
const NAME_FULL_STOP = /(?:^|\s)(?:\p{Lu}|Jr|Sr|Dr|Mr|Mrs|Ms|Mx|Prof)\.$/u;

interface DashSignOff {
  /** Where the dash starts: the body ends before it, the signature starts with it. */
  dashStart: number;
  /** A closing sentence between the body and the dash: "…today. Thanks! – Lena". */
  closing?: { start: number; end: number };
}

/**
 * "…went out today. – Lena", "…today — Kai A.": a name after a dash at the end of the reply's
 * last line. Not a dash inside a sentence ("the fee – about €5 – is waived", whose words after
 * the dash are not a name) nor a range ("Mon – Fri", "9–11 am", "London – Paris").
 */
function dashSignOff(line: Line, placeholders: readonly Placeholder[]): DashSignOff | undefined {
  // A signature line is at most 80 characters: only the end of a long line can hold the name.
  const windowStart = Math.max(0, line.text.length - 86);
  for (const match of line.text.slice(windowStart).matchAll(DASH_BEFORE_NAME)) {
    const dashIndex = windowStart + match.index;
    const nameStart = dashIndex + match[0].length;
    const name = line.text.slice(nameStart).trimEnd();
    if (!NAME_START.test(name) || /\d/u.test(name) || wordCount(name) > 5) continue;
    const before = line.text.slice(0, dashIndex).trimEnd();
    if (before === '') continue;
    const endsSentence = ENDS_SENTENCE.test(before.slice(-3));
    const firstWord = name.split(/\s/u, 1)[0]!.replace(/[,.]+$/u, '');
    if (CALENDAR_WORD.test(firstWord) && !(endsSentence && GIVEN_NAME_MONTH.test(firstWord))) continue;
    // Without a sentence end before the dash, the line must end on an ordinary lower-case word
    // ("…went out today — Kai") or a date ("…renews on 3 June — Aiko"), not on a proper noun
    // that a pair starts with ("London – Paris").
    const lastWord = before.slice(Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t')) + 1);
    if (endsSentence ? NAME_FULL_STOP.test(before) : !/^\p{Ll}+$/u.test(lastWord) && !CALENDAR_WORD.test(lastWord)) continue;
    // "The Acme team – Billing": a signature line with a dash in it, not a sentence signed after a dash.
    if (!endsSentence && isSignatureLike(before, placeholders, line.start)) continue;
    if (!isSignatureLike(line.text.slice(nameStart), placeholders, line.start + nameStart)) continue;
    const signOff: DashSignOff = { dashStart: line.start + dashIndex + 1 };
    const sentenceStart = lastSentenceStart(before, SIGN_OFF_WINDOW);
    if (sentenceStart !== undefined && closingLexiconEnd(before.slice(sentenceStart)) === before.length - sentenceStart) {
      signOff.closing = { start: line.start + sentenceStart, end: line.start + before.length };
    }
    return signOff;
  }
  return undefined;
}

/** Index of the nearest non-blank line above `index`, if any at or after `floor`. */
function previousFilled(lines: Line[], index: number, floor: number): number | undefined {
  for (let above = index - 1; above >= floor; above--) if (!isBlank(lines[above]!)) return above;
  return undefined;
}

/** "cheers,\nkai": a lower-case name is still a signature straight under a conventional closing. */
function isPlainNameUnderClosing(lines: Line[], index: number, floor: number): boolean {
  const text = lines[index]!.text.trim();
  if (!/^[\p{L}\p{M}][\p{L}\p{M}'’. -]{0,40}$/u.test(text) || wordCount(text) > 3) return false;
  const above = previousFilled(lines, index, floor);
  return above !== undefined && closingLexiconEnd(lines[above]!.text) === lines[above]!.text.trimEnd().length;
}

interface Ending {
  closing?: Region;
  signature: Region[];
  /** Index of the first line that belongs to the ending; body lines come before it. */
  firstLine: number;
  /** Where the body stops on `firstLine` when the ending starts mid-line ("…today. Cheers, Kai"). */
  bodyEnd?: number;
}

/** Closing and signature, read upwards from the last reply line. */
function findEnding(text: string, lines: Line[], replyEnd: number, placeholders: readonly Placeholder[], bodyStart: number): Ending {
  // An explicit signature delimiter ("-- ") decides where the signature starts: the last one,
  // over a block that reads like a signature (a "--" between sentences separates parts of the body).
  let index = replyEnd - 1;
  while (index >= bodyStart && !/^--\s?$/u.test(lines[index]!.text)) index--;
  const signatureLines = index >= bodyStart ? lines.slice(index + 1, replyEnd).filter((line) => !isBlank(line)) : [];
  const readsLikeSignature =
    signatureLines.length <= MAX_SIGNATURE_LINES && signatureLines.every((line) => !/[.?!。？！]\s*$/u.test(line.text) || isSignatureLike(line.text, placeholders, line.start));
  if (index < bodyStart || !readsLikeSignature) return findUndelimitedEnding(text, lines, replyEnd, placeholders, bodyStart);
  const signature = signatureLines.map((line) => trimmedRegion('signature', text, line.start, line.end));
  const before = findUndelimitedEnding(text, lines, index, placeholders, bodyStart);
  return { ...before, signature: [...before.signature, ...signature], firstLine: Math.min(before.firstLine, index) };
}

/** Closing and signature without a "-- " delimiter: a closing line, a name block under the body. */
function findUndelimitedEnding(text: string, lines: Line[], replyEnd: number, placeholders: readonly Placeholder[], bodyStart: number): Ending {
  const none: Ending = { signature: [], firstLine: replyEnd };

  const signatureLike = (index: number): boolean =>
    isSignatureLike(lines[index]!.text, placeholders, lines[index]!.start) || (index === lastFilled && isPlainNameUnderClosing(lines, index, bodyStart));
  const lastFilled = previousFilled(lines, replyEnd, bodyStart);
  const noStrictEnding = (): Ending => signatureInSentenceCase(text, lines, replyEnd, bodyStart, signatureLike) ?? none;
  const candidates: number[] = [];
  for (let index = replyEnd - 1; index >= bodyStart && candidates.length < 7; index--) {
    const line = lines[index]!;
    if (isBlank(line)) continue;
    candidates.push(index);
    const below = candidates.slice(0, -1);
    if (!below.every(signatureLike)) return noStrictEnding();
    // Two or more bulleted lines are a list, not a signature.
    if (below.filter((i) => BULLET.test(lines[i]!.text.trim())).length >= 2) return noStrictEnding();
    const lexiconEnd = closingLexiconEnd(line.text);
    const inline = below.length === 0 ? (inlineSignOff(line, placeholders) ?? signOffAfterSentence(line, placeholders)) : undefined;
    const dash = below.length === 0 && !inline ? dashSignOff(line, placeholders) : undefined;
    if (dash) {
      const ending: Ending = { signature: [trimmedRegion('signature', text, dash.dashStart, line.end)], firstLine: index, bodyEnd: dash.closing?.start ?? dash.dashStart };
      if (dash.closing) ending.closing = trimmedRegion('closing', text, dash.closing.start, dash.closing.end);
      return ending;
    }
    const shapeClosing = below.length > 0 && below.length <= 6 && isClosingShaped(line.text);
    if (lexiconEnd !== undefined || shapeClosing || inline) {
      const midLine = inline !== undefined && text.slice(line.start, inline.closingStart).trim() !== '';
      // A reply that is nothing but "Thanks!" has no closing: it is its body. A name after it
      // still signs it: "Thanks, Kai" is a body of "Thanks," and a signature.
      if (index === bodyStart && !midLine) {
        if (!inline) return noStrictEnding();
        return { signature: [trimmedRegion('signature', text, inline.nameStart, line.end)], firstLine: index, bodyEnd: inline.closingEnd };
      }
      const signature = below
        .slice()
        .reverse()
        .map((i) => trimmedRegion('signature', text, lines[i]!.start, lines[i]!.end));
      if (inline) {
        const ending: Ending = {
          closing: trimmedRegion('closing', text, inline.closingStart, inline.closingEnd),
          signature: [trimmedRegion('signature', text, inline.nameStart, line.end), ...signature],
          firstLine: index,
        };
        if (midLine) ending.bodyEnd = inline.closingStart;
        return ending;
      }
      const end = lexiconEnd !== undefined ? line.start + lexiconEnd : line.end;
      return { closing: trimmedRegion('closing', text, line.start, end), signature, firstLine: index };
    }
    if (!signatureLike(index)) {
      // No closing word: a trailing block of name-like lines, set apart from the body, is a signature.
      const trailing = candidates.slice(0, -1).reverse();
      const first = trailing[0];
      if (first === undefined) return noStrictEnding();
      // Lines introduced by "…the following:" are the body's content.
      if (/[:：]\s*$/u.test(line.text)) return noStrictEnding();
      const separated = isBlank(lines[first - 1]!) || /[.!?。！？)]\s*$/u.test(line.text) || BULLET.test(lines[first]!.text.trim());
      const nameLike = wordCount(lines[first]!.text) <= 6;
      if (!separated || !nameLike || trailing.length > 5) return noStrictEnding();
      return { signature: trailing.map((i) => trimmedRegion('signature', text, lines[i]!.start, lines[i]!.end)), firstLine: first };
    }
  }
  return noStrictEnding();
}

/**
 * "Best,\nKai Andersen\nSenior support engineer": under a conventional closing and a name line,
 * short lines without sentence punctuation are the rest of the signature, even in sentence case.
 */
function signatureInSentenceCase(text: string, lines: Line[], replyEnd: number, bodyStart: number, signatureLike: (index: number) => boolean): Ending | undefined {
  const below: number[] = [];
  for (let index = replyEnd - 1; index > bodyStart && below.length < 6; index--) {
    const line = lines[index]!;
    if (isBlank(line)) continue;
    const lexiconEnd = closingLexiconEnd(line.text);
    if (lexiconEnd === undefined) {
      below.push(index);
      continue;
    }
    const name = below[below.length - 1];
    const short = (i: number): boolean => {
      const trimmed = lines[i]!.text.trim();
      return trimmed.length <= 80 && wordCount(trimmed) <= 6 && !/[.?!:;。？！]$/u.test(trimmed) && !NUMBERED_ITEM.test(trimmed) && !BULLET.test(trimmed);
    };
    if (name === undefined || below.length < 2 || !signatureLike(name) || !below.every(short)) return undefined;
    const signature = below.reverse().map((i) => trimmedRegion('signature', text, lines[i]!.start, lines[i]!.end));
    return { closing: trimmedRegion('closing', text, line.start, line.start + lexiconEnd), signature, firstLine: index };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// What follows the signature: a P.S. (body) and mail-client or legal footers (signature).

const POSTSCRIPT = /^\s*P(?:\.?\s?P)?\.?\s?S\b/u;
const DEVICE_FOOTER = /^\s*(?:sent from my\b|sent from (?:outlook|mail|yahoo|gmail)\b|sent via\b|get outlook for\b|envoyé de mon\b|von meinem\b.*gesendet|enviado desde mi\b|inviato da\b|verstuurd vanaf mijn\b)/iu;
const LEGAL_FOOTER =
  /^\s*(?:\*{0,2}(?:confidential(?:ity)?(?:\s+notice)?|disclaimer|privileged\s+(?:and|&)\s+confidential)\b|this\s+(?:e-?mail|message|communication|transmission)\b.{0,80}\b(?:confidential|intended\s+(?:solely|only)|privileged)|the\s+information\s+(?:contained\s+)?in\s+this\s+(?:e-?mail|message)|if\s+you\s+(?:have\s+)?received\s+this\s+(?:e-?mail|message)\s+in\s+error|please\s+consider\s+the\s+environment)/iu;

interface Tail {
  /** Index of the first line of the tail; the ending is looked for above it. */
  firstLine: number;
  /** What each tail line is, by line index. */
  kinds: Map<number, 'postscript' | 'footer'>;
}

/** Trailing paragraphs that come after a signature: postscripts and footers, read upwards. */
function findTail(lines: Line[], replyEnd: number, bodyStart: number): Tail {
  const tail: Tail = { firstLine: replyEnd, kinds: new Map() };
  let end = replyEnd;
  for (;;) {
    while (end > bodyStart && isBlank(lines[end - 1]!)) end--;
    let first = end;
    while (first > bodyStart && !isBlank(lines[first - 1]!)) first--;
    if (first === end || first === bodyStart) return tail;
    const paragraph = lines.slice(first, end);
    const kind = POSTSCRIPT.test(paragraph[0]!.text)
      ? 'postscript'
      : LEGAL_FOOTER.test(paragraph[0]!.text) || paragraph.every((line) => DEVICE_FOOTER.test(line.text))
        ? 'footer'
        : undefined;
    if (!kind) return tail;
    for (let index = first; index < end; index++) tail.kinds.set(index, kind);
    tail.firstLine = first;
    end = first;
  }
}

// ---------------------------------------------------------------------------------------------

export function parseEmail(text: string): EmailModel {
  const lines = splitLines(text);
  const placeholders = findPlaceholders(text);
  const header = findQuoteHeader(lines);
  const replyEnd = header?.index ?? lines.length;

  const quoted: Region[] = [];
  const inlineParts: string[] = [];
  const historyParts: string[] = [];
  let quotedAuthor: string | undefined;
  if (header) {
    const last = lines[lines.length - 1]!;
    quoted.push(trimmedRegion('quote', text, lines[header.index]!.start, last.end));
    quotedAuthor = authorFromHeader(lines.slice(header.index, header.index + header.headerLines).map((line) => line.text));
    for (const line of lines.slice(header.index + header.headerLines)) {
      if (!OUTLOOK_FIELD.test(line.text)) historyParts.push(line.text.replace(/^\s*(?:>\s?)+/u, ''));
    }
  }

  // Inline `>` quotes above the header are quoted too; group consecutive lines.
  const authored: boolean[] = lines.map((line, index) => index < replyEnd && !isQuoteLine(line));
  const inlineQuotes: Region[] = [];
  for (let index = 0; index < replyEnd; index++) {
    if (authored[index]) continue;
    const line = lines[index]!;
    const previous = inlineQuotes[inlineQuotes.length - 1];
    if (previous && index > 0 && !authored[index - 1] && lines[index - 1]!.end <= previous.end) {
      Object.assign(previous, trimmedRegion('quote', text, previous.start, line.end));
    } else {
      inlineQuotes.push(trimmedRegion('quote', text, line.start, line.end));
    }
    inlineParts.push(line.text.replace(/^\s*(?:>\s?)+/u, ''));
  }

  const firstAuthored = lines.findIndex((line, index) => authored[index] && !isBlank(line));
  const model: EmailModel = {
    text,
    body: [],
    signature: [],
    quoted: [...inlineQuotes, ...quoted].sort((a, b) => a.start - b.start),
    quotedText: [...inlineParts, ...historyParts].join('\n').trim(),
    placeholders,
  };
  if (quotedAuthor) model.quotedAuthor = quotedAuthor;
  if (firstAuthored < 0) return model;

  let bodyStartOffset = lines[firstAuthored]!.start;
  const greeting = greetingSpan(lines[firstAuthored]!);
  const lastAuthored = lines.reduce((last, line, index) => (authored[index] && !isBlank(line) ? index : last), firstAuthored);
  if (greeting && (firstAuthored < lastAuthored || greeting.end < lines[firstAuthored]!.end - 1)) {
    model.greeting = trimmedRegion('greeting', text, greeting.start, greeting.end);
    bodyStartOffset = greeting.end;
  }

  // Replies made of the greeting line alone have no body to end. Blank lines under the greeting
  // do not start the body: "Hi Ana,\n\nThanks!" is a body of "Thanks!", as without the blank line.
  let bodyStartLine = model.greeting && lines[firstAuthored]!.text.slice(greeting!.end - lines[firstAuthored]!.start).trim() === '' ? firstAuthored + 1 : firstAuthored;
  while (bodyStartLine < replyEnd && authored[bodyStartLine] && isBlank(lines[bodyStartLine]!)) bodyStartLine++;
  const authoredLines = lines.map((line, index) => (authored[index] ? line : { ...line, text: '' }));
  const tail = findTail(authoredLines, replyEnd, bodyStartLine);
  const ending = findEnding(text, authoredLines, tail.firstLine, placeholders, bodyStartLine);
  if (ending.closing) model.closing = ending.closing;
  const footerLines = lines.filter((line, index) => tail.kinds.get(index) === 'footer' && !isBlank(line));
  model.signature = [...ending.signature, ...footerLines.map((line) => trimmedRegion('signature', text, line.start, line.end))];

  // Body paragraphs: blocks of authored, non-blank lines between greeting and ending, then any P.S.
  const inBody = (index: number): boolean =>
    authored[index]! &&
    (index < ending.firstLine || (index === ending.firstLine && ending.bodyEnd !== undefined) || tail.kinds.get(index) === 'postscript');
  let paragraphStart: number | undefined;
  let paragraphEnd = 0;
  const flush = (): void => {
    if (paragraphStart === undefined) return;
    const region = trimmedRegion('body', text, paragraphStart, paragraphEnd);
    if (region.text !== '') model.body.push(region);
    paragraphStart = undefined;
  };
  for (let index = firstAuthored; index < replyEnd; index++) {
    const line = lines[index]!;
    if (!inBody(index) || isBlank(line)) {
      flush();
      continue;
    }
    const start = Math.max(line.start, bodyStartOffset);
    const end = index === ending.firstLine && ending.bodyEnd !== undefined ? ending.bodyEnd : line.end;
    if (start >= end) continue;
    paragraphStart ??= start;
    paragraphEnd = end;
  }
  flush();
  return model;
}

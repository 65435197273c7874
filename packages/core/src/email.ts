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
  /** Body paragraphs in order: blocks of non-blank lines between greeting and closing. */
  body: Region[];
  closing?: Region;
  /** One region per signature line (after the closing, after `-- `, or a trailing name block). */
  signature: Region[];
  /** Quoted history: `>` lines and everything from a reply header ("On … wrote:") on. */
  quoted: Region[];
  /** The quoted words without `>` markers or headers: earlier messages, usually the customer's. */
  quotedText: string;
  /** The author named by the quote header ("On …, Marcus Lee <…> wrote:" → "Marcus Lee"). */
  quotedAuthor?: string;
  placeholders: Placeholder[];
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /\r\n|\r|\n/gu;
  let start = 0;
  for (const match of text.matchAll(pattern)) {
    lines.push({ start, end: match.index, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
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

const WROTE = /(?:\bwrote|a écrit|schrieb|escribió|ha scritto|schreef|skrev|escreveu|napisał)\s*:\s*$/iu;
const REPLY_HEADER_START = /^\s*(?:On|Le|Am|El|Il|Op|Den|Em|W dniu)\s\S/u;
const FORWARD_HEADER = /^\s*(?:-{2,}\s*(?:Original Message|Forwarded message|Ursprüngliche Nachricht|Message d'origine)\s*-{2,}|Begin forwarded message:?|_{10,})\s*$/iu;
const OUTLOOK_FROM = /^\s*\*?(?:From|Von|De|Da)\*?:\s*\S/u;
const OUTLOOK_FIELD = /^\s*\*?(?:Sent|Date|To|Subject|Cc|Gesendet|An|Betreff|Envoyé|À|Objet)\*?:/u;

/** Index of the line where quoted history starts, and how many lines its header spans. */
function findQuoteHeader(lines: Line[]): { index: number; headerLines: number } | undefined {
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]!.text;
    if (FORWARD_HEADER.test(text)) return { index, headerLines: 1 };
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

function authorFromHeader(header: string): string | undefined {
  const collapsed = header.replace(/\s+/gu, ' ').trim();
  const from = /^\*?(?:From|Von|De|Da)\*?:\s*"?([^"<\n]+?)"?\s*(?:<|\[mailto:|$)/u.exec(collapsed);
  const candidate = from?.[1] ?? /,\s*([^,<]+?)\s*(?:<[^>]*>|\([^)]*\))?\s*(?:wrote|a écrit|schrieb|escribió|ha scritto|schreef|skrev|escreveu|napisał)\s*:\s*$/iu.exec(collapsed)?.[1];
  if (!candidate || candidate.includes('@') || /\d/u.test(candidate)) return undefined;
  return candidate.trim();
}

// ---------------------------------------------------------------------------------------------
// Greeting

const GREETING_OPENER =
  /^(?:hi|hello|hey|hiya|heya|dear|greetings|good\s+(?:morning|afternoon|evening|day)|morning|afternoon|evening|howdy|hallo|hola|bonjour|salut|ciao|buongiorno|buenos\s+días|olá|oi|hej|hei|moin|servus|guten\s+tag|liebe[rs]?|sehr\s+geehrte[rs]?|namaste|kia\s+ora|g'day|to\s+whom\s+it\s+may\s+concern|welcome)(?=$|[\s,!.:;—–-])/iu;

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** The greeting at the start of a line: the whole line, or its lead-in up to the first `,`/`!`. */
function greetingSpan(line: Line): { start: number; end: number } | undefined {
  const trimmed = line.text.trimStart();
  if (!GREETING_OPENER.test(trimmed)) return undefined;
  const offset = line.start + (line.text.length - trimmed.length);
  const whole = trimmed.trimEnd();
  if (wordCount(whole) <= 7 && !/[.?]$/u.test(whole.replace(/\b(?:Mr|Mrs|Ms|Dr|Prof|Mx)\.$/u, ''))) {
    return { start: offset, end: offset + whole.length };
  }
  const leadIn = /^[^,!:;]*[,!:;]/u.exec(trimmed);
  if (leadIn && wordCount(leadIn[0]) <= 6) return { start: offset, end: offset + leadIn[0].length };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Closing and signature

const CLOSING_LEXICON =
  /^(?:(?:best|kind|warm|warmest|kindest|many|with\s+(?:best|kind|warm))\s+(?:regards|wishes)|best|regards|warmly|warmest|sincerely|yours(?:\s+(?:truly|sincerely|faithfully))?|(?:yours\s+)?faithfully|respectfully|cordially|cheers|thanks(?:\s+(?:again|so\s+much|a\s+lot|a\s+bunch|in\s+advance))?|thank\s+you(?:\s+(?:again|so\s+much))?|many\s+thanks|much\s+appreciated|thx|ty|talk\s+(?:soon|to\s+you\s+soon)|speak\s+soon|all\s+the\s+best|take\s+care|stay\s+safe|with\s+(?:gratitude|thanks|appreciation)|have\s+an?\s+\p{L}+(?:\s+\p{L}+)?|enjoy\s+(?:your|the)\s+\p{L}+(?:\s+\p{L}+)?|viele\s+grüße|mit\s+freundlichen\s+grüßen|liebe\s+grüße|beste\s+grüße|freundliche\s+grüße|lg|mfg|cordialement|bien\s+à\s+vous|bien\s+cordialement|salutations|saludos|un\s+saludo|atentamente|cumprimentos|atenciosamente|un\s+saluto|cordiali\s+saluti|distinti\s+saluti|saluti|met\s+vriendelijke\s+groet(?:en)?|groeten|med\s+vänlig\s+hälsning|vänliga\s+hälsningar|hälsningar|mvh|med\s+venlig\s+hilsen|pozdrawiam|s\s+pozdravem|с\s+уважением|всего\s+доброго|よろしくお願いします|此致|敬上|祝好)(?=$|[\s,!.:;—–-])/iu;

const SIGNATURE_CONNECTOR = /^(?:of|at|from|the|and|&|de|da|del|der|van|von|bin|binti|al|el|la|le|du|dos|y|e|for|on|behalf|\||·|-|–|—|,)$/u;

/** A line that reads like part of a signature: a name, a title, a team, contact details. */
function isSignatureLike(text: string, placeholders: readonly Placeholder[], lineStart: number): boolean {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 80) return false;
  if (/^[-–—~]+\s*\S/u.test(trimmed)) return true;
  if (/^(?:\+?[\d\s().-]{7,}|\S+@\S+\.\S+|(?:https?:\/\/|www\.)\S+|(?:tel|phone|mobile|fax|email|e-mail|web|ext)\.?\s*:?.*\d.*)$/iu.test(trimmed)) return true;
  if (/[.?:;]$/u.test(trimmed) && !/\b(?:Inc|Ltd|Co|Corp|LLC|GmbH|Jr|Sr|Dr|Mr|Mrs|Ms|Ph\.D|S\.A|B\.V|AG|PLC|Pty)\.$/u.test(trimmed)) return false;
  const words = trimmed.split(/\s+/u);
  if (words.length > 8) return false;
  const lineOffset = lineStart + (text.length - text.trimStart().length);
  let cursor = 0;
  return words.every((word) => {
    const start = trimmed.indexOf(word, cursor) + lineOffset;
    cursor = start - lineOffset + word.length;
    if (placeholders.some((p) => p.start < start + word.length && p.end > start)) return true;
    const bare = word.replace(/^[("'“‘[]+|[)"'”’\],.!]+$/gu, '');
    if (bare === '' || SIGNATURE_CONNECTOR.test(bare.toLowerCase())) return true;
    // Capitalised words, initials, and scripts without case (CJK, Arabic, Devanagari…).
    return /^[\p{Lu}\p{Lt}\d]/u.test(bare) || !/[\p{Ll}]/u.test(bare);
  });
}

function closingLexiconEnd(text: string): number | undefined {
  const trimmed = text.trimStart();
  const match = CLOSING_LEXICON.exec(trimmed);
  if (!match) return undefined;
  const rest = trimmed.slice(match[0].length).trimEnd();
  const whole = trimmed.trimEnd();
  // "Thanks for reaching out about the refund." is a body sentence, not a sign-off.
  if (wordCount(whole) > 6) return undefined;
  if (/^[,!.…—–-]*$/u.test(rest)) {
    if (whole.endsWith('.') && wordCount(whole) > 3) return undefined;
    return text.length - text.trimStart().length + whole.length;
  }
  return undefined;
}

/** "Cheers, Kai" / "Best — Kai Andersen": a closing word followed by a name on the same line. */
function inlineSignOff(line: Line, placeholders: readonly Placeholder[]): { closingEnd: number; nameStart: number } | undefined {
  const trimmed = line.text.trimStart();
  const lead = line.text.length - trimmed.length;
  const match = CLOSING_LEXICON.exec(trimmed);
  if (!match) return undefined;
  const separator = /^\s*[,—–-]\s*/u.exec(trimmed.slice(match[0].length));
  if (!separator) return undefined;
  const nameStart = lead + match[0].length + separator[0].length;
  const name = line.text.slice(nameStart);
  if (name.trim() === '' || !isSignatureLike(name, placeholders, line.start + nameStart) || wordCount(name) > 5) return undefined;
  return { closingEnd: line.start + lead + match[0].length + separator[0].trimEnd().length, nameStart: line.start + nameStart };
}

interface Ending {
  closing?: Region;
  signature: Region[];
  /** Index of the first line that belongs to the ending; body lines come before it. */
  firstLine: number;
}

/** Closing and signature, read upwards from the last reply line. */
function findEnding(text: string, lines: Line[], replyEnd: number, placeholders: readonly Placeholder[], bodyStart: number): Ending {
  const none: Ending = { signature: [], firstLine: replyEnd };
  // An explicit signature delimiter ("-- ") decides where the signature starts.
  const delimiter = lines.slice(bodyStart, replyEnd).findIndex((line) => /^--\s?$/u.test(line.text));
  if (delimiter >= 0) {
    const index = bodyStart + delimiter;
    const signature = lines.slice(index + 1, replyEnd).filter((line) => !isBlank(line)).map((line) => trimmedRegion('signature', text, line.start, line.end));
    const before = findEnding(text, lines, index, placeholders, bodyStart);
    return { closing: before.closing, signature: [...before.signature, ...signature], firstLine: Math.min(before.firstLine, index) };
  }

  const candidates: number[] = [];
  for (let index = replyEnd - 1; index >= bodyStart && candidates.length < 7; index--) {
    const line = lines[index]!;
    if (isBlank(line)) continue;
    candidates.push(index);
    const below = candidates.slice(0, -1);
    const lexiconEnd = closingLexiconEnd(line.text);
    const belowAreSignature = below.every((i) => isSignatureLike(lines[i]!.text, placeholders, lines[i]!.start));
    if (!belowAreSignature) return none;
    const inline = below.length === 0 ? inlineSignOff(line, placeholders) : undefined;
    const shapeClosing = below.length > 0 && below.length <= 6 && /^[^.?]{1,40}[,!]$/u.test(line.text.trim()) && wordCount(line.text) <= 5;
    if (lexiconEnd !== undefined || shapeClosing || inline) {
      // A reply that is nothing but "Thanks!" has no closing: it is its body.
      if (index === bodyStart) return none;
      const signature = below
        .slice()
        .reverse()
        .map((i) => trimmedRegion('signature', text, lines[i]!.start, lines[i]!.end));
      if (inline) {
        return {
          closing: trimmedRegion('closing', text, line.start, inline.closingEnd),
          signature: [trimmedRegion('signature', text, inline.nameStart, line.end), ...signature],
          firstLine: index,
        };
      }
      const end = lexiconEnd !== undefined ? line.start + lexiconEnd : line.end;
      return { closing: trimmedRegion('closing', text, line.start, end), signature, firstLine: index };
    }
    if (!isSignatureLike(line.text, placeholders, line.start)) {
      // No closing word: a trailing block of name-like lines, set apart from the body, is a signature.
      const trailing = candidates.slice(0, -1).reverse();
      const first = trailing[0];
      if (first === undefined) return none;
      const separated = isBlank(lines[first - 1]!) || /[.!?:)]\s*$/u.test(line.text) || /^\s*[-–—~]/u.test(lines[first]!.text);
      const nameLike = wordCount(lines[first]!.text) <= 6;
      if (!separated || !nameLike || trailing.length > 5) return none;
      return { signature: trailing.map((i) => trimmedRegion('signature', text, lines[i]!.start, lines[i]!.end)), firstLine: first };
    }
  }
  return none;
}

// ---------------------------------------------------------------------------------------------

export function parseEmail(text: string): EmailModel {
  const lines = splitLines(text);
  const placeholders = findPlaceholders(text);
  const header = findQuoteHeader(lines);
  const replyEnd = header?.index ?? lines.length;

  const quoted: Region[] = [];
  const quotedParts: string[] = [];
  let quotedAuthor: string | undefined;
  if (header) {
    const last = lines[lines.length - 1]!;
    quoted.push(trimmedRegion('quote', text, lines[header.index]!.start, last.end));
    quotedAuthor = authorFromHeader(lines.slice(header.index, header.index + header.headerLines).map((line) => line.text).join(' '));
    for (const line of lines.slice(header.index + header.headerLines)) {
      if (!OUTLOOK_FIELD.test(line.text)) quotedParts.push(line.text.replace(/^\s*(?:>\s?)+/u, ''));
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
    quotedParts.unshift(line.text.replace(/^\s*(?:>\s?)+/u, ''));
  }

  const firstAuthored = lines.findIndex((line, index) => authored[index] && !isBlank(line));
  const model: EmailModel = {
    text,
    body: [],
    signature: [],
    quoted: [...inlineQuotes, ...quoted].sort((a, b) => a.start - b.start),
    quotedText: quotedParts.join('\n').trim(),
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

  // Replies made of the greeting line alone have no body to end.
  const bodyStartLine = model.greeting && lines[firstAuthored]!.text.slice(greeting!.end - lines[firstAuthored]!.start).trim() === '' ? firstAuthored + 1 : firstAuthored;
  const authoredLines = lines.map((line, index) => (authored[index] ? line : { ...line, text: '' }));
  const ending = findEnding(text, authoredLines, replyEnd, placeholders, bodyStartLine);
  if (ending.closing) model.closing = ending.closing;
  model.signature = ending.signature;

  // Body paragraphs: blocks of authored, non-blank lines between greeting and ending.
  let paragraphStart: number | undefined;
  let paragraphEnd = 0;
  const flush = (): void => {
    if (paragraphStart === undefined) return;
    const region = trimmedRegion('body', text, paragraphStart, paragraphEnd);
    if (region.text !== '') model.body.push(region);
    paragraphStart = undefined;
  };
  for (let index = firstAuthored; index < ending.firstLine; index++) {
    const line = lines[index]!;
    if (!authored[index] || isBlank(line)) {
      flush();
      continue;
    }
    const start = Math.max(line.start, bodyStartOffset);
    if (start >= line.end) continue;
    paragraphStart ??= start;
    paragraphEnd = line.end;
  }
  flush();
  return model;
}

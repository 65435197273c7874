/**
 * `.eml` messages, parsed by postal-mime (browser-safe): the text/plain part, else the HTML part
 * through the HTML extractor, with quoted-printable and base64 decoded. Messages name the part.
 *
 * Positions: postal-mime says what the text is, not where each part lies, so the part is found
 * in the raw message by its MIME headers and boundaries, and the decoded text is matched to it:
 * - 7bit/8bit/binary parts map exactly, and rewrites can be written back;
 * - quoted-printable parts map exactly too (`=C3=A9` to the "é" it encodes, soft line breaks
 *   skipped), but rewrites are not written back (they would need re-encoding);
 * - base64 parts map each character to the 4-character group that encodes its first byte, so
 *   a message points at the encoded line holding it; no rewrites.
 * When the part cannot be found or matched, messages point at the start of its body, with no
 * rewrites.
 */
import PostalMime from 'postal-mime';
import { MappedText, MappedTextBuilder } from '../mapped-text.js';
import type { LintTarget } from '../target.js';
import { SourceError } from './errors.js';
import { encodeHtml, extractHtmlContent } from './html.js';
import { nestTarget } from './nest.js';
import { ProseWriter } from './prose.js';

interface Part {
  contentType: string;
  charset: string;
  encoding: string;
  attachment: boolean;
  bodyStart: number;
  bodyEnd: number;
}

const HEADER_FIELD = /^[!-9;-~]+:/u;

/** Header fields (unfolded, names lower case) and where the body starts. */
function readHeaders(raw: string, start: number, end: number): { fields: Map<string, string>; bodyStart: number } {
  const leadingBreak = /^\r?\n/u.exec(raw.slice(start, start + 2))?.[0];
  if (leadingBreak) return { fields: new Map(), bodyStart: start + leadingBreak.length };
  const blank = /\r?\n\r?\n/gu;
  blank.lastIndex = start;
  const match = blank.exec(raw);
  const headerEnd = match && match.index < end ? match.index : end;
  const bodyStart = match && match.index < end ? match.index + match[0].length : end;
  const fields = new Map<string, string>();
  for (const field of raw.slice(start, headerEnd).replace(/\r?\n[ \t]+/gu, ' ').split(/\r?\n/u)) {
    const colon = field.indexOf(':');
    if (colon > 0) fields.set(field.slice(0, colon).trim().toLowerCase(), field.slice(colon + 1).trim());
  }
  return { fields, bodyStart };
}

/** The leaf parts of the MIME tree at raw[start, end), in order. */
function leafParts(raw: string, start: number, end: number, parts: Part[] = []): Part[] {
  const { fields, bodyStart } = readHeaders(raw, start, end);
  const contentType = fields.get('content-type') ?? 'text/plain';
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/iu.exec(contentType);
  if (type.startsWith('multipart/') && boundary) {
    const delimiter = `--${boundary[1] ?? boundary[2]}`;
    let partStart: number | undefined;
    for (const line of raw.slice(bodyStart, end).matchAll(/([^\r\n]*)(\r\n|\n|\r|$)/gu)) {
      if (line[0] === '') break;
      const text = line[1]!.trimEnd();
      if (text !== delimiter && text !== `${delimiter}--`) continue;
      const lineStart = bodyStart + line.index;
      if (partStart !== undefined) {
        // The line break before a delimiter belongs to the delimiter.
        let partEnd = lineStart;
        if (partEnd > partStart && raw[partEnd - 1] === '\n') partEnd--;
        if (partEnd > partStart && raw[partEnd - 1] === '\r') partEnd--;
        leafParts(raw, partStart, partEnd, parts);
      }
      if (text.endsWith('--')) break;
      partStart = lineStart + line[0].length;
    }
    return parts;
  }
  parts.push({
    contentType: type,
    charset: /charset\s*=\s*"?([^";\s]+)/iu.exec(contentType)?.[1] ?? 'utf-8',
    encoding: (fields.get('content-transfer-encoding') ?? '7bit').toLowerCase(),
    attachment: /^\s*attachment/iu.test(fields.get('content-disposition') ?? ''),
    bodyStart,
    bodyEnd: end,
  });
  return parts;
}

/** Each character of the base64-decoded `text` mapped to the group of raw[start, end) that encodes its first byte. */
function mapBase64(text: string, raw: string, start: number, end: number): MappedText {
  const symbols: number[] = [];
  for (let offset = start; offset < end; offset++) if (/[A-Za-z0-9+/=]/u.test(raw[offset]!)) symbols.push(offset);
  // postal-mime hands back LF line ends; the encoded bytes may have had CRLF.
  const crlf = (() => {
    try {
      return atob(symbols.map((offset) => raw[offset]).join('')).includes('\r\n');
    } catch {
      return false;
    }
  })();
  const builder = new MappedTextBuilder();
  let byte = 0;
  const encoder = new TextEncoder();
  for (const char of text) {
    const group = Math.floor(byte / 3) * 4;
    const from = symbols[Math.min(group, symbols.length - 1)] ?? start;
    const to = (symbols[Math.min(group + 3, symbols.length - 1)] ?? from) + 1;
    builder.decoded(char, from, Math.max(from, to));
    byte += char === '\n' && crlf ? 2 : encoder.encode(char).length;
  }
  return builder.build(end);
}

/** Points every unit of `text` at `offset`: a part that could not be found or matched. */
const pointAt = (text: string, offset: number): MappedText => new MappedTextBuilder().decoded(text, offset, offset).build(offset);

/** The decoded part text mapped onto the raw message; `exact` when every character was matched to the bytes it came from unencoded. */
function mapPart(text: string, raw: string, part: Part | undefined): { map: MappedText; exact: boolean } {
  if (!part) return { map: pointAt(text, readHeaders(raw, 0, raw.length).bodyStart), exact: false };
  if (part.encoding === 'base64') return { map: mapBase64(text, raw, part.bodyStart, part.bodyEnd), exact: false };
  const writer = new ProseWriter(raw, { collapseWhitespace: false, ...(part.encoding === 'quoted-printable' ? { quotedPrintable: { charset: part.charset } } : {}) });
  if (!writer.text(text, part.bodyStart, part.bodyEnd)) return { map: pointAt(text, part.bodyStart), exact: false };
  return { map: writer.build(), exact: ['7bit', '8bit', 'binary'].includes(part.encoding) };
}

export async function extractEml(raw: string): Promise<LintTarget[]> {
  if (!HEADER_FIELD.test(raw)) throw new SourceError('is not an email message: it does not start with header fields (From:, Subject:, …)');
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    email = await PostalMime.parse(raw);
  } catch (error) {
    throw new SourceError(`cannot be parsed as an email message: ${(error as Error).message}`);
  }
  const parts = leafParts(raw, 0, raw.length).filter((part) => !part.attachment);
  if (email.text !== undefined && email.text.trim() !== '') {
    const part = parts.find((candidate) => candidate.contentType === 'text/plain');
    const { map, exact } = mapPart(email.text, raw, part);
    return [{ content: map, document: { kind: 'draft' }, name: 'text/plain part', ...(exact ? { encode: (text: string) => text } : {}) }];
  }
  if (email.html !== undefined && email.html.trim() !== '') {
    const part = parts.find((candidate) => candidate.contentType === 'text/html');
    const html: LintTarget = { ...extractHtmlContent(email.html), document: { kind: 'draft' }, name: 'text/html part', encode: encodeHtml };
    const { map, exact } = mapPart(email.html, raw, part);
    return [nestTarget(html, map, exact ? (text) => text : undefined)];
  }
  throw new SourceError('has no text/plain or text/html part to lint');
}

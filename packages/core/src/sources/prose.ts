/**
 * Writing extracted prose into a MappedText the way a reader sees it: block boundaries become
 * line breaks (at most the largest one asked for, never at the start or end), literal breaks
 * (`<br>`, Markdown hard breaks) are kept, and — for HTML — runs of whitespace collapse to one
 * space. Quoted blocks get a `> ` prefix on every line so the email model treats them as
 * quoted history.
 */
import { decodeHTML } from 'entities';
import { MappedTextBuilder, type MappedText } from '../mapped-text.js';

const CHARACTER_REFERENCE = /^&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/u;
const WHITESPACE = /[ \t\n\r\f]/u;

/**
 * A bare URL in prose: not words a rule should read. (What GitHub's autolink-literal extension
 * links, found by one pattern: that extension would triple Markdown's parse time.) Trailing
 * punctuation is the sentence's.
 */
export const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<]*[^\s<.,:;"')\]!?]/giu;

export interface ProseOptions {
  /** HTML: whitespace runs collapse to one space, as a browser renders them. */
  collapseWhitespace: boolean;
  /** Markdown: a backslash escapes the ASCII punctuation after it. */
  backslashEscapes?: boolean;
  /** HTML and Markdown: `&amp;`, `&#233;` and the like stand for the characters they decode to. */
  characterReferences?: boolean;
  /** A quoted-printable MIME part in this charset: `=C3=A9` stands for the character it encodes, `=` at a line end for nothing. */
  quotedPrintable?: { charset: string };
}

interface Decoder {
  decode(bytes: Uint8Array): string;
}

function decoderFor(charset: string): Decoder {
  try {
    return new TextDecoder(charset);
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** The `=XX` groups at `at` that encode `expected`'s first character, as a source length; 0 when they do not. */
function quotedPrintableLength(source: string, at: number, end: number, expected: string, decoder: Decoder): number {
  const bytes: number[] = [];
  for (let cursor = at; bytes.length < 4 && cursor + 2 < end + 1 && /^=[0-9A-Fa-f]{2}$/u.test(source.slice(cursor, cursor + 3)); cursor += 3) {
    bytes.push(Number.parseInt(source.slice(cursor + 1, cursor + 3), 16));
    const decoded = decoder.decode(Uint8Array.from(bytes));
    if (!decoded.includes('\uFFFD') && expected.startsWith(decoded)) return bytes.length * 3;
  }
  return 0;
}

export class ProseWriter {
  private readonly builder = new MappedTextBuilder();
  private wroteText = false;
  /** Line breaks owed before the next text, and the source offset where they were asked for. */
  private pendingBreaks = 0;
  private breakFrom = 0;
  private pendingSpace: { start: number; end: number } | undefined;
  private atLineStart = true;
  private quoteDepth = 0;
  /** Where the last written unit ended in the source. */
  private sourceEnd = 0;
  /** Whitespace is kept as it is (`<pre>`). */
  preserveWhitespace = 0;
  private readonly decoder: Decoder | undefined;

  constructor(
    private readonly source: string,
    private readonly options: ProseOptions,
  ) {
    this.decoder = options.quotedPrintable && decoderFor(options.quotedPrintable.charset);
  }

  /** Ask for at least `count` line breaks before the next text (a block boundary). */
  blockBreak(count: number, at: number): void {
    if (this.pendingBreaks === 0) this.breakFrom = at;
    this.pendingBreaks = Math.max(this.pendingBreaks, count);
    this.pendingSpace = undefined;
  }

  /** A literal line break (`<br>`, a hard break) standing for source[start, end). */
  lineBreak(start: number, end: number): void {
    this.flushBreaks(start);
    this.builder.decoded('\n', start, end);
    this.wroteText = true;
    this.atLineStart = true;
    this.pendingSpace = undefined;
    this.sourceEnd = end;
  }

  /** A space between inline items (table cells) standing for source[start, end). */
  space(start: number, end: number): void {
    if (!this.atLineStart && this.pendingBreaks === 0) this.pendingSpace ??= { start, end };
  }

  enterQuote(): void {
    this.quoteDepth++;
  }

  leaveQuote(): void {
    this.quoteDepth--;
  }

  /** Text the source implies without spelling it (a lazy blockquote line's `> `), placed at `at`. */
  marker(text: string, at: number): void {
    this.flushBreaks(at);
    this.builder.decoded(text, at, at);
    this.wroteText = true;
    this.atLineStart = false;
  }

  /** Source text copied as it is (a Markdown blockquote keeps its `>` lines). */
  verbatim(start: number, end: number): void {
    if (start >= end) return;
    this.flushBreaks(start);
    this.builder.verbatim(this.source.slice(start, end), start);
    this.wroteText = true;
    this.atLineStart = false;
    this.sourceEnd = end;
  }

  /**
   * A parsed text value whose source is source[start, end): its characters are matched to the
   * source, through character references, backslash escapes and skipped markup or indentation.
   * Parsers sometimes place a text node too late (parse5, after the newline it drops at the
   * start of a `<pre>`): when the value cannot be matched, it is matched again from `retryFrom`.
   */
  /** Returns whether every character of the value was found in the source. */
  text(value: string, start: number, end: number, options: { retryFrom?: number; skip?: RegExp } = {}): boolean {
    let aligned = this.align(value, start, end);
    if (!aligned.complete && options.retryFrom !== undefined && options.retryFrom < start) {
      const retried = this.align(value, options.retryFrom, end);
      if (retried.complete) aligned = retried;
    }
    const skipped = options.skip ? [...value.matchAll(options.skip)].map((match) => [match.index, match.index + match[0].length] as const) : [];
    if (skipped.length === 0) {
      for (const piece of aligned.pieces) this.emit(...piece);
      return aligned.complete;
    }
    // Leave out the units of `value` inside a skipped match (a bare URL).
    const kept = (index: number): boolean => !skipped.some(([from, to]) => index >= from && index < to);
    let index = 0;
    for (const [text, pieceStart, pieceEnd, verbatim] of aligned.pieces) {
      if (!verbatim) {
        if (kept(index)) this.emit(text, pieceStart, pieceEnd, false);
      } else {
        let run = 0;
        while (run < text.length) {
          let stop = run;
          while (stop < text.length && kept(index + stop) === kept(index + run)) stop++;
          if (kept(index + run)) this.emit(text.slice(run, stop), pieceStart + run, pieceStart + stop, true);
          run = stop;
        }
      }
      index += text.length;
    }
    return aligned.complete;
  }

  private align(value: string, start: number, end: number): { pieces: Array<[string, number, number, boolean]>; complete: boolean } {
    const pieces: Array<[string, number, number, boolean]> = [];
    let at = start;
    let index = 0;
    while (index < value.length) {
      const char = value[index]!;
      const sourceChar = this.source[at];
      if (this.decoder && sourceChar === '=' && at < end) {
        const softBreak = /^=(?:\r\n|\n|\r)/u.exec(this.source.slice(at, at + 3))?.[0].length;
        if (softBreak) {
          at += softBreak;
          continue;
        }
        const length = quotedPrintableLength(this.source, at, end, value.slice(index, index + 2), this.decoder);
        if (length > 0) {
          const decoded = this.decoder.decode(Uint8Array.from(this.source.slice(at, at + length).split('=').slice(1), (hex) => Number.parseInt(hex, 16)));
          pieces.push([decoded, at, at + length, false]);
          index += decoded.length;
          at += length;
          continue;
        }
      }
      if (this.options.characterReferences && sourceChar === '&' && at < end) {
        const reference = CHARACTER_REFERENCE.exec(this.source.slice(at, Math.min(end, at + 40)))?.[0];
        const decoded = reference && decodeHTML(reference);
        if (reference && decoded && decoded !== reference && value.startsWith(decoded, index)) {
          pieces.push([decoded, at, at + reference.length, false]);
          index += decoded.length;
          at += reference.length;
          continue;
        }
      }
      if (this.options.backslashEscapes && sourceChar === '\\' && at + 1 < end && this.source[at + 1] === char && ASCII_PUNCTUATION.test(char)) {
        pieces.push([char, at, at + 2, false]);
        index++;
        at += 2;
        continue;
      }
      if (at < end && sourceChar === char) {
        let run = 1;
        while (index + run < value.length && at + run < end && value[index + run] === this.source[at + run] && !'&\\='.includes(value[index + run]!)) run++;
        pieces.push([value.slice(index, index + run), at, at + run, true]);
        index += run;
        at += run;
        continue;
      }
      if (at >= end) {
        // The parser produced text the source does not spell out (a normalised character).
        pieces.push([value.slice(index), end, end, false]);
        // A line end the parser added at the end is no mismatch.
        return { pieces, complete: value.slice(index).trim() === '' };
      }
      at++;
    }
    return { pieces, complete: true };
  }

  build(): MappedText {
    return this.builder.build(this.sourceEnd);
  }

  private emit(text: string, start: number, end: number, verbatim: boolean): void {
    if (this.options.collapseWhitespace && this.preserveWhitespace === 0) {
      this.emitCollapsed(text, start, verbatim ? undefined : end);
      return;
    }
    this.write(text, start, end, verbatim);
  }

  /** HTML text: whitespace runs become one pending space, written only between words. */
  private emitCollapsed(text: string, start: number, decodedEnd: number | undefined): void {
    let index = 0;
    while (index < text.length) {
      if (WHITESPACE.test(text[index]!)) {
        let run = index + 1;
        while (run < text.length && WHITESPACE.test(text[run]!)) run++;
        const spanStart = decodedEnd === undefined ? start + index : start;
        const spanEnd = decodedEnd ?? start + run;
        if (this.pendingSpace) this.pendingSpace.end = spanEnd;
        else if (!this.atLineStart && this.pendingBreaks === 0) this.pendingSpace = { start: spanStart, end: spanEnd };
        index = run;
        continue;
      }
      let run = index + 1;
      while (run < text.length && !WHITESPACE.test(text[run]!)) run++;
      if (decodedEnd === undefined) this.write(text.slice(index, run), start + index, start + run, true);
      else this.write(text.slice(index, run), start, decodedEnd, false);
      index = run;
    }
  }

  private write(text: string, start: number, end: number, verbatim: boolean): void {
    this.flushBreaks(start);
    if (this.pendingSpace) {
      this.builder.decoded(' ', this.pendingSpace.start, this.pendingSpace.end);
      this.pendingSpace = undefined;
    }
    if (verbatim) this.builder.verbatim(text, start);
    else this.builder.decoded(text, start, end);
    this.wroteText = true;
    this.atLineStart = text.endsWith('\n');
    this.sourceEnd = end;
  }

  private flushBreaks(nextStart: number): void {
    if (this.pendingBreaks > 0 && this.wroteText) {
      this.builder.decoded('\n'.repeat(this.pendingBreaks), Math.min(this.breakFrom, nextStart), nextStart);
      this.atLineStart = true;
    }
    this.pendingBreaks = 0;
    if (this.atLineStart && this.quoteDepth > 0) {
      this.builder.decoded('> '.repeat(this.quoteDepth), nextStart, nextStart);
      this.atLineStart = false;
    }
  }
}

/**
 * Text extracted from a source — Markdown prose, HTML text, a MIME part, a string inside a
 * JSON, YAML or CSV export — that remembers, for each UTF-16 unit, the span of the source it
 * came from. Rules see the extracted text; messages and fixes land on the source.
 */

export interface SourceRange {
  start: number;
  end: number;
}

export class MappedText {
  private constructor(
    readonly text: string,
    /** starts[i], ends[i]: the source span that text[i] stands for; absent when the text is its own source. */
    private readonly spans: { starts: Uint32Array; ends: Uint32Array } | undefined,
    /** Where an insertion at the very end of the text goes in the source. */
    private readonly endInSource: number,
  ) {}

  /** Text that is its own source: no spans to store (a plain-text draft, the commonest input). */
  static identity(text: string): MappedText {
    return new MappedText(text, undefined, text.length);
  }

  /** @internal */
  static fromSpans(text: string, starts: Uint32Array, ends: Uint32Array, endInSource: number): MappedText {
    return new MappedText(text, { starts, ends }, endInSource);
  }

  /** The source range that text[start, end) came from; an empty range maps to a point. */
  toSource(start: number, end: number): SourceRange {
    if (!this.spans) return { start, end: Math.max(start, end) };
    const point = start < this.text.length ? this.spans.starts[start]! : this.endInSource;
    return { start: point, end: end > start ? this.spans.ends[end - 1]! : point };
  }

  /**
   * Whether text[start, end) comes from one unbroken stretch of the source (no markup or
   * skipped text in between), so that a rewrite can replace that stretch.
   */
  isContiguous(start: number, end: number): boolean {
    if (!this.spans) return true;
    for (let index = start; index + 1 < end; index++) {
      if (this.spans.ends[index] !== this.spans.starts[index + 1]) return false;
    }
    return true;
  }

  /** This text mapped through `outer`, whose text is this map's source (an HTML string inside a JSON export). */
  within(outer: MappedText): MappedText {
    const starts = new Uint32Array(this.text.length);
    const ends = new Uint32Array(this.text.length);
    for (let index = 0; index < this.text.length; index++) {
      const range = outer.toSource(...this.spanOf(index));
      starts[index] = range.start;
      ends[index] = range.end;
    }
    const tail = outer.toSource(this.endInSource, this.endInSource).start;
    return new MappedText(this.text, { starts, ends }, tail);
  }

  private spanOf(index: number): [number, number] {
    return this.spans ? [this.spans.starts[index]!, this.spans.ends[index]!] : [index, index + 1];
  }
}

/** Builds a MappedText piece by piece, in source order. */
export class MappedTextBuilder {
  private readonly pieces: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Text copied from the source as it is, starting at `sourceStart`. */
  verbatim(text: string, sourceStart: number): this {
    this.pieces.push(text);
    for (let index = 0; index < text.length; index++) {
      this.starts.push(sourceStart + index);
      this.ends.push(sourceStart + index + 1);
    }
    return this;
  }

  /**
   * Text that stands for source[sourceStart, sourceEnd): a decoded escape or entity (`&amp;`
   * → "&"), or a line break for a block tag. Every unit maps to the whole span.
   */
  decoded(text: string, sourceStart: number, sourceEnd: number): this {
    this.pieces.push(text);
    for (let index = 0; index < text.length; index++) {
      this.starts.push(sourceStart);
      this.ends.push(sourceEnd);
    }
    return this;
  }

  /** `endInSource`: where an insertion after the last unit goes (the end of the last piece by default). */
  build(endInSource?: number): MappedText {
    const last = this.ends.length > 0 ? this.ends[this.ends.length - 1]! : 0;
    return MappedText.fromSpans(this.pieces.join(''), Uint32Array.from(this.starts), Uint32Array.from(this.ends), endInSource ?? last);
  }
}

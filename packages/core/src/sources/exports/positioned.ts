/**
 * A parsed export as a tree whose every value knows where it sits in the file: objects,
 * arrays, scalars, and strings whose decoded text maps each unit back onto its escape in the
 * source. JSON, YAML and CSV parsers all produce this tree, so one set of shapes reads them all.
 */
import type { MappedText } from '../../mapped-text.js';

interface Spanned {
  /** Offsets of the value's source text, end exclusive. */
  start: number;
  end: number;
}

export interface PositionedString extends Spanned {
  kind: 'string';
  value: string;
  /** The decoded text mapped onto the source; built on demand, so unlinted strings cost nothing. */
  content(): MappedText;
  /**
   * Escapes a rewrite of content()[start, end) for this string's syntax; absent where no escaping
   * can write it back safely, undefined for a rewrite that would change text outside its range.
   */
  encode?(replacement: string, start: number, end: number): string | undefined;
}

export interface PositionedObject extends Spanned {
  kind: 'object';
  entries: Map<string, PositionedValue>;
}

export interface PositionedArray extends Spanned {
  kind: 'array';
  items: PositionedValue[];
}

export interface PositionedScalar extends Spanned {
  kind: 'scalar';
  value: number | boolean | null;
}

export type PositionedValue = PositionedString | PositionedObject | PositionedArray | PositionedScalar;

/** A syntax error at an offset of the file; the caller turns it into line:column. */
export class ExportSyntaxError extends Error {
  constructor(
    readonly problem: string,
    readonly offset: number,
  ) {
    super(problem);
    this.name = 'ExportSyntaxError';
  }
}

/** 1-based line and column (UTF-16 units, as vfile counts) of an offset; CRLF is one break. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 10 || (char === 13 && text.charCodeAt(index + 1) !== 10)) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

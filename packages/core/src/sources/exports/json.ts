/**
 * A small JSON parser that keeps positions: every string records its span, and its decoded
 * text maps each unit onto the escape it came from (`\u00e9` → "é" spans six characters).
 */
import { MappedTextBuilder, type MappedText } from '../../mapped-text.js';
import { ExportSyntaxError, type PositionedString, type PositionedValue } from './positioned.js';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const MAX_DEPTH = 1000;

/** A rewrite as the inside of a JSON string. */
export function encodeJsonString(replacement: string): string {
  return JSON.stringify(replacement).slice(1, -1);
}

/**
 * Walk the string whose opening quote is at `open`, feeding `builder` (when given) the decoded
 * units with their source spans; returns the decoded value and the offset after the closing quote.
 */
function scanString(text: string, open: number, limit: number, builder?: MappedTextBuilder): { value: string; end: number } {
  const pieces: string[] = [];
  let runStart = open + 1;
  let index = runStart;
  const flushRun = (): void => {
    if (index > runStart) {
      pieces.push(text.slice(runStart, index));
      builder?.verbatim(text.slice(runStart, index), runStart);
    }
  };
  while (index < limit) {
    const code = text.charCodeAt(index);
    if (code === 0x22) {
      flushRun();
      return { value: pieces.join(''), end: index + 1 };
    }
    if (code < 0x20) throw new ExportSyntaxError(code === 10 || code === 13 ? 'unterminated string (a line break inside a string must be written \\n)' : 'control character inside a string (escape it)', index);
    if (code !== 0x5c) {
      index++;
      continue;
    }
    flushRun();
    const escape = text[index + 1];
    let decoded: string;
    let length = 2;
    if (escape !== undefined && escape in SIMPLE_ESCAPES) {
      decoded = SIMPLE_ESCAPES[escape]!;
    } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/u.test(text.slice(index + 2, index + 6))) {
      decoded = String.fromCharCode(Number.parseInt(text.slice(index + 2, index + 6), 16));
      length = 6;
    } else {
      throw new ExportSyntaxError(`invalid escape ${JSON.stringify(text.slice(index, index + 2))} in a string`, index);
    }
    pieces.push(decoded);
    builder?.decoded(decoded, index, index + length);
    index += length;
    runStart = index;
  }
  throw new ExportSyntaxError('unterminated string', open);
}

/** A string node: its value now, its mapped text on demand. */
function stringNode(text: string, open: number, limit: number): PositionedString {
  const { value, end } = scanString(text, open, limit);
  let content: MappedText | undefined;
  return {
    kind: 'string',
    value,
    start: open,
    end,
    content() {
      if (!content) {
        const builder = new MappedTextBuilder();
        scanString(text, open, limit, builder);
        content = builder.build(end - 1);
      }
      return content;
    },
    encode: encodeJsonString,
  };
}

function describeAt(text: string, index: number, limit: number): string {
  return index >= limit ? 'the end of the input' : JSON.stringify(String.fromCodePoint(text.codePointAt(index)!));
}

/** Parse text[start, end) as one JSON value. Throws ExportSyntaxError at the offending offset. */
export function parseJson(text: string, start = 0, end = text.length): PositionedValue {
  let index = start;
  const skipSpace = (): void => {
    while (index < end) {
      const code = text.charCodeAt(index);
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return;
      index++;
    }
  };
  const expect = (char: string, what: string): void => {
    skipSpace();
    if (text[index] !== char) throw new ExportSyntaxError(`expected ${what}, found ${describeAt(text, index, end)}`, index);
    index++;
  };

  const value = (depth: number): PositionedValue => {
    if (depth > MAX_DEPTH) throw new ExportSyntaxError(`nested more than ${MAX_DEPTH} levels deep`, index);
    skipSpace();
    const from = index;
    const char = text[index];
    if (char === '"') {
      const node = stringNode(text, index, end);
      index = node.end;
      return node;
    }
    if (char === '{') {
      index++;
      const entries = new Map<string, PositionedValue>();
      skipSpace();
      if (text[index] === '}') {
        index++;
        return { kind: 'object', entries, start: from, end: index };
      }
      for (;;) {
        skipSpace();
        if (text[index] !== '"') throw new ExportSyntaxError(`expected a property name in double quotes, found ${describeAt(text, index, end)}`, index);
        const key = stringNode(text, index, end);
        index = key.end;
        expect(':', '":" after a property name');
        entries.set(key.value, value(depth + 1));
        skipSpace();
        if (text[index] === ',') {
          index++;
          continue;
        }
        expect('}', '"," or "}" in an object');
        return { kind: 'object', entries, start: from, end: index };
      }
    }
    if (char === '[') {
      index++;
      const items: PositionedValue[] = [];
      skipSpace();
      if (text[index] === ']') {
        index++;
        return { kind: 'array', items, start: from, end: index };
      }
      for (;;) {
        items.push(value(depth + 1));
        skipSpace();
        if (text[index] === ',') {
          index++;
          continue;
        }
        expect(']', '"," or "]" in an array');
        return { kind: 'array', items, start: from, end: index };
      }
    }
    for (const [word, literal] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, index)) {
        index += word.length;
        return { kind: 'scalar', value: literal, start: from, end: index };
      }
    }
    const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/uy;
    number.lastIndex = index;
    const match = number.exec(text);
    if (match && index + match[0].length <= end) {
      index += match[0].length;
      return { kind: 'scalar', value: Number(match[0]), start: from, end: index };
    }
    throw new ExportSyntaxError(`unexpected ${describeAt(text, index, end)}`, index);
  };

  const root = value(0);
  skipSpace();
  if (index < end) throw new ExportSyntaxError(`unexpected ${describeAt(text, index, end)} after the end of the JSON value`, index);
  return root;
}

/**
 * YAML exports through the `yaml` package's document and concrete syntax tree: every string
 * scalar (plain, single-quoted, double-quoted, literal or folded block) is decoded again here
 * unit by unit, so each character of its value maps onto the source characters it came from.
 */
import type * as Yaml from 'yaml';
import { MappedTextBuilder, type MappedText } from '../../mapped-text.js';
import { ExportSyntaxError, type PositionedString, type PositionedValue } from './positioned.js';

type YamlModule = typeof Yaml;

/** The `yaml` package, imported on first use (bundled as CommonJS, its functions sit on the default export). */
export async function loadYaml(): Promise<YamlModule> {
  const yaml = await import('yaml');
  return typeof yaml.parse === 'function' ? yaml : (yaml as unknown as { default: YamlModule }).default;
}

interface Piece {
  text: string;
  start: number;
  end: number;
  /** Unescaped spaces and tabs, which line folding removes at the end of a line. */
  foldable: boolean;
}

const isBreak = (char: string | undefined): boolean => char === '\n' || char === '\r';
const afterBreak = (text: string, index: number): number => (text[index] === '\r' && text[index + 1] === '\n' ? index + 2 : index + 1);
const afterBlanks = (text: string, index: number, end: number): number => {
  while (index < end && (text[index] === ' ' || text[index] === '\t')) index++;
  return index;
};

const DOUBLE_QUOTE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPE_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

function toMapped(pieces: readonly Piece[], endInSource: number): MappedText {
  const builder = new MappedTextBuilder();
  for (const piece of pieces) builder.decoded(piece.text, piece.start, piece.end);
  return builder.build(endInSource);
}

/**
 * A flow scalar's inside (between the quotes, or the whole plain scalar), with YAML's line
 * folding: a single line break reads as a space, n empty lines as n line breaks, blanks around
 * breaks vanish. A folded break maps onto the source it replaces, blanks included.
 */
function decodeFlow(text: string, start: number, end: number, style: 'plain' | 'single' | 'double'): MappedText {
  const pieces: Piece[] = [];
  let index = start;
  while (index < end) {
    const char = text[index]!;
    if (isBreak(char)) {
      let spanStart = index;
      while (pieces.length > 0 && pieces[pieces.length - 1]!.foldable) spanStart = pieces.pop()!.start;
      index = afterBreak(text, index);
      let emptyLines = 0;
      for (;;) {
        const next = afterBlanks(text, index, end);
        if (next < end && isBreak(text[next])) {
          emptyLines++;
          index = afterBreak(text, next);
          continue;
        }
        index = next;
        break;
      }
      pieces.push({ text: emptyLines === 0 ? ' ' : '\n'.repeat(emptyLines), start: spanStart, end: index, foldable: false });
    } else if (style === 'double' && char === '\\') {
      const escape = text[index + 1];
      if (isBreak(escape)) {
        // An escaped line break joins the lines with nothing between them.
        index = afterBlanks(text, afterBreak(text, index + 1), end);
        continue;
      }
      const hexLength = escape === undefined ? undefined : HEX_ESCAPE_LENGTH[escape];
      let decoded: string;
      let length = 2;
      if (hexLength !== undefined) {
        const hex = text.slice(index + 2, index + 2 + hexLength);
        if (!/^[0-9a-fA-F]+$/u.test(hex) || hex.length !== hexLength) throw new ExportSyntaxError('invalid escape in a double-quoted string', index);
        decoded = String.fromCodePoint(Number.parseInt(hex, 16));
        length += hexLength;
      } else if (escape !== undefined && escape in DOUBLE_QUOTE_ESCAPES) {
        decoded = DOUBLE_QUOTE_ESCAPES[escape]!;
      } else {
        throw new ExportSyntaxError('invalid escape in a double-quoted string', index);
      }
      pieces.push({ text: decoded, start: index, end: index + length, foldable: false });
      index += length;
    } else if (style === 'single' && char === "'" && text[index + 1] === "'") {
      pieces.push({ text: "'", start: index, end: index + 2, foldable: false });
      index += 2;
    } else {
      pieces.push({ text: char, start: index, end: index + 1, foldable: char === ' ' || char === '\t' });
      index++;
    }
  }
  return toMapped(pieces, end);
}

interface BlockLine {
  start: number;
  /** Where the content starts once the block's indentation is removed. */
  contentStart: number;
  end: number;
  breakEnd: number;
  empty: boolean;
}

/** A literal (`|`) or folded (`>`) block scalar's body, with its indentation and chomping. */
function decodeBlock(text: string, bodyStart: number, bodyEnd: number, header: string, parentIndent: number): { content: MappedText; indent: number } {
  const lines: BlockLine[] = [];
  for (let start = bodyStart; start < bodyEnd; ) {
    let end = start;
    while (end < bodyEnd && !isBreak(text[end])) end++;
    const breakEnd = end < bodyEnd ? afterBreak(text, end) : end;
    lines.push({ start, contentStart: start, end, breakEnd, empty: afterBlanks(text, start, end) === end });
    start = breakEnd;
  }
  const explicit = /\d/u.exec(header);
  const firstContent = lines.find((line) => !line.empty);
  const indent = explicit ? Math.max(parentIndent, 0) + Number(explicit[0]) : firstContent ? firstContent.end - firstContent.start - text.slice(firstContent.start, firstContent.end).trimStart().length : 0;
  for (const line of lines) line.contentStart = Math.min(line.start + indent, line.end);

  const folded = header.startsWith('>');
  const pieces: Piece[] = [];
  let previous: BlockLine | undefined;
  let pendingBreaks: BlockLine[] = [];
  const moreIndented = (line: BlockLine): boolean => text[line.contentStart] === ' ' || text[line.contentStart] === '\t';
  const breakOf = (line: BlockLine): Piece => ({ text: '\n', start: line.end, end: line.breakEnd, foldable: false });
  for (const line of lines) {
    const blank = line.empty && line.end - line.start <= indent;
    if (blank) {
      pendingBreaks.push(line);
      continue;
    }
    if (previous) {
      if (folded && !moreIndented(previous) && !moreIndented(line)) {
        // Between two ordinary lines the first break folds away: a space, or one break per empty line between them.
        const last = pendingBreaks[pendingBreaks.length - 1];
        pieces.push({ text: last ? '\n'.repeat(pendingBreaks.length) : ' ', start: previous.end, end: last ? last.breakEnd : previous.breakEnd, foldable: false });
        pendingBreaks = [];
      } else {
        pieces.push(breakOf(previous));
      }
    }
    for (const empty of pendingBreaks) pieces.push({ text: '\n', start: empty.start, end: empty.breakEnd, foldable: false });
    pendingBreaks = [];
    // The break before a line owns that line's indentation, so removing the break joins the lines.
    const last = pieces[pieces.length - 1];
    if (last && last.end === line.start) last.end = line.contentStart;
    pieces.push({ text: text.slice(line.contentStart, line.end), start: line.contentStart, end: line.end, foldable: false });
    previous = line;
  }
  // Chomping: strip (-) drops the final breaks, keep (+) keeps them all, clip keeps one.
  if (previous && previous.breakEnd > previous.end && !header.includes('-')) {
    pieces.push(breakOf(previous));
    if (header.includes('+')) for (const empty of pendingBreaks) pieces.push({ text: '\n', start: empty.start, end: empty.breakEnd, foldable: false });
  }
  const builder = new MappedTextBuilder();
  for (const piece of pieces) {
    if (piece.text.length === piece.end - piece.start && text.startsWith(piece.text, piece.start)) builder.verbatim(piece.text, piece.start);
    else builder.decoded(piece.text, piece.start, piece.end);
  }
  return { content: builder.build(previous ? previous.end : bodyStart), indent };
}

/** The indentation of the line that `offset` is on. */
function lineIndent(text: string, offset: number): number {
  let lineStart = offset;
  while (lineStart > 0 && !isBreak(text[lineStart - 1])) lineStart--;
  return afterBlanks(text, lineStart, offset) - lineStart;
}

function escapeDoubleQuoted(replacement: string): string {
  const escaped = replacement.replace(/[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu, (char) => {
    if (char === '\\' || char === '"') return `\\${char}`;
    const named: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r' };
    return named[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  // Blanks next to a line break of the surrounding scalar would fold away: escape the outer ones.
  return escaped.replace(/^[ \t]|[ \t]$/gu, (blank) => (blank === ' ' ? '\\x20' : '\\t'));
}

type ScalarToken = Yaml.CST.FlowScalar | Yaml.CST.BlockScalar;

function blockHeader(token: Yaml.CST.BlockScalar): string {
  return token.props.find((prop): prop is Yaml.CST.SourceToken => prop.type === 'block-scalar-header')?.source ?? '|';
}

/** Rewrites for each scalar style; plain scalars have none (": " or " #" would change the document). */
function encoderFor(text: string, token: ScalarToken, blockIndent: number): ((replacement: string) => string) | undefined {
  const lineBreak = text.includes('\r\n') ? '\r\n' : '\n';
  switch (token.type) {
    case 'double-quoted-scalar':
      return escapeDoubleQuoted;
    case 'single-quoted-scalar': {
      const continuation = ' '.repeat(lineIndent(text, token.offset) + 2);
      return (replacement) => replacement.replace(/'/gu, "''").replace(/\r\n|\r|\n/gu, `${lineBreak}${lineBreak}${continuation}`);
    }
    case 'block-scalar': {
      const indentation = ' '.repeat(blockIndent);
      const folded = blockHeader(token).startsWith('>');
      return (replacement) => replacement.replace(/\r\n|\r|\n/gu, folded ? `${lineBreak}${lineBreak}${indentation}` : `${lineBreak}${indentation}`);
    }
    default:
      return undefined;
  }
}

/**
 * The scalar's value mapped onto `text`, and a block's indentation. `lengthChange`: how much
 * longer the scalar's source is in `text` than in its token (a rewrite spliced in).
 */
function decodeScalar(text: string, token: ScalarToken, lengthChange = 0): { content: MappedText; indent: number } | undefined {
  const end = token.offset + token.source.length + lengthChange;
  try {
    switch (token.type) {
      case 'scalar':
        return { content: decodeFlow(text, token.offset, end, 'plain'), indent: 0 };
      case 'single-quoted-scalar':
        return { content: decodeFlow(text, token.offset + 1, end - 1, 'single'), indent: 0 };
      case 'double-quoted-scalar':
        return { content: decodeFlow(text, token.offset + 1, end - 1, 'double'), indent: 0 };
      case 'block-scalar': {
        const lineBreak = token.props.find((prop): prop is Yaml.CST.SourceToken => prop.type === 'newline');
        if (!lineBreak) return undefined;
        const bodyStart = lineBreak.offset + lineBreak.source.length;
        return decodeBlock(text, bodyStart, bodyStart + token.source.length + lengthChange, blockHeader(token), token.indent);
      }
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}

/**
 * Rewrites that read back as themselves and change nothing outside their range: the scalar is
 * decoded again with the rewrite spliced in. What the escaping alone cannot see is refused, e.g.
 * a blank left before a folded line break (it folds away), a block emptied of its last line
 * (its chomping then drops the final break) or a block line starting with a blank (the block's
 * indentation would change); and in a block, lines of blanks alone and rewrites of the final
 * line breaks (the re-decoding alone would miss the lines that follow the block).
 */
function checkedEncoder(text: string, token: ScalarToken, decoded: { content: MappedText; indent: number }): PositionedString['encode'] {
  const escape = encoderFor(text, token, decoded.indent);
  if (!escape) return undefined;
  const { content, indent } = decoded;
  return (replacement, start, end) => {
    const encoded = escape(replacement);
    const range = content.toSource(start, end);
    const expected = content.text.slice(0, start) + replacement + content.text.slice(end);
    // A block's final breaks come from its chomping: a rewrite reaching into them has nothing to write.
    if (token.type === 'block-scalar' && (range.end > content.toSource(content.text.length, content.text.length).start || /^[ \t]+$/mu.test(expected))) return undefined;
    const reread = decodeScalar(text.slice(0, range.start) + encoded + text.slice(range.end), token, encoded.length - (range.end - range.start));
    return reread?.content.text === expected && reread.indent === indent ? encoded : undefined;
  };
}

function scalarString(text: string, node: Yaml.Scalar<string>): PositionedString {
  const [start, valueEnd] = node.range ?? [0, 0];
  const token = node.srcToken as ScalarToken | undefined;
  let content: MappedText | undefined;
  let encode: PositionedString['encode'];
  const build = (): MappedText => {
    if (content) return content;
    const decoded = token && decodeScalar(text, token);
    if (decoded && decoded.content.text === node.value && token) {
      content = decoded.content;
      encode = checkedEncoder(text, token, decoded);
    } else {
      // A form this decoder does not follow (tags, unusual indentation): every unit maps onto the
      // whole scalar, so messages still land on it, and rewrites are not written back.
      content = new MappedTextBuilder().decoded(node.value, start, valueEnd).build(valueEnd);
    }
    return content;
  };
  return {
    kind: 'string',
    value: node.value,
    start,
    end: valueEnd,
    content: build,
    get encode() {
      build();
      return encode;
    },
  };
}

/** Parse a YAML export (one document). Throws ExportSyntaxError at the first problem. */
export async function parseYaml(text: string): Promise<PositionedValue> {
  const yaml = await loadYaml();
  const document = yaml.parseDocument(text, { keepSourceTokens: true, prettyErrors: false, uniqueKeys: false });
  const [error] = document.errors;
  if (error) throw new ExportSyntaxError(error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/u, ''), error.pos[0]);

  const convert = (node: unknown, depth: number): PositionedValue => {
    if (depth > 1000) throw new ExportSyntaxError('nested (or aliased) more than 1000 levels deep', 0);
    if (yaml.isAlias(node)) return convert(node.resolve(document), depth + 1);
    const [start, end] = (yaml.isNode(node) && node.range) || [0, 0];
    if (yaml.isMap(node)) {
      const entries = new Map<string, PositionedValue>();
      for (const pair of node.items) {
        const key = yaml.isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        entries.set(key, convert(pair.value, depth + 1));
      }
      return { kind: 'object', entries, start, end };
    }
    if (yaml.isSeq(node)) return { kind: 'array', items: node.items.map((item) => convert(item, depth + 1)), start, end };
    if (yaml.isScalar(node)) {
      if (typeof node.value === 'string') return scalarString(text, node as Yaml.Scalar<string>);
      const value = node.value;
      return { kind: 'scalar', value: typeof value === 'number' || typeof value === 'boolean' ? value : value === null || value === undefined ? null : Number(value), start, end };
    }
    return { kind: 'scalar', value: null, start, end };
  };
  return convert(document.contents, 0);
}

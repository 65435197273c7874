/**
 * CSV exports (RFC 4180): comma-separated fields (or semicolons or tabs, as spreadsheets write
 * them), quoted fields with "" for a quote and line breaks inside, LF or CRLF rows, a header
 * row naming the columns. Each row becomes an object
 * keyed by the header, so the same field paths read CSV, JSON and YAML.
 */
import { MappedTextBuilder, type MappedText } from '../../mapped-text.js';
import { ExportSyntaxError, type PositionedArray, type PositionedObject, type PositionedString } from './positioned.js';

/** A rewrite as the inside of a quoted CSV field. */
export function encodeCsvQuoted(replacement: string): string {
  return replacement.replace(/"/gu, '""');
}

function quotedField(text: string, open: number, close: number): PositionedString {
  const inside = text.slice(open + 1, close);
  let content: MappedText | undefined;
  return {
    kind: 'string',
    value: inside.replace(/""/gu, '"'),
    start: open,
    end: close + 1,
    content() {
      if (!content) {
        const builder = new MappedTextBuilder();
        let runStart = open + 1;
        for (let quote = text.indexOf('""', runStart); quote !== -1 && quote < close; quote = text.indexOf('""', runStart)) {
          builder.verbatim(text.slice(runStart, quote), runStart).decoded('"', quote, quote + 2);
          runStart = quote + 2;
        }
        content = builder.verbatim(text.slice(runStart, close), runStart).build(close);
      }
      return content;
    },
    encode: encodeCsvQuoted,
  };
}

/** An unquoted field: its own source. A rewrite holding a comma, quote or line break would need quoting the whole field, so there is no encoder. */
function bareField(text: string, start: number, end: number): PositionedString {
  const value = text.slice(start, end);
  return { kind: 'string', value, start, end, content: () => new MappedTextBuilder().verbatim(value, start).build(end) };
}

/**
 * The field separator, from the header row: a comma, or the semicolon or tab that spreadsheet
 * programs write in many locales, whichever separates most columns there.
 */
function separatorOf(text: string): string {
  const header = text.slice(0, text.search(/\r|\n|$/u)).replace(/"(?:[^"]|"")*"/gu, '');
  const counts = [',', ';', '\t'].map((separator) => [separator, header.split(separator).length] as const);
  return counts.reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best))[0];
}

/** Split the text into rows of fields. Throws ExportSyntaxError for an unterminated or stray quote. */
function parseRows(text: string): PositionedString[][] {
  const separator = separatorOf(text);
  const endsField = (char: string | undefined): boolean => char === separator || char === '\r' || char === '\n';
  const rows: PositionedString[][] = [];
  let row: PositionedString[] = [];
  let index = 0;
  while (index <= text.length) {
    let field: PositionedString;
    if (text[index] === '"') {
      let close = index + 1;
      for (;;) {
        close = text.indexOf('"', close);
        if (close === -1) throw new ExportSyntaxError('a quoted field is never closed (a " is missing)', index);
        if (text[close + 1] !== '"') break;
        close += 2;
      }
      field = quotedField(text, index, close);
      index = close + 1;
      if (index < text.length && !endsField(text[index])) throw new ExportSyntaxError('unexpected text after a quoted field (a quote inside a field is written "")', index);
    } else {
      let end = index;
      while (end < text.length && !endsField(text[end])) {
        if (text[end] === '"') throw new ExportSyntaxError('a quote inside an unquoted field (quote the whole field and write the quote as "")', end);
        end++;
      }
      field = bareField(text, index, end);
      index = end;
    }
    row.push(field);
    if (text[index] === separator) {
      index++;
      continue;
    }
    rows.push(row);
    row = [];
    if (index >= text.length) break;
    index = text[index] === '\r' && text[index + 1] === '\n' ? index + 2 : index + 1;
    if (index >= text.length) break;
  }
  // Blank lines (a single empty field) are not rows.
  return rows.filter((fields) => !(fields.length === 1 && fields[0]!.start === fields[0]!.end));
}

export interface CsvTable {
  /** The header's column names. */
  columns: string[];
  /** The rows as objects keyed by column name. */
  rows: PositionedArray;
}

/** Parse a CSV export with a header row. */
export function parseCsv(text: string): CsvTable {
  const [header, ...rows] = parseRows(text);
  if (!header) throw new ExportSyntaxError('the file is empty (a CSV export needs a header row naming the columns)', 0);
  const columns = header.map((field) => field.value.trim());
  const items: PositionedObject[] = rows.map((fields) => {
    if (fields.length !== columns.length) throw new ExportSyntaxError(`this row has ${fields.length} fields, the header has ${columns.length}`, fields[0]!.start);
    return { kind: 'object', entries: new Map(fields.map((field, column) => [columns[column]!, field])), start: fields[0]!.start, end: fields[fields.length - 1]!.end };
  });
  return { columns, rows: { kind: 'array', items, start: 0, end: text.length } };
}

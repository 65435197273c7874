/**
 * Help-desk exports as lint targets: Zendesk, Help Scout, Freshdesk, Intercom and Gorgias
 * exports recognised by shape, any JSON, YAML or CSV library through a field mapping, and
 * JSON Lines archives of sent replies. Every target's text maps onto the string in the file,
 * and rewrites come back escaped for it.
 */
import type { DocumentInfo } from '../../rule.js';
import type { LintTarget } from '../../target.js';
import type { SourceProblem } from '../../target.js';
import type { FieldMapping } from '../index.js';
import { nestTarget } from '../nest.js';
import { parseCsv } from './csv.js';
import { exportSyntaxOf, type ExportFormat, type ExportPlatform, type SyntaxFormat } from './formats.js';
import { parseJson } from './json.js';
import { ExportSyntaxError, type PositionedString, type PositionedValue } from './positioned.js';
import { detectShape, emptyTemplateList, followPath, nameAt, parseFieldPath, platformBodies, PLATFORM_SHAPES, type Markup, type TemplateBody } from './shapes.js';
import { parseYaml } from './yaml.js';

export { encodeJsonString, parseJson } from './json.js';
export { encodeCsvQuoted, parseCsv } from './csv.js';
export { parseYaml } from './yaml.js';
export { lineColumn, type PositionedValue, type PositionedString } from './positioned.js';
export { parseFieldPath } from './shapes.js';

export interface ExportOptions extends FieldMapping {
  /** The file's name: its extension gives the syntax unless `format` names one. */
  path?: string;
  /** A help desk's shape or a syntax (`--input-format`; by extension, the syntax). */
  format?: ExportFormat;
}

/** A problem is at a place in the file; the other templates are still linted. */
export type ExportItem = { target: LintTarget } | { problem: SourceProblem };

const SYNTAX_NAMES: Readonly<Record<SyntaxFormat, string>> = { json: 'JSON', yaml: 'YAML', csv: 'CSV', jsonl: 'JSON Lines' };
/** Columns a CSV export's reply is usually in, when no field is named. */
const CSV_BODY_COLUMNS = ['body', 'reply', 'text', 'content', 'message', 'response', 'template'];
const CSV_NAME_COLUMNS = ['title', 'name', 'subject', 'id'];
/** Fields a JSON Lines record's reply is usually in, when no field is named. */
const JSONL_BODY_FIELDS = ['reply', 'body', 'text', 'content', 'message'];

const problemAt = (offset: number, message: string): SourceProblem => ({ start: offset, end: offset, message });

function isHtmlField(field: string): boolean {
  return /html$/iu.test(field);
}

async function toTarget(body: { name: string; value: PositionedString; markup: Markup }, document: DocumentInfo): Promise<LintTarget> {
  const { value } = body;
  const outer = value.content();
  if (body.markup === 'text') return { content: outer, document, name: body.name, ...(value.encode ? { encode: value.encode } : {}) };
  const [html] = (await import('../html.js')).extractHtml(value.value);
  return nestTarget({ ...html!, document, name: body.name }, outer, value.encode);
}

/** The whitespace-insensitive text of a target, to spot a plain-text body that only repeats its HTML twin. */
const normalised = (target: LintTarget): string => target.content.text.replace(/\s+/gu, ' ').trim();

/**
 * A help desk's template bodies as targets. When a template holds the same reply twice (the
 * HTML and the plain text a help desk derives from it), only the HTML is linted, so each
 * finding is reported once; a plain text that says something else is linted too.
 */
async function* platformTargets(bodies: readonly TemplateBody[], platform: ExportPlatform): AsyncGenerator<LintTarget> {
  const document: DocumentInfo = { kind: 'template', platform };
  const byTemplate = new Map<number, TemplateBody[]>();
  for (const body of bodies) byTemplate.set(body.index, [...(byTemplate.get(body.index) ?? []), body]);
  for (const group of byTemplate.values()) {
    const built = await Promise.all(group.map(async (body) => ({ body, target: await toTarget({ name: body.template, value: body.value, markup: body.markup }, document) })));
    const htmlTexts = new Set(built.filter(({ body }) => body.markup === 'html').map(({ target }) => normalised(target)));
    const kept = built.filter(({ body, target }) => body.markup === 'html' || !htmlTexts.has(normalised(target)));
    for (const { body, target } of kept) yield kept.length > 1 ? { ...target, name: `${body.template} (${body.field})` } : target;
  }
}

/** Bodies reached by a field path (config `templates` or --template-field). */
function mappedBodies(root: PositionedValue, field: string, name: string | undefined): TemplateBody[] | string {
  const matches = followPath(root, parseFieldPath(field));
  if (matches.length === 0) return `no value at "${field}" (check the field path: keys separated by dots, [] for each item of a list)`;
  const nameSteps = name === undefined ? undefined : parseFieldPath(name);
  const bodies: TemplateBody[] = [];
  for (const [index, match] of matches.entries()) {
    if (match.value.kind === 'scalar' && match.value.value === null) continue;
    if (match.value.kind !== 'string') return `"${match.location}" is ${match.value.kind === 'scalar' ? `a ${typeof match.value.value}` : `an ${match.value.kind}`}, not text`;
    const key = match.location.replace(/\[\d+\]$/u, '').split('.').at(-1) ?? field;
    bodies.push({ index, template: nameAt(match, nameSteps), field: key, value: match.value, markup: isHtmlField(key) ? 'html' : 'text' });
  }
  return bodies;
}

/** The parsed file, and for CSV the header's columns. */
async function parseSyntax(text: string, syntax: Exclude<SyntaxFormat, 'jsonl'>): Promise<{ root: PositionedValue; columns?: string[] }> {
  if (syntax === 'json') return { root: parseJson(text) };
  if (syntax === 'yaml') return { root: await parseYaml(text) };
  const { rows, columns } = parseCsv(text);
  return { root: rows, columns };
}

/** The first of the usual column names that the CSV export has, in the order of preference. */
function usualColumn(columns: readonly string[], usual: readonly string[]): string | undefined {
  for (const column of usual) {
    const found = columns.find((name) => name.toLowerCase() === column);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The targets of one export file, in file order, each yielded as it is built (a large archive
 * is never held as targets all at once). Problems are yielded in their place; a file that
 * cannot be parsed yields one problem and nothing else.
 */
export async function* extractExport(text: string, options: ExportOptions): AsyncGenerator<ExportItem> {
  for (const path of [options.field, options.name]) {
    try {
      if (path !== undefined) parseFieldPath(path);
    } catch (error) {
      yield { problem: problemAt(0, (error as Error).message) };
      return;
    }
  }
  const platform = PLATFORM_SHAPES.find((shape) => shape.platform === options.format)?.platform;
  const syntax: SyntaxFormat = options.format === 'json' || options.format === 'yaml' || options.format === 'csv' || options.format === 'jsonl' ? options.format : (exportSyntaxOf(options.path ?? '') ?? 'json');
  if (syntax === 'jsonl') {
    yield* jsonLines(text, options);
    return;
  }
  let parsed: { root: PositionedValue; columns?: string[] };
  try {
    parsed = await parseSyntax(text, syntax);
  } catch (error) {
    if (!(error instanceof ExportSyntaxError)) throw error;
    yield { problem: problemAt(error.offset, `invalid ${SYNTAX_NAMES[syntax]}: ${error.problem}`) };
    return;
  }
  const { root, columns } = parsed;

  const field = options.field ?? (columns && !platform ? usualColumn(columns, CSV_BODY_COLUMNS) : undefined);
  if (field !== undefined) {
    const name = options.name ?? (columns ? usualColumn(columns, CSV_NAME_COLUMNS) : undefined);
    // A CSV field is a column: each row is an item of the top-level list.
    const inRows = (path: string): string => (syntax === 'csv' && !path.startsWith('[]') ? `[].${path}` : path);
    const bodies = mappedBodies(root, inRows(field), name);
    if (typeof bodies === 'string') {
      yield { problem: problemAt(root.start, bodies) };
      return;
    }
    if (bodies.length === 0) yield { problem: problemAt(root.start, `no templates to lint: "${field}" is empty everywhere`) };
    const document: DocumentInfo = { kind: 'template', ...((options.platform ?? platform) ? { platform: options.platform ?? platform } : {}) };
    for (const body of bodies) yield { target: await toTarget({ name: body.template, value: body.value, markup: body.markup }, document) };
    return;
  }
  if (columns) {
    yield { problem: problemAt(0, `no column is named like a reply (${CSV_BODY_COLUMNS.join(', ')}): name it with --template-field or a "templates" entry in the configuration (columns: ${columns.join(', ')})`) };
    return;
  }

  const match = detectShape(root, platform);
  if (!match) {
    const empty = emptyTemplateList(root);
    const wanted = platform ? PLATFORM_SHAPES.filter((shape) => shape.platform === platform) : PLATFORM_SHAPES;
    yield {
      problem: problemAt(
        root.start,
        empty
          ? `no templates to lint: ${empty} is empty`
          : `not a help-desk export replylint knows (expected ${wanted.map((shape) => `${shape.label}: ${shape.expected}`).join('; ')}); for another layout, name the reply field with --template-field or a "templates" entry in the configuration`,
      ),
    };
    return;
  }
  const bodies = platformBodies(match);
  if (bodies.length === 0) {
    yield { problem: problemAt(root.start, `no templates to lint: ${match.templates.length} ${match.shape.label} without a reply to customers (internal notes and field changes only)`) };
    return;
  }
  for await (const target of platformTargets(bodies, match.shape.platform)) yield { target };
}

/**
 * JSON Lines: one record per line, each a reply as sent (a draft, not a template). A line that
 * is not valid JSON, or lacks the field, is a problem at that line; the others are still linted.
 * Lines are read in place, one at a time: the file is held once.
 */
async function* jsonLines(text: string, options: ExportOptions): AsyncGenerator<ExportItem> {
  const steps = options.field === undefined ? undefined : parseFieldPath(options.field);
  const nameSteps = parseFieldPath(options.name ?? 'id');
  const document: DocumentInfo = { kind: 'draft', ...(options.platform ? { platform: options.platform } : {}) };
  let lineNumber = 0;
  for (let start = 0; start < text.length; ) {
    lineNumber++;
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length : newline + 1;
    const end = newline === -1 ? text.length : newline > start && text[newline - 1] === '\r' ? newline - 1 : newline;
    const lineStart = start;
    start = next;
    if (text.slice(lineStart, end).trim() === '') continue;
    const at = (offset: number, message: string): ExportItem => ({ problem: problemAt(offset, message) });
    let record: PositionedValue;
    try {
      record = parseJson(text, lineStart, end);
    } catch (error) {
      if (!(error instanceof ExportSyntaxError)) throw error;
      yield at(error.offset, `invalid JSON: ${error.problem}`);
      continue;
    }
    const fields = steps ? [steps] : JSONL_BODY_FIELDS.map((field) => [{ key: field }]);
    const found = fields.map((path) => followPath(record, path)[0]).find((match) => match !== undefined);
    if (!found) {
      yield at(lineStart, record.kind === 'object' ? `no "${options.field ?? JSONL_BODY_FIELDS.join('", "')}" field in this record (name it with --jsonl-field)` : 'a record must be a JSON object');
      continue;
    }
    if (found.value.kind !== 'string') {
      yield at(found.value.start, `"${found.location}" is not text`);
      continue;
    }
    const named = nameAt({ ...found, item: record, location: `line ${lineNumber}` }, nameSteps);
    yield { target: await toTarget({ name: named === `line ${lineNumber}` ? named : `line ${lineNumber} (${named})`, value: found.value, markup: 'text' }, document) };
  }
}

/** Reading the export fixtures and linting their targets, with messages placed in the export file. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lint, MappedTextBuilder, resolveConfig, type LintTarget } from '../packages/core/src/index.js';
import { extractExport, lineColumn, type ExportOptions, type ExportProblem, type HtmlText } from '../packages/core/src/sources/exports/index.js';

export const fixturePath = (name: string): string => fileURLToPath(new URL(`fixtures/exports/${name}`, import.meta.url));
export const readFixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', mdash: '—', rsquo: '’', nbsp: '\u00a0' };

/** A small stand-in for the HTML extractor: block tags and <br> read as line breaks, entities decoded. */
export function htmlText(html: string): HtmlText {
  const builder = new MappedTextBuilder();
  const pattern = /<\/?([a-z0-9]+)[^>]*>|&([a-z]+);/giu;
  let last = 0;
  for (const match of html.matchAll(pattern)) {
    builder.verbatim(html.slice(last, match.index), last);
    const end = match.index + match[0].length;
    if (match[2] !== undefined) builder.decoded(ENTITIES[match[2]] ?? match[0], match.index, end);
    else if (/^(?:br|p|div)$/iu.test(match[1]!) && (match[0].startsWith('</') || match[1]!.toLowerCase() === 'br')) builder.decoded('\n', match.index, end);
    last = end;
  }
  builder.verbatim(html.slice(last), last);
  return { content: builder.build(html.length), encode: (text) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;') };
}

export interface Extracted {
  targets: LintTarget[];
  problems: ExportProblem[];
}

export async function extract(text: string, options: Omit<ExportOptions, 'html'>): Promise<Extracted> {
  const targets: LintTarget[] = [];
  const problems: ExportProblem[] = [];
  for await (const item of extractExport(text, { html: htmlText, ...options })) {
    if ('target' in item) targets.push(item.target);
    else problems.push(item.problem);
  }
  return { targets, problems };
}

export interface PlacedFinding {
  template: string | undefined;
  ruleId: string;
  line: number;
  column: number;
  /** The flagged text as the reply reads. */
  actual: string;
  /** The export file's text under the finding. */
  source: string;
}

const config = resolveConfig({ extends: ['replylint:all'] });

/** Lint every target and place each finding in the export file. */
export async function lintTargets(text: string, targets: readonly LintTarget[]): Promise<PlacedFinding[]> {
  const findings: PlacedFinding[] = [];
  for (const target of targets) {
    const { messages } = await lint(target.content.text, { config, document: target.document });
    for (const message of messages) {
      const range = target.content.toSource(message.startOffset, message.endOffset);
      findings.push({ template: target.name, ruleId: message.ruleId, ...lineColumn(text, range.start), actual: message.actual ?? '', source: text.slice(range.start, range.end) });
    }
  }
  return findings;
}

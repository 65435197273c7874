/** Reading the export fixtures and linting their targets, with messages placed in the export file. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lineColumn, lintTarget, resolveConfig, type LintTarget } from '../packages/core/src/index.js';
import { extractExport, type ExportOptions } from '../packages/core/src/sources/exports/index.js';

export const fixturePath = (name: string): string => fileURLToPath(new URL(`fixtures/exports/${name}`, import.meta.url));
export const readFixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');

export interface PlacedProblem {
  line: number;
  column: number;
  message: string;
}

export interface Extracted {
  targets: LintTarget[];
  /** Problems, at their line and column in the file. */
  problems: PlacedProblem[];
}

export async function extract(text: string, options: ExportOptions): Promise<Extracted> {
  const targets: LintTarget[] = [];
  const problems: PlacedProblem[] = [];
  for await (const item of extractExport(text, options)) {
    if ('target' in item) targets.push(item.target);
    else problems.push({ ...lineColumn(text, item.problem.start), message: item.problem.message });
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

/** Lint every target through the pipeline, each finding placed in the export file. */
export async function lintTargets(text: string, targets: readonly LintTarget[]): Promise<PlacedFinding[]> {
  const findings: PlacedFinding[] = [];
  for (const target of targets) {
    const { messages } = await lintTarget(target, { source: text, config });
    for (const message of messages) {
      findings.push({ template: message.target, ruleId: message.ruleId, line: message.line!, column: message.column!, actual: message.actual ?? '', source: text.slice(message.startOffset, message.endOffset) });
    }
  }
  return findings;
}

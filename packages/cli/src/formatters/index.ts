/** The output formats, by name: each turns the run's results into the text of one report. */
import { rules } from '@replylint/core';
import type { FileResult, FileSummary } from '../results.js';
import { readRuleDocs } from '../rule-docs.js';
import { formatCodeQuality } from './codequality.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { colors, formatStylish, noColors, stylishEnd, stylishFile } from './stylish.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'codequality'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportContext {
  /** Paths in CI formats are relative to this folder. */
  cwd: string;
  version: string;
  color: boolean;
}

export async function formatReport(format: Format, results: readonly FileResult[], context: ReportContext): Promise<string> {
  switch (format) {
    case 'stylish':
      return formatStylish(results, context.color ? colors : noColors);
    case 'json':
      return formatJson(results);
    case 'sarif': {
      const docs = await Promise.all(rules.map(async ({ meta }) => [meta.id, await readRuleDocs(meta.id)] as const));
      const available = new Map(docs.filter((entry): entry is readonly [string, string] => entry[1] !== undefined));
      return formatSarif(results, { cwd: context.cwd, version: context.version, docs: available });
    }
    case 'github':
      return formatGithub(results, context.cwd);
    case 'junit':
      return formatJunit(results, context.cwd);
    case 'codequality':
      return formatCodeQuality(results, context.cwd);
  }
}

/**
 * A report written file by file as results arrive (in input order), then its end once all are
 * in. `end` sees each result's counts, score and replies, not its messages: a run over a
 * hundred thousand replies does not hold their findings.
 */
export interface StreamingReport {
  file(result: FileResult): string;
  end(results: readonly FileSummary[]): string;
}

/** Stylish, GitHub and JSON output stream; SARIF, JUnit and Code Quality are documents built at the end. */
export function streamingReport(format: Format, context: ReportContext): StreamingReport | undefined {
  const paint = context.color ? colors : noColors;
  switch (format) {
    case 'stylish':
      return { file: (result) => stylishFile(result, paint), end: (results) => stylishEnd(results, paint) };
    case 'github':
      return { file: (result) => formatGithub([result], context.cwd), end: () => '' };
    case 'json': {
      // Exactly formatJson's text: JSON.stringify of the array, piece by piece.
      let opened = false;
      const file = (result: FileResult): string => {
        const separator = opened ? ',' : '[';
        opened = true;
        return separator + JSON.stringify(result);
      };
      return { file, end: () => `${opened ? '' : '['}]\n` };
    }
    default:
      return undefined;
  }
}

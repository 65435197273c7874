/**
 * The formats written file by file as results arrive. Worker threads import this module to
 * render their files' parts, so it stays clear of the formats built at the end (SARIF reads the
 * rules' docs from beside the CLI's own bundle).
 */
import type { FileResult, FileSummary } from '../results.js';
import { formatGithub } from './github.js';
import type { Format } from './index.js';
import { colors, noColors, stylishEnd, stylishFile } from './stylish.js';

export interface ReportContext {
  /** Paths in CI formats are relative to this folder. */
  cwd: string;
  version: string;
  color: boolean;
}

/**
 * A report written file by file as results arrive (in input order), then its end once all are
 * in. `end` sees each result's counts, score and replies, not its messages: a run over a
 * hundred thousand replies does not hold their findings.
 */
export interface StreamingReport {
  /** A file's own part of the report: it depends on nothing else, so a worker thread renders it where the file was linted. */
  render(result: FileResult): string;
  /** A rendered part as it goes out, in input order (JSON puts its separators between them). */
  file(rendered: string): string;
  end(results: readonly FileSummary[]): string;
}

/** Stylish, GitHub and JSON output stream; SARIF, JUnit and Code Quality are documents built at the end. */
export function streamingReport(format: Format, context: ReportContext): StreamingReport | undefined {
  const paint = context.color ? colors : noColors;
  const asIs = (rendered: string): string => rendered;
  switch (format) {
    case 'stylish':
      return { render: (result) => stylishFile(result, paint), file: asIs, end: (results) => stylishEnd(results, paint) };
    case 'github':
      return { render: (result) => formatGithub([result], context.cwd), file: asIs, end: () => '' };
    case 'json': {
      // Exactly formatJson's text: JSON.stringify of the array, piece by piece.
      let opened = false;
      const file = (rendered: string): string => {
        const separator = opened ? ',' : '[';
        opened = true;
        return separator + rendered;
      };
      return { render: (result) => JSON.stringify(result), file, end: () => `${opened ? '' : '['}]\n` };
    }
    default:
      return undefined;
  }
}

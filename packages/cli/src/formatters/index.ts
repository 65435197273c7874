/** The output formats, by name: each turns the run's results into the text of one report. */
import { rules } from '@replylint/core';
import type { FileResult } from '../results.js';
import { readRuleDocs } from '../rule-docs.js';
import { formatCodeQuality } from './codequality.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import type { ReportContext } from './streaming.js';
import { colors, formatStylish, noColors } from './stylish.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'codequality'] as const;
export type Format = (typeof FORMATS)[number];

export type { ReportContext } from './streaming.js';

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

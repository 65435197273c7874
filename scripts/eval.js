#!/usr/bin/env node
/**
 * `pnpm eval`: precision and recall of every rule on the labelled corpus (corpus/replies/),
 * with the default configuration, followed by every false positive and false negative.
 * `--json` prints the same figures as JSON. Measures the built core: run after the build.
 */
import { lint, resolveConfig } from '../packages/core/dist/index.js';
import { evaluateCorpus, formatMisses, formatTable } from './evaluate-corpus.js';

const config = resolveConfig();
const result = await evaluateCorpus({
  lint: (text, options) => lint(text, { ...options, config }),
  ruleIds: config.rules.map(({ rule }) => rule.meta.id),
});

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(`${result.replies} replies (${result.clean} clean), recommended configuration\n`);
  console.log(formatTable(result));
  const misses = formatMisses(result);
  if (misses) console.log(`\n${misses}`);
  if (result.problems.length > 0) console.log(`\nCorpus problems:\n${result.problems.map((problem) => `  ${problem}`).join('\n')}`);
}

#!/usr/bin/env node
/**
 * `pnpm eval`: precision and recall of every rule on the labelled corpus (corpus/replies/),
 * with every rule on (`replylint:all`), followed by every false positive and false negative.
 * Rules in `replylint:recommended` are marked with *.
 * `--json` prints the same figures as JSON. Measures the built core: run after the build.
 */
import { lint, presets, resolveConfig } from '../packages/core/dist/index.js';
import { evaluateCorpus, formatMisses, formatTable } from './evaluate-corpus.js';

const config = resolveConfig({ extends: 'replylint:all' });
const recommended = new Set(Object.keys(presets['replylint:recommended'].rules));
const result = await evaluateCorpus({
  lint: (text, options) => lint(text, { ...options, config }),
  ruleIds: config.rules.map(({ rule }) => rule.meta.id),
});

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(`${result.replies} replies (${result.clean} clean), every rule on; * = in replylint:recommended\n`);
  console.log(formatTable(result, recommended));
  const misses = formatMisses(result);
  if (misses) console.log(`\n${misses}`);
  if (result.problems.length > 0) console.log(`\nCorpus problems:\n${result.problems.map((problem) => `  ${problem}`).join('\n')}`);
}

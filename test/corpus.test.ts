/**
 * The labelled corpus (corpus/replies/) as a quality gate, measured exactly as `pnpm eval`
 * measures the built core with every rule on: every rule in `replylint:recommended` must keep
 * precision ≥ 0.95 and recall ≥ 0.85 on it; every rule needs enough labelled positives.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lint, presets, resolveConfig } from '../packages/core/src/index.js';
import { evaluateCorpus, formatMisses, formatTable, loadCorpus, type Evaluation } from '../scripts/evaluate-corpus.js';

const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.85;
// Fewer positives than this and one miss swings recall by more than the margin we test.
const MIN_POSITIVES_PER_RULE = 10;
// Replies no rule should flag: the hard negatives every rule is measured against.
const MIN_CLEAN_REPLIES = 30;

const config = resolveConfig({ extends: 'replylint:all' });
const ruleIds = config.rules.map(({ rule }) => rule.meta.id);
const recommended = Object.keys(presets['replylint:recommended']!.rules!);

describe('corpus/replies', () => {
  let result: Evaluation;
  beforeAll(async () => {
    result = await evaluateCorpus({ lint: (text, options) => lint(text, { ...options, config }), ruleIds });
  });

  it('pairs every reply with valid labels on existing, non-blank lines', async () => {
    const { replies, problems } = await loadCorpus({ ruleIds });
    expect(problems).toEqual([]);
    expect(replies.length).toBeGreaterThanOrEqual(70);
  });

  it(`expects at least ${MIN_POSITIVES_PER_RULE} findings of every rule, and has clean replies`, async () => {
    const { replies } = await loadCorpus({ ruleIds });
    const positives = Object.fromEntries(ruleIds.map((id) => [id, replies.flatMap((reply) => reply.expected).filter((finding) => finding.ruleId === id).length]));
    expect(Object.entries(positives).filter(([, count]) => count < MIN_POSITIVES_PER_RULE)).toEqual([]);
    expect(replies.filter((reply) => reply.expected.length === 0).length).toBeGreaterThanOrEqual(MIN_CLEAN_REPLIES);
  });

  for (const ruleId of recommended) {
    it(`${ruleId}: precision ≥ ${MIN_PRECISION}, recall ≥ ${MIN_RECALL}`, () => {
      const figures = result.rules.find((rule) => rule.ruleId === ruleId)!;
      const precisionOk = figures.precision === null || figures.precision >= MIN_PRECISION;
      const recallOk = figures.recall !== null && figures.recall >= MIN_RECALL;
      if (!precisionOk || !recallOk) expect.fail(`${ruleId} is below the bar on the corpus\n\n${formatTable(result, new Set(recommended))}\n\n${formatMisses(result, ruleId)}`);
    });
  }
});

#!/usr/bin/env node
/**
 * Throughput benchmark (run `pnpm build` first; `pnpm bench` does both):
 *
 *   node scripts/bench.js [--json] [--full]
 *
 * Lints the `response` column of ../shared/data/bitext/ (skipped with a message when absent;
 * linted as templates: they hold {{placeholders}}) and every corpus/replies/*.txt (as drafts)
 * on one thread, and prints, without asserting anything:
 * - replies/s and MB/s for `lint` with the recommended preset, after a warm-up pass, and with
 *   replylint:strict (every rule on);
 * - the same for a bare retext-english parse, and replylint's share of that speed;
 * - alex (text API) and write-good on the same replies in the same run, with ratios. They are
 *   slow (alex ≈ 0.07 MB/s), so by default they run on every 8th reply, with replylint timed
 *   again on exactly that sample; `--full` runs them on everything;
 * - peak RSS (after replylint alone, and for the whole run);
 * - the CLI's cold start on one reply (10 spawns: median and min wall-clock ms);
 * - ms per rule: lint with each rule alone, and the rule's own share over the pipeline with
 *   no rule enabled (email model + sentence analysis).
 *
 * Each tool gets a warm-up pass and a timed pass of its own. MB are 10^6 bytes of UTF-8.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { text as alex } from 'alex';
import writeGood from 'write-good';
import { lint, resolveConfig, rules } from '../packages/core/dist/index.js';
import { csvColumn } from './csv.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BITEXT = join(ROOT, '../shared/data/bitext/Bitext_Sample_Customer_Support_Training_Dataset.csv');
const CORPUS = join(ROOT, 'corpus/replies');
const CLI = join(ROOT, 'packages/cli/bin/replylint.js');
const TARGET_MB_PER_S = 1.2;
const TARGET_COLD_START_MS = 250;
const COLD_START_RUNS = 10;
const COMPARATOR_SAMPLE_EVERY = 8;
// The core caches paragraph analyses for editors (an LRU of 2,000 in text.ts): linting this many
// distinct throwaway paragraphs before a timed pass evicts them, so the pass measures analysis.
const CACHE_FLUSH_PARAGRAPHS = 4_000;

const asJson = process.argv.includes('--json');
const full = process.argv.includes('--full');
const log = (line = '') => {
  if (!asJson) console.log(line);
};

// The same unified and retext-english that the core runs on.
const coreRequire = createRequire(join(ROOT, 'packages/core/package.json'));
const { unified } = await import(pathToFileURL(coreRequire.resolve('unified')).href);
const { default: retextEnglish } = await import(pathToFileURL(coreRequire.resolve('retext-english')).href);

function loadReplies() {
  const notes = [];
  let bitext = [];
  if (existsSync(BITEXT)) {
    bitext = csvColumn(readFileSync(BITEXT, 'utf8'), 'response').filter((reply) => reply.trim() !== '');
  } else {
    notes.push(`bitext skipped: ${relative(ROOT, BITEXT)} is absent`);
  }
  const corpusFiles = existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => name.endsWith('.txt')).sort().map((name) => join(CORPUS, name)) : [];
  const corpus = corpusFiles.map((file) => readFileSync(file, 'utf8'));
  if (corpus.length === 0) notes.push('corpus/replies has no .txt files yet');
  return { bitext, corpus, corpusFiles, notes };
}

const bytesOf = (replies) => replies.reduce((sum, reply) => sum + Buffer.byteLength(reply, 'utf8'), 0);

function figures(replies, bytes, ms) {
  return { replies, bytes, ms, repliesPerSecond: replies / (ms / 1000), mbPerSecond: bytes / 1e6 / (ms / 1000) };
}

/** One timed pass of `run` over every reply. */
async function time(replies, run) {
  const started = performance.now();
  for (const reply of replies) await run(reply);
  return figures(replies.length, bytesOf(replies), performance.now() - started);
}

async function flushAnalysisCache() {
  for (let index = 0; index < CACHE_FLUSH_PARAGRAPHS; index++) await lint(`Throwaway paragraph ${index}.`, { config: noRules });
}

/** A warm-up pass over `warmUp`, then a timed pass over `replies` with the analysis cache flushed. */
async function measure(replies, run, warmUp = replies) {
  await time(warmUp, run);
  await flushAnalysisCache();
  return time(replies, run);
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Spawn the CLI on one reply, cold, several times. */
function coldStart(replyFile, replyText) {
  if (!existsSync(CLI)) return { skipped: `the CLI does not exist yet (${relative(ROOT, CLI)})` };
  let file = replyFile;
  let scratch;
  if (!file) {
    if (replyText === undefined) return { skipped: 'no reply to lint' };
    scratch = mkdtempSync(join(tmpdir(), 'replylint-bench-'));
    file = join(scratch, 'reply.txt');
    writeFileSync(file, replyText);
  }
  try {
    const wallMs = [];
    for (let run = 0; run < COLD_START_RUNS; run++) {
      const started = performance.now();
      const child = spawnSync(process.execPath, [CLI, file], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      wallMs.push(performance.now() - started);
      // 0 clean, 1 lint errors: both are a normal run; anything else did not lint.
      if (child.error || (child.status !== 0 && child.status !== 1)) {
        return { skipped: `the CLI failed (exit ${child.status ?? child.error?.message}): ${(child.stderr ?? '').trim().split('\n')[0]}` };
      }
    }
    return { file: replyFile ? relative(ROOT, replyFile) : '(first bitext reply, in a temporary file)', runs: COLD_START_RUNS, medianMs: median(wallMs), minMs: Math.min(...wallMs) };
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

const { bitext, corpus, corpusFiles, notes } = loadReplies();
const replies = [...bitext, ...corpus];
for (const note of notes) log(`note: ${note}`);
if (replies.length === 0) {
  log('nothing to measure: no bitext replies and no corpus replies');
  if (asJson) console.log(JSON.stringify({ skipped: notes }, null, 2));
  process.exit(0);
}

const recommended = resolveConfig();
const strict = resolveConfig({ extends: 'replylint:strict' });
const noRules = resolveConfig({ extends: [], rules: {} });
// The bitext replies are templates ({{placeholders}} the help desk fills in); the corpus replies are drafts.
const templates = new Set(bitext);
const documentOf = (reply) => (templates.has(reply) ? { kind: 'template' } : { kind: 'draft' });
const lintRecommended = (reply) => lint(reply, { config: recommended, document: documentOf(reply) });
const lintStrict = (reply) => lint(reply, { config: strict, document: documentOf(reply) });
const parser = unified().use(retextEnglish).freeze();
const parse = (reply) => parser.parse(reply);

const replylint = await measure(replies, lintRecommended);
const rssAfterReplylint = peakRssMb();
const replylintStrict = await measure(replies, lintStrict);
const bareParse = await measure(replies, parse);

// Per rule, reply by reply: lint with no rule (analysis not cached yet: the pipeline's cost),
// again (analysis cached), then with each rule alone (cached); a rule's own cost is its time
// over the cached run with no rule.
await flushAnalysisCache();
const perRule = rules.map((rule) => ({ id: rule.meta.id, config: resolveConfig({ extends: [], rules: { [rule.meta.id]: 'warn' } }), ownMs: 0, messages: 0 }));
let pipelineMs = 0;
let cachedPipelineMs = 0;
const timed = async (reply, config) => {
  const started = performance.now();
  const { messages } = await lint(reply, { config, document: documentOf(reply) });
  return { ms: performance.now() - started, messages: messages.length };
};
for (const reply of replies) {
  pipelineMs += (await timed(reply, noRules)).ms;
  cachedPipelineMs += (await timed(reply, noRules)).ms;
  for (const entry of perRule) {
    const { ms, messages } = await timed(reply, entry.config);
    entry.ownMs += ms;
    entry.messages += messages;
  }
}
for (const entry of perRule) entry.ownMs -= cachedPipelineMs;

// Comparators last: their garbage slows whatever runs after them. On a sample unless --full,
// replylint timed again on the very same replies.
const sample = full ? replies : replies.filter((_, index) => index % COMPARATOR_SAMPLE_EVERY === 0);
const sampleWarmUp = sample.slice(0, Math.ceil(sample.length / 10));
const onSample = {
  replylint: await measure(sample, lintRecommended, sampleWarmUp),
  alex: await measure(sample, (reply) => alex(reply), sampleWarmUp),
  writeGood: await measure(sample, (reply) => writeGood(reply), sampleWarmUp),
};

const cold = coldStart(corpusFiles[0], corpus[0] ?? bitext[0]);
const rssOverall = peakRssMb();

const result = {
  node: process.version,
  megabyte: '10^6 bytes of UTF-8',
  input: { bitextReplies: bitext.length, corpusReplies: corpus.length, bytes: bytesOf(replies), notes },
  replylint: { ...replylint, targetMbPerSecond: TARGET_MB_PER_S },
  replylintStrict,
  parse: bareParse,
  replylintToParse: replylint.mbPerSecond / bareParse.mbPerSecond,
  comparators: {
    sample: full ? 'all replies' : `every ${COMPARATOR_SAMPLE_EVERY}th reply`,
    replylint: onSample.replylint,
    alex: { ...onSample.alex, replylintToAlex: onSample.replylint.mbPerSecond / onSample.alex.mbPerSecond },
    writeGood: { ...onSample.writeGood, replylintToWriteGood: onSample.replylint.mbPerSecond / onSample.writeGood.mbPerSecond },
  },
  peakRssMb: { afterReplylint: rssAfterReplylint, overall: rssOverall },
  coldStart: { ...cold, targetMs: TARGET_COLD_START_MS },
  rules: { pipelineMs, perRule: perRule.map(({ id, ownMs, messages }) => ({ id, aloneMs: pipelineMs + ownMs, ownMs, messages })) },
};

if (asJson) {
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// The table

const number = (value, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const row = (cells, widths) =>
  cells
    .map((cell, index) => (index === 0 ? String(cell).padEnd(widths[0]) : String(cell).padStart(widths[index])))
    .join('  ')
    .trimEnd();
const verdict = (ok) => (ok ? 'meets target' : 'misses target');
// The ratio column is replylint's MB/s over the row's: how many times faster replylint is.
const throughputWidths = [38, 9, 8, 11, 8];
const throughputRow = (label, timing, ratio = '') =>
  row([label, number(timing.repliesPerSecond), number(timing.mbPerSecond, 3), ratio, number(timing.ms)], throughputWidths);

log();
log(
  `replylint bench · Node ${process.version} · one thread · ${number(bitext.length)} bitext + ${number(corpus.length)} corpus replies · ${number(result.input.bytes / 1e6, 2)} MB`,
);
log();
log(row(['all replies, after a warm-up pass', 'replies/s', 'MB/s', 'replylint÷', 'ms'], throughputWidths));
log(
  `${throughputRow('replylint lint (recommended)', replylint, '1×')}   target ≥ ${TARGET_MB_PER_S} MB/s: ${verdict(replylint.mbPerSecond >= TARGET_MB_PER_S)}`,
);
log(throughputRow('replylint lint (strict: every rule)', replylintStrict, `${number(replylint.mbPerSecond / replylintStrict.mbPerSecond, 2)}×`));
log(throughputRow('retext-english parse only', bareParse, `${number(result.replylintToParse, 2)}×`));
log();
const sampleLabel = `${result.comparators.sample}: ${number(sample.length)} replies, ${number(bytesOf(sample) / 1e6, 2)} MB`;
log(row([sampleLabel, 'replies/s', 'MB/s', 'replylint÷', 'ms'], throughputWidths));
log(throughputRow('replylint lint (recommended)', onSample.replylint, '1×'));
log(throughputRow('alex (text)', onSample.alex, `${number(result.comparators.alex.replylintToAlex, 1)}×`));
log(throughputRow('write-good', onSample.writeGood, `${number(result.comparators.writeGood.replylintToWriteGood, 1)}×`));
log();
log(`peak RSS          ${number(rssAfterReplylint)} MB after replylint alone, ${number(rssOverall)} MB for the whole run`);
if ('skipped' in cold) {
  log(`CLI cold start    skipped: ${cold.skipped}`);
} else {
  log(
    `CLI cold start    median ${number(cold.medianMs)} ms, min ${number(cold.minMs)} ms over ${cold.runs} runs on ${cold.file}   target ≤ ${TARGET_COLD_START_MS} ms: ${verdict(cold.medianMs <= TARGET_COLD_START_MS)}`,
  );
}
log();
const ruleWidths = [38, 9, 8, 11];
log(row(['each rule alone, all replies', 'ms', 'own ms', 'messages'], ruleWidths));
log(row(['(no rule: email model + sentences)', number(pipelineMs)], ruleWidths));
for (const rule of result.rules.perRule) log(row([rule.id, number(rule.aloneMs), number(rule.ownMs), number(rule.messages)], ruleWidths));
log();

#!/usr/bin/env node
/**
 * End-to-end CLI benchmark (run `pnpm build` first; `pnpm bench` does both):
 *
 *   node scripts/bench-cli.js [--replies 100000] [--workers 1,2] [--bitext <csv>] [--json]
 *
 * Writes that many replies, one .txt file each, to a temporary folder (removed afterwards; never
 * inside the repository): the bitext replies from ../shared/data/bitext/ (or --bitext), repeated, each repeat
 * greeting a different customer; synthetic replies when the data set is absent. Then, for each
 * worker count, runs the bundled CLI over the folder as CI would (configuration discovery, the
 * recommended preset, a JSON report to a file) and prints, without asserting anything:
 * - replies/s and MB/s over the whole run, start-up included (wall clock);
 * - CPU seconds (user + system, every thread) — on a shared machine these say more about the
 *   scaling than the wall clock does;
 * - peak RSS of the process (every thread);
 * - the same with --cache: the run that fills the cache, and a second run that replays it.
 * When the CLI reads JSON Lines (`--jsonl`), the replies are also linted as 100 JSONL files.
 *
 * MB are 10^6 bytes of UTF-8. The target is ≥ 2,500 replies/s on 2 cores.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvColumn } from './csv.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'packages/cli/bin/replylint.js');
const TARGET_REPLIES_PER_S = 2_500;
const FILES_PER_FOLDER = 1_000;
const JSONL_FILES = 100;

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const REPLIES = Number(argument('--replies', '100000'));
const WORKERS = argument('--workers', '1,2').split(',').map(Number);
const BITEXT = argument('--bitext', join(ROOT, '../shared/data/bitext/Bitext_Sample_Customer_Support_Training_Dataset.csv'));
const asJson = process.argv.includes('--json');
const log = (line = '') => {
  if (!asJson) console.log(line);
};

const NAMES = ['Amara', 'Ben', 'Chloé', 'Dmitri', 'Elif', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Keira', 'Luis', 'Mei', 'Nia', 'Oskar', 'Priya'];

/** Deterministic synthetic replies for machines without the data set: a greeting, two to four body sentences, a sign-off. */
function syntheticReplies(count) {
  const openers = ['Thank you for reaching out about your order.', 'I am sorry the parcel arrived damaged.', 'Thanks for letting us know about the double charge.', 'I checked your account this morning.'];
  const middles = [
    'I have refunded the charge and you will see it within five working days.',
    'As I said before, we cannot change the delivery address once it has shipped.',
    'We will get back to you as soon as possible.',
    'The replacement leaves our warehouse on Thursday and the tracking link follows by email.',
    'Unfortunately this is not something we can help with.',
    'Please calm down and read our policy again.',
  ];
  const closers = ['Best,\nKai Andersen', 'Kind regards,\nThe Support Team', 'We apologize for any inconvenience.', 'Thanks,\nPriya'];
  let seed = 42;
  const next = (length) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed % length;
  };
  return Array.from({ length: count }, () => {
    const body = Array.from({ length: 2 + next(3) }, () => middles[next(middles.length)]).join(' ');
    return `${openers[next(openers.length)]} ${body}\n\n${closers[next(closers.length)]}\n`;
  });
}

function loadReplies() {
  if (!existsSync(BITEXT)) return { source: `synthetic (${relative(ROOT, BITEXT)} is absent)`, replies: syntheticReplies(5_000) };
  const replies = csvColumn(readFileSync(BITEXT, 'utf8'), 'response').filter((reply) => reply.trim() !== '');
  return { source: `bitext (${replies.length.toLocaleString('en-US')} replies, repeated)`, replies };
}

/** The i-th reply of the run: the first pass over the source as it is, each later pass greeting another customer. */
function replyAt(replies, index) {
  const pass = Math.floor(index / replies.length);
  const reply = replies[index % replies.length];
  return pass === 0 ? reply : `Hi ${NAMES[(pass - 1) % NAMES.length]},\n\n${reply}`;
}

// Reports the process's peak RSS and CPU time (every thread) on stderr as it exits.
const PROBE = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nbench-probe '+JSON.stringify({maxRssKb:u.maxRSS,cpuUs:u.userCPUTime+u.systemCPUTime})+'\\n')})`;

function runCli(args, cwd) {
  const started = performance.now();
  const child = spawnSync(process.execPath, [`--import=${PROBE}`, CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' }, maxBuffer: 1 << 30 });
  const wallMs = performance.now() - started;
  const probe = /bench-probe (\{.*\})/u.exec(child.stderr ?? '');
  // 0 clean, 1 lint errors: both are a normal run; anything else did not lint.
  if (child.error || (child.status !== 0 && child.status !== 1) || !probe) {
    throw new Error(`the CLI failed (exit ${child.status ?? child.error?.message}): ${(child.stderr ?? '').trim().split('\n')[0]}`);
  }
  const { maxRssKb, cpuUs } = JSON.parse(probe[1]);
  return { wallMs, cpuMs: cpuUs / 1000, peakRssMb: maxRssKb / 1024 };
}

function figures(run, replies, bytes) {
  return { ...run, repliesPerSecond: replies / (run.wallMs / 1000), mbPerSecond: bytes / 1e6 / (run.wallMs / 1000) };
}

if (!existsSync(CLI)) {
  log(`skipped: the CLI is not built (${relative(ROOT, CLI)}); run pnpm build`);
  process.exit(0);
}

const { source, replies } = loadReplies();
const scratch = mkdtempSync(join(tmpdir(), 'replylint-bench-cli-'));
const result = { node: process.version, replies: REPLIES, source, bytes: 0, perFile: [], cache: {}, jsonl: undefined };
try {
  const folder = join(scratch, 'replies');
  for (let index = 0; index < REPLIES; index++) {
    const subfolder = join(folder, String(Math.floor(index / FILES_PER_FOLDER)).padStart(3, '0'));
    if (index % FILES_PER_FOLDER === 0) mkdirSync(subfolder, { recursive: true });
    const reply = replyAt(replies, index);
    result.bytes += Buffer.byteLength(reply, 'utf8');
    writeFileSync(join(subfolder, `${index}.txt`), reply);
  }
  const report = join(scratch, 'report.json');
  const lintFolder = (extra) => runCli(['--format', 'json', '--output-file', report, ...extra, 'replies'], scratch);

  for (const workers of WORKERS) result.perFile.push({ workers, ...figures(lintFolder(['--workers', String(workers)]), REPLIES, result.bytes) });
  const cacheFile = join(scratch, 'cache');
  result.cache.filling = figures(lintFolder(['--cache', '--cache-location', cacheFile]), REPLIES, result.bytes);
  result.cache.replaying = figures(lintFolder(['--cache', '--cache-location', cacheFile]), REPLIES, result.bytes);

  const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout;
  if (help.includes('--jsonl')) {
    const jsonlFolder = join(scratch, 'jsonl');
    mkdirSync(jsonlFolder);
    const perFile = Math.ceil(REPLIES / JSONL_FILES);
    for (let file = 0; file * perFile < REPLIES; file++) {
      const lines = [];
      for (let index = file * perFile; index < Math.min(REPLIES, (file + 1) * perFile); index++) lines.push(JSON.stringify({ id: index, reply: replyAt(replies, index) }));
      writeFileSync(join(jsonlFolder, `${String(file).padStart(3, '0')}.jsonl`), `${lines.join('\n')}\n`);
    }
    result.jsonl = WORKERS.map((workers) => ({
      workers,
      ...figures(runCli(['--format', 'json', '--output-file', report, '--jsonl', '--jsonl-field', 'reply', '--workers', String(workers), 'jsonl/*.jsonl'], scratch), REPLIES, result.bytes),
    }));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (asJson) {
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}

const number = (value, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const widths = [34, 10, 7, 8, 8, 9];
const row = (cells) =>
  cells
    .map((cell, index) => (index === 0 ? String(cell).padEnd(widths[0]) : String(cell).padStart(widths[index])))
    .join('  ')
    .trimEnd();
const line = (label, timing) => row([label, number(timing.repliesPerSecond), number(timing.mbPerSecond, 2), number(timing.wallMs / 1000, 1), number(timing.cpuMs / 1000, 1), number(timing.peakRssMb)]);

log();
log(`replylint CLI bench · Node ${process.version} · ${number(REPLIES)} replies (${source}) · ${number(result.bytes / 1e6, 1)} MB`);
log();
log(row(['one .txt file per reply', 'replies/s', 'MB/s', 'wall s', 'CPU s', 'peak RSS MB']));
for (const run of result.perFile) {
  const verdict = run.workers >= 2 ? `   target ≥ ${number(TARGET_REPLIES_PER_S)} replies/s: ${run.repliesPerSecond >= TARGET_REPLIES_PER_S ? 'meets' : 'misses'} target` : '';
  log(`${line(`--workers ${run.workers}`, run)}${verdict}`);
}
log(line('--cache, filling it (auto)', result.cache.filling));
log(line('--cache, every file unchanged', result.cache.replaying));
if (result.jsonl) {
  log();
  log(row([`${JSONL_FILES} JSON Lines files`, 'replies/s', 'MB/s', 'wall s', 'CPU s', 'peak RSS MB']));
  for (const run of result.jsonl) log(line(`--workers ${run.workers}`, run));
} else {
  log('JSON Lines input: skipped (this CLI has no --jsonl)');
}
log();

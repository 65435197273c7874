/**
 * Producing the results of a run's inputs: in this thread or on worker threads, with unchanged
 * files replayed from the cache, and every result handed on in input order as soon as it and
 * all before it are done (so output streams file by file).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LintCache } from './cache.js';
import { createLintContext, fromPortable, lintTask, toPortable, type Input, type LintOutcome, type LintSettings, type LintTask } from './lint-file.js';
import type { SentResult, WorkerData, WorkerReply } from './lint-worker.js';
import { isRendered, type FileResult, type RenderedResult } from './results.js';

export interface LintInputsOptions {
  settings: LintSettings;
  /** Worker threads; `auto` uses them only for runs large enough to repay starting them. */
  workers: number | 'auto';
  cache?: LintCache;
  /** The streamed report: worker threads render each file's part of it (the results they hand on are then rendered). */
  report?: WorkerData['report'];
  /** Each result, in input order, with the problems (for stderr) of a file that could not be linted, or not all of it. */
  onResult(result: FileResult | RenderedResult, problems: readonly string[]): void;
}

/**
 * Measured with the bundled CLI on the bitext replies (2 cores): a worker costs ≈ 0.2 s to start,
 * load and warm up, and ≈ 25 MB, the time one thread needs to lint ≈ 300 replies. So `auto`
 * starts a worker per 400 files, up to one per core, and stays on this thread below 800 files.
 */
export const FILES_PER_WORKER = 400;

export function workerCount(requested: number | 'auto', tasks: number, cores = availableParallelism()): number {
  const count = requested === 'auto' ? Math.min(cores, Math.floor(tasks / FILES_PER_WORKER)) : requested;
  return Math.max(1, Math.min(count, tasks));
}

// The worker's entry sits beside this module: lint-worker.js when compiled, lint-worker.bundle.js
// beside the CLI bundle (`pnpm bundle` builds both entries).
const workerUrl = (): URL => new URL(import.meta.url.endsWith('.bundle.js') ? './lint-worker.bundle.js' : './lint-worker.js', import.meta.url);

/** Lint the inputs, handing each result to `onResult` (results are not kept: a report may stream them). */
export async function lintInputs(inputs: readonly Input[], options: LintInputsOptions): Promise<void> {
  const { cache } = options;
  const tasks: LintTask[] = inputs.map((input, index) => {
    const cacheable = cache !== undefined && input.bytes === undefined;
    const cachedKey = cacheable ? cache.get(input.absolutePath)?.key : undefined;
    return { index, ...input, ...(cacheable ? { wantKey: true } : {}), ...(cachedKey === undefined ? {} : { cachedKey }) };
  });

  let handedOn = 0;
  type Outcome = LintOutcome<FileResult | RenderedResult>;
  const ready = new Map<number, Outcome>();
  const settle = (outcome: Outcome): FileResult | RenderedResult => {
    const input = inputs[outcome.index]!;
    switch (outcome.kind) {
      case 'unchanged':
        return fromPortable(cache!.get(input.absolutePath)!.portable, input.filePath);
      case 'linted':
        if (outcome.key !== undefined && !isRendered(outcome.result)) cache?.set(input.absolutePath, { key: outcome.key, portable: toPortable(outcome.result) });
        else cache?.delete(input.absolutePath);
        return outcome.result;
      case 'failed':
        cache?.delete(input.absolutePath);
        return outcome.result;
    }
  };
  const receive = (outcome: Outcome): void => {
    ready.set(outcome.index, outcome);
    for (let next = ready.get(handedOn); next !== undefined; next = ready.get(handedOn)) {
      ready.delete(next.index);
      const result = settle(next);
      handedOn++;
      options.onResult(result, next.kind === 'failed' ? [next.problem] : next.kind === 'linted' ? next.problems : []);
    }
  };

  const count = workerCount(options.workers, tasks.length);
  if (count === 1) {
    const context = await createLintContext(options.settings);
    for (const task of tasks) receive(await lintTask(task, context));
  } else {
    await lintOnWorkers(tasks, count, { settings: options.settings, ...(options.report ? { report: options.report } : {}) }, receive);
  }
}

/** Tasks go out in batches, two per worker in flight, so no worker waits for its next batch. */
function lintOnWorkers(tasks: readonly LintTask[], count: number, workerData: WorkerData, receive: (outcome: LintOutcome<FileResult | RenderedResult>) => void): Promise<void> {
  // Small batches near the end keep the workers finishing together; large ones save messages.
  const batchSize = Math.max(1, Math.min(64, Math.ceil(tasks.length / (count * 16))));
  const url = workerUrl();
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let inFlight = 0;
    let settled = false;
    const finish = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      void Promise.all(workers.map((worker) => worker.terminate())).then(() => (error === undefined ? resolve() : reject(error)), reject);
    };
    const feed = (worker: Worker): void => {
      if (next >= tasks.length) return;
      const batch = tasks.slice(next, next + batchSize);
      next += batch.length;
      inFlight++;
      worker.postMessage(batch);
    };
    for (let started = 0; started < count; started++) {
      const worker = new Worker(url, { workerData });
      worker.on('message', (reply: WorkerReply) => {
        if (settled) return;
        if ('crash' in reply) {
          finish(Object.assign(new Error(reply.crash.message), { stack: reply.crash.stack }));
          return;
        }
        inFlight--;
        try {
          reply.outcomes.forEach((outcome) => receive(arrived(outcome)));
        } catch (error) {
          finish(error);
          return;
        }
        feed(worker);
        if (inFlight === 0 && next >= tasks.length) finish();
      });
      worker.on('error', finish);
      worker.on('exit', (code) => finish(new Error(`a lint worker stopped unexpectedly (exit code ${code})`)));
      workers.push(worker);
      feed(worker);
      feed(worker);
    }
  });
}

/** An outcome from a worker, its result whole again (or as rendered there). */
function arrived(outcome: LintOutcome<SentResult>): LintOutcome<FileResult | RenderedResult> {
  if (outcome.kind === 'unchanged') return outcome;
  const { result } = outcome;
  return { ...outcome, result: isRendered(result) ? result : fromPortable(result) };
}

/**
 * A worker thread's entry: it receives the run's settings once (workerData), then batches of
 * tasks, and answers each batch with its outcomes. Batches are linted one after another.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Format } from './formatters/index.js';
import { streamingReport, type ReportContext } from './formatters/streaming.js';
import { createLintContext, lintTask, toPortable, type LintOutcome, type LintSettings, type LintTask, type PortableResult } from './lint-file.js';
import { summaryOf, type RenderedResult } from './results.js';

export interface WorkerData {
  settings: LintSettings;
  /** A streamed report: each file's part is rendered here, and only that text and the file's counts travel back. */
  report?: { format: Format; context: ReportContext };
}

/** A result as it crosses to the main thread: plain data, or rendered for the streamed report. */
export type SentResult = PortableResult | RenderedResult;

export type WorkerReply = { outcomes: Array<LintOutcome<SentResult>> } | { crash: { message: string; stack?: string } };

const port = parentPort!;
const { settings, report } = workerData as WorkerData;
const context = createLintContext(settings);
const stream = report && streamingReport(report.format, report.context);
let queue: Promise<void> = Promise.resolve();

function sendable(outcome: LintOutcome, task: LintTask): LintOutcome<SentResult> {
  if (outcome.kind === 'unchanged') return outcome;
  // The cache stores a file's whole result, so a file being cached sends it whole.
  const result: SentResult = stream && !task.wantKey ? { summary: summaryOf(outcome.result), rendered: stream.render(outcome.result) } : toPortable(outcome.result);
  return { ...outcome, result };
}

port.on('message', (batch: LintTask[]) => {
  queue = queue.then(async () => {
    try {
      const lintContext = await context;
      const outcomes: Array<LintOutcome<SentResult>> = [];
      for (const task of batch) outcomes.push(sendable(await lintTask(task, lintContext), task));
      port.postMessage({ outcomes } satisfies WorkerReply);
    } catch (error) {
      const { message, stack } = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ crash: { message, stack } } satisfies WorkerReply);
    }
  });
});

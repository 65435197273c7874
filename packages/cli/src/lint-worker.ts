/**
 * A worker thread's entry: it receives the run's settings once (workerData), then batches of
 * tasks, and answers each batch with its outcomes. Batches are linted one after another.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLintContext, lintTask, type LintOutcome, type LintSettings, type LintTask } from './lint-file.js';

export type WorkerReply = { outcomes: LintOutcome[] } | { crash: { message: string; stack?: string } };

const port = parentPort!;
const context = createLintContext(workerData as LintSettings);
let queue: Promise<void> = Promise.resolve();

port.on('message', (batch: LintTask[]) => {
  queue = queue.then(async () => {
    try {
      const lintContext = await context;
      const outcomes: LintOutcome[] = [];
      for (const task of batch) outcomes.push(await lintTask(task, lintContext));
      port.postMessage({ outcomes } satisfies WorkerReply);
    } catch (error) {
      const { message, stack } = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ crash: { message, stack } } satisfies WorkerReply);
    }
  });
});

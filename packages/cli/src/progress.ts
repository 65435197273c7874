/**
 * A progress bar on stderr for long runs at a terminal. Never in CI logs or piped output (it
 * would fill them with carriage returns), never for short runs (it would only flicker).
 */

export const PROGRESS_MIN_FILES = 200;
const REDRAW_MS = 100;
const BAR_WIDTH = 24;

export interface ProgressTerminal {
  stderr(text: string): void;
  stderrIsTty?: boolean;
  env: NodeJS.ProcessEnv;
}

const inCi = (env: NodeJS.ProcessEnv): boolean => env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';

export function showsProgress(total: number, terminal: ProgressTerminal): boolean {
  return terminal.stderrIsTty === true && !inCi(terminal.env) && terminal.env.TERM !== 'dumb' && total > PROGRESS_MIN_FILES;
}

export class ProgressBar {
  private done = 0;
  private drawnAt = -Infinity;
  private shown = false;
  private readonly startedAt = performance.now();

  constructor(
    private readonly total: number,
    private readonly write: (text: string) => void,
  ) {}

  advance(): void {
    this.done++;
    const now = performance.now();
    if (now - this.drawnAt >= REDRAW_MS || this.done === this.total) this.draw(now);
  }

  /** Take the bar off the screen around other output, then put it back. */
  around(print: () => void): void {
    const wasShown = this.shown;
    this.clear();
    print();
    if (wasShown) this.draw(performance.now());
  }

  clear(): void {
    if (this.shown) this.write('\r\u001B[2K');
    this.shown = false;
  }

  private draw(now: number): void {
    this.drawnAt = now;
    this.shown = true;
    const filled = Math.round((this.done / this.total) * BAR_WIDTH);
    const seconds = (now - this.startedAt) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const left = rate > 0 ? `, ${Math.ceil((this.total - this.done) / rate)} s left` : '';
    this.write(`\r\u001B[2K${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)} ${this.done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} files (${Math.round(rate)}/s${left})`);
  }
}

/**
 * What the server measures about itself, for `replylint/stats` and the benchmark:
 * keystroke-to-diagnostics latency (from handling a change to sending the diagnostics that
 * include it; changes coalesced into a later run count until that run) and the time spent
 * in the core's `lint` per run.
 */

/** Enough for a benchmark session; older samples are overwritten. */
const CAPACITY = 20_000;

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** Durations in milliseconds. */
export class Samples {
  private readonly values = new Float64Array(CAPACITY);
  private recorded = 0;

  add(milliseconds: number): void {
    this.values[this.recorded++ % CAPACITY] = milliseconds;
  }

  /** Summary of the samples kept; `reset` starts a new measurement. */
  summary(reset = false): Summary {
    const kept = this.values.slice(0, Math.min(this.recorded, CAPACITY)).sort();
    const at = (quantile: number): number => (kept.length === 0 ? 0 : kept[Math.min(kept.length - 1, Math.ceil(quantile * kept.length) - 1)]!);
    const summary = { count: kept.length, p50: at(0.5), p95: at(0.95), max: at(1) };
    if (reset) this.recorded = 0;
    return summary;
  }
}

export class LatencyRecorder extends Samples {
  /** Per document: when each change not yet covered by published diagnostics arrived. */
  private readonly pending = new Map<string, number[]>();

  received(uri: string): void {
    let arrivals = this.pending.get(uri);
    if (!arrivals) this.pending.set(uri, (arrivals = []));
    arrivals.push(performance.now());
  }

  /** Diagnostics were sent for the text as it was at `snapshot` (a `performance.now()` time). */
  published(uri: string, snapshot: number): void {
    const arrivals = this.pending.get(uri);
    if (!arrivals) return;
    const now = performance.now();
    const covered = arrivals.findIndex((arrival) => arrival > snapshot);
    for (const arrival of arrivals.splice(0, covered < 0 ? arrivals.length : covered)) this.add(now - arrival);
    if (arrivals.length === 0) this.pending.delete(uri);
  }

  forget(uri: string): void {
    this.pending.delete(uri);
  }
}

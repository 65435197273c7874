/**
 * `--shard i/n`: one CI matrix runner's part of the files. The expanded file list is sorted and
 * dealt round-robin, so every runner computes the same split from the same list, the parts are
 * disjoint and complete, and their sizes differ by at most one.
 */
import { InvalidArgumentError } from 'commander';

export interface Shard {
  /** 1-based, as CI matrices count. */
  index: number;
  count: number;
}

export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/u.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new InvalidArgumentError(`expected <index>/<count> with 1 ≤ index ≤ count, such as 2/4; got "${value}"`);
  }
  return { index, count };
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** This shard's files, in the order given. Paths compare with / separators, so Windows and POSIX runners agree. */
export function selectShard(files: readonly string[], { index, count }: Shard): string[] {
  const normalized = (file: string): string => file.replaceAll('\\', '/');
  const sorted = [...new Set(files.map(normalized))].sort(byCodeUnits);
  const mine = new Set(sorted.filter((_, position) => position % count === index - 1));
  return files.filter((file) => mine.has(normalized(file)));
}

/**
 * `--cache`: each linted file's results, stored under a key that hashes its text, its resolved
 * configuration, the settings and replylint's version and rules (see `lint-file.ts`). A file
 * whose key still matches is not linted again: its stored results are replayed.
 *
 * The cache holds findings, which quote the flagged words of the replies, so it is written only
 * where the user asked (`--cache`, `--cache-location`). A cache that cannot be read or parsed is
 * ignored with a warning and rebuilt; it never stops a run.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { PortableResult } from './lint-file.js';
import { writeFileAtomic } from './write-file.js';

export const DEFAULT_CACHE_FILE = '.replylintcache';
const FORMAT_VERSION = 1;

export interface CacheEntry {
  key: string;
  portable: PortableResult;
}

interface CacheFile {
  replylintCache: typeof FORMAT_VERSION;
  /** By absolute path. */
  files: Record<string, CacheEntry>;
}

function isEntry(value: unknown): value is CacheEntry {
  const entry = value as CacheEntry | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.key === 'string' &&
    typeof entry.portable?.result === 'object' &&
    Array.isArray(entry.portable.result?.messages) &&
    Array.isArray(entry.portable.sourceRanges)
  );
}

function parseCache(text: string): Map<string, CacheEntry> {
  let data: CacheFile;
  try {
    data = JSON.parse(text) as CacheFile;
  } catch {
    throw new Error('it is not valid JSON');
  }
  if (data?.replylintCache !== FORMAT_VERSION || typeof data.files !== 'object' || data.files === null) throw new Error('it is not a replylint cache of this version');
  const entries = Object.entries(data.files);
  if (!entries.every(([, entry]) => isEntry(entry))) throw new Error('some of its entries are damaged');
  return new Map(entries);
}

export class LintCache {
  private readonly visited = new Set<string>();

  private constructor(
    readonly path: string,
    private readonly entries: Map<string, CacheEntry>,
  ) {}

  /**
   * `location` is a file, or a folder (an existing one, or a path ending in a separator) to
   * hold `.replylintcache`. A missing cache is empty; a damaged one is reported to `warn` and ignored.
   */
  static async load(location: string, cwd: string, warn: (message: string) => void): Promise<LintCache> {
    let path = resolve(cwd, location);
    const isFolder = /[\\/]$/u.test(location) || (await stat(path).then((info) => info.isDirectory(), () => false));
    if (isFolder) path = join(path, DEFAULT_CACHE_FILE);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warn(`cannot read the cache ${location}: ${(error as Error).message}; linting every file`);
      return new LintCache(path, new Map());
    }
    try {
      return new LintCache(path, parseCache(text));
    } catch (error) {
      warn(`ignoring the cache ${location}: ${(error as Error).message}; linting every file and writing a new one`);
      return new LintCache(path, new Map());
    }
  }

  get(filePath: string): CacheEntry | undefined {
    return this.entries.get(filePath);
  }

  set(filePath: string, entry: CacheEntry): void {
    this.visited.add(filePath);
    this.entries.set(filePath, entry);
  }

  delete(filePath: string): void {
    this.visited.add(filePath);
    this.entries.delete(filePath);
  }

  /** Entries of files this run did not lint are kept (another shard or folder) unless the file is gone. */
  async save(): Promise<void> {
    for (const filePath of this.entries.keys()) {
      if (!this.visited.has(filePath) && !existsSync(filePath)) this.entries.delete(filePath);
    }
    const data: CacheFile = { replylintCache: FORMAT_VERSION, files: Object.fromEntries(this.entries) };
    // Readable by its owner only: it quotes the replies.
    await writeFileAtomic(this.path, JSON.stringify(data), { newFileMode: 0o600 });
  }
}

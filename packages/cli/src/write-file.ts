/** Writing a file so that readers never see it half-written: a temporary file beside it, then a rename. */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A file as it was read: what `--fix` checks before replacing it. */
export interface FileSnapshot {
  bytes: Uint8Array;
  size: number;
  mtimeMs: number;
}

/** The file is no longer what was read (edited, replaced or deleted by someone else meanwhile). */
export class FileChangedError extends Error {
  constructor(readonly path: string) {
    super(`${path} changed on disk since it was read`);
    this.name = 'FileChangedError';
  }
}

async function isUnchanged(path: string, snapshot: FileSnapshot): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  if (!info || info.size !== snapshot.size || info.mtimeMs !== snapshot.mtimeMs) return false;
  // Same size and time can still hide an edit within the clock's resolution: compare the bytes.
  return Buffer.from(await readFile(path)).equals(snapshot.bytes);
}

export interface WriteOptions {
  /** Write only if the file is still as it was read; throws FileChangedError otherwise. */
  unchangedSince?: FileSnapshot;
  /** The permissions of a file that does not exist yet (else the umask's default). */
  newFileMode?: number;
}

/**
 * Creates missing folders; an existing file keeps its permissions, and a symbolic link keeps
 * pointing where it did (the file it points to is replaced).
 */
export async function writeFileAtomic(path: string, content: string, options: WriteOptions = {}): Promise<void> {
  const target = await realpath(path).catch(() => path);
  const folder = dirname(target);
  await mkdir(folder, { recursive: true });
  const existingMode = await stat(target).then((info) => info.mode & 0o7777, () => undefined);
  // Same folder, so the rename stays on one file system and is atomic.
  const temporary = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    // Created with the new file's mode, so it is never readable by more than it should be.
    await writeFile(temporary, content, { flag: 'wx', mode: options.newFileMode ?? 0o666 });
    if (existingMode !== undefined) await chmod(temporary, existingMode);
    // Checked as late as possible, after the slow part, to keep the window for a race small.
    if (options.unchangedSince && !(await isUnchanged(target, options.unchangedSince))) throw new FileChangedError(path);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

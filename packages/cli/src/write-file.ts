/** Writing a file so that readers never see it half-written: a temporary file beside it, then a rename. */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { chmod, mkdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
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
 * A file written piece by piece that appears, whole, only when committed: the pieces go to a
 * temporary file beside it, renamed over it at the end. Creates missing folders; an existing
 * file keeps its permissions, and a symbolic link keeps pointing where it did (the file it
 * points to is replaced).
 */
export class AtomicFile {
  private pending: string[] = [];
  private pendingLength = 0;
  private closed = false;

  private constructor(
    readonly target: string,
    private readonly temporary: string,
    private readonly descriptor: number,
    private readonly existingMode: number | undefined,
  ) {}

  static async open(path: string, options: Pick<WriteOptions, 'newFileMode'> = {}): Promise<AtomicFile> {
    const target = await realpath(path).catch(() => path);
    const folder = dirname(target);
    await mkdir(folder, { recursive: true });
    const existingMode = await stat(target).then((info) => info.mode & 0o7777, () => undefined);
    // Same folder, so the rename stays on one file system and is atomic.
    const temporary = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    // Created with the new file's mode, so it is never readable by more than it should be.
    const descriptor = openSync(temporary, 'wx', options.newFileMode ?? 0o666);
    return new AtomicFile(target, temporary, descriptor, existingMode);
  }

  /** Adds text; it reaches the disk in large writes. */
  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= FLUSH_AT) this.flush();
  }

  /** Puts the file in place; `check` runs last, just before the rename, and may refuse it by throwing. */
  async commit(check?: () => Promise<void>): Promise<void> {
    try {
      this.flush();
      this.close();
      if (this.existingMode !== undefined) await chmod(this.temporary, this.existingMode);
      await check?.();
      await rename(this.temporary, this.target);
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  /** Leaves the target as it was. */
  async abort(): Promise<void> {
    this.close();
    await rm(this.temporary, { force: true });
  }

  private flush(): void {
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    // A string is written without copying it to a Buffer first; should the write be short, the rest goes as bytes.
    const written = writeSync(this.descriptor, text);
    const bytes = Buffer.byteLength(text);
    if (written === bytes) return;
    const rest = Buffer.from(text).subarray(written);
    for (let offset = 0; offset < rest.length; ) offset += writeSync(this.descriptor, rest, offset);
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.descriptor);
  }
}

// About a megabyte of text per write: few system calls, little held in memory.
const FLUSH_AT = 1 << 20;

export async function writeFileAtomic(path: string, content: string, options: WriteOptions = {}): Promise<void> {
  const file = await AtomicFile.open(path, options);
  try {
    file.write(content);
  } catch (error) {
    await file.abort();
    throw error;
  }
  const { unchangedSince } = options;
  // Checked as late as possible, after the slow part, to keep the window for a race small.
  await file.commit(
    unchangedSince &&
      (async () => {
        if (!(await isUnchanged(file.target, unchangedSince))) throw new FileChangedError(path);
      }),
  );
}

/** Writing a file so that readers never see it half-written: a temporary file beside it, then a rename. */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Creates missing folders; an existing file keeps its permissions. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const existingMode = await stat(path).then((info) => info.mode & 0o7777, () => undefined);
  // Same folder, so the rename stays on one file system and is atomic.
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    if (existingMode !== undefined) await chmod(temporary, existingMode);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Turning the command line's paths, folders and globs into files, and files into text,
 * with one clear error per input that cannot be linted.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { sourceFormats } from '@replylint/core';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { FileSnapshot } from './write-file.js';

/** What folders are searched for: every registered input format's extensions. */
export const LINTABLE_EXTENSIONS = sourceFormats()
  .filter((format) => format.searchFolders !== false)
  .flatMap((format) => format.extensions);
const IGNORED_FOLDERS = ['**/node_modules/**', '**/.git/**'];

export class InputError extends Error {
  constructor(
    readonly filePath: string,
    readonly problem: string,
  ) {
    super(`${filePath}: ${problem}`);
    this.name = 'InputError';
  }
}

export interface ExpandedInputs {
  files: string[];
  /** Files named on the command line that an ignore pattern matches: not linted, and worth a warning. */
  ignored: string[];
  errors: InputError[];
}

/** Whether a file or folder (absolute path) matches an ignore pattern. */
export type IgnoreTest = (path: string, isFolder?: boolean) => boolean;

const notIgnored: IgnoreTest = () => false;

/**
 * Files named on the command line, in the order given, each once. Files that folders and
 * globs bring in are skipped silently when ignored; a file named explicitly is reported in
 * `ignored`, as ESLint does.
 */
export async function expandInputs(patterns: readonly string[], cwd: string, isIgnored: IgnoreTest = notIgnored): Promise<ExpandedInputs> {
  const files = new Set<string>();
  const ignored = new Set<string>();
  const errors: InputError[] = [];
  const lintable = `**/*.{${LINTABLE_EXTENSIONS.map((extension) => extension.slice(1)).join(',')}}`;
  const addMatches = (pattern: string, matches: string[], none: string): void => {
    const kept = matches.filter((match) => !isIgnored(match));
    if (matches.length === 0) errors.push(new InputError(pattern, none));
    else if (kept.length === 0) errors.push(new InputError(pattern, `all ${matches.length === 1 ? 'the file' : `${matches.length} files`} here match an ignore pattern (use --no-ignore to lint them)`));
    kept.sort().forEach((match) => files.add(match));
  };
  for (const pattern of patterns) {
    if (isDynamicPattern(pattern)) {
      addMatches(pattern, await glob(pattern, { cwd, ignore: IGNORED_FOLDERS, absolute: true, onlyFiles: true }), 'no files match this pattern');
      continue;
    }
    const absolute = resolve(cwd, pattern);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isDirectory()) {
      if (isIgnored(absolute, true)) ignored.add(absolute);
      else addMatches(pattern, await glob(lintable, { cwd: absolute, ignore: IGNORED_FOLDERS, absolute: true, onlyFiles: true }), `no ${LINTABLE_EXTENSIONS.join(' or ')} files in this folder`);
    } else if (isIgnored(absolute)) {
      ignored.add(absolute);
    } else {
      // Missing files are reported when read, in their place in the output.
      files.add(absolute);
    }
  }
  const shown = (file: string): string => relative(cwd, file) || file;
  return { files: [...files].map(shown), ignored: [...ignored].filter((file) => !files.has(file)).map(shown), errors };
}

/** A line:column for the first byte sequence that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): string {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const before = lenient.slice(0, Math.max(lenient.indexOf('\uFFFD'), 0));
  const lines = before.split(/\r\n|\r|\n/u);
  return `${lines.length}:${lines[lines.length - 1]!.length + 1}`;
}

// ignoreBOM keeps a BOM in the text, so that --fix can write it back.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decode a reply, rejecting binary data and invalid UTF-8 with a message that says which. */
export function decodeReply(bytes: Uint8Array, filePath: string): string {
  if (bytes.includes(0)) throw new InputError(filePath, 'looks like a binary file (it contains NUL bytes); replylint reads UTF-8 text');
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new InputError(filePath, `is not valid UTF-8 (first invalid byte near ${firstInvalidUtf8(bytes)}); save it as UTF-8`);
  }
}

/** A file system error in a few words, for messages that already name the file. */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
}

/**
 * A file's text with the snapshot that `--fix` checks before writing. Errors name the file as
 * the user gave it (`shownAs`), not by its absolute path. Read synchronously: each thread lints
 * one file at a time, and a synchronous read of a small file costs a fraction of the promise
 * API's round trips through the thread pool.
 */
export async function readSource(filePath: string, shownAs = filePath): Promise<{ text: string; snapshot: FileSnapshot }> {
  let snapshot: FileSnapshot;
  try {
    const descriptor = openSync(filePath, 'r');
    try {
      const info = fstatSync(descriptor);
      if (info.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
      snapshot = { bytes: readFileSync(descriptor), size: info.size, mtimeMs: info.mtimeMs };
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    throw new InputError(shownAs, fileProblem(error));
  }
  return { text: decodeReply(snapshot.bytes, shownAs), snapshot };
}

export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

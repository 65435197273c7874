import { relative, resolve, sep } from 'node:path';

/** A file's path relative to the folder replylint ran in (the checkout in CI), with forward slashes. */
export function repositoryPath(filePath: string, cwd: string): string {
  return relative(cwd, resolve(cwd, filePath)).split(sep).join('/');
}

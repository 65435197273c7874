/**
 * Which rules apply to a document: the `.replylintrc` found from its folder (untitled
 * documents use the workspace root's), then the client's settings over it; and whether the
 * workspace's `.replylintignore` leaves a document out.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { resolveConfig, type ResolvedConfig } from '@replylint/core';
import { ConfigLoader, IGNORE_FILE_NAME, IgnoreFile } from '@replylint/core/node';
import { settingsLayer, type Settings } from './settings.js';

/** Where a document without a file of its own looks for configuration. */
const UNSAVED_NAME = 'untitled';

export class DocumentConfigs {
  /** One loader per distinct settings layer; each caches configuration files per folder. */
  private readonly loaders = new Map<string, ConfigLoader>();
  /** The workspace root's `.replylintignore`, as the CLI run from the root reads it. */
  private ignoreFile: Promise<IgnoreFile | undefined> | undefined;

  constructor(
    private readonly workspaceRoot: () => string | undefined,
    /** Told about a configuration that cannot be used; linting goes on with the defaults. */
    private readonly onInvalid: (message: string) => void,
  ) {}

  async forDocument(uri: string, settings: Settings): Promise<ResolvedConfig> {
    const layers = settingsLayer(settings);
    const path = this.pathFor(uri);
    if (path === undefined) return resolveConfig(...layers);
    const key = JSON.stringify(layers);
    let loader = this.loaders.get(key);
    if (!loader) this.loaders.set(key, (loader = new ConfigLoader(layers)));
    try {
      return (await loader.forFile(path)).resolved;
    } catch (error) {
      this.onInvalid(`${(error as Error).message} — replylint uses the default rules until it is fixed.`);
      return resolveConfig(...layers);
    }
  }

  /** Whether the workspace's `.replylintignore` leaves this saved document out (unsaved ones are never ignored). */
  async isIgnored(uri: string): Promise<boolean> {
    const root = this.workspaceRoot();
    if (root === undefined || !uri.startsWith('file:')) return false;
    this.ignoreFile ??= IgnoreFile.load(join(root, IGNORE_FILE_NAME)).catch((error: Error) => {
      this.onInvalid(`${error.message} — replylint ignores no file until it is fixed.`);
      return undefined;
    });
    const file = await this.ignoreFile;
    const path = this.pathFor(uri);
    return file !== undefined && path !== undefined && file.ignores(path);
  }

  /** Forget every configuration and ignore file read: one was created, changed or deleted. */
  clear(): void {
    this.loaders.clear();
    this.ignoreFile = undefined;
  }

  private pathFor(uri: string): string | undefined {
    if (uri.startsWith('file:')) {
      try {
        return fileURLToPath(uri);
      } catch {
        // A file URI this platform cannot map (e.g. a UNC host on POSIX): treat as unsaved.
      }
    }
    const root = this.workspaceRoot();
    return root === undefined ? undefined : join(root, UNSAVED_NAME);
  }
}

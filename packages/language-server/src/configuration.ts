/**
 * Which rules apply to a document: the `.replylintrc` found from its folder (untitled
 * documents use the workspace root's), then the client's settings over it.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { resolveConfig, type ResolvedConfig } from '@replylint/core';
import { ConfigLoader } from '@replylint/core/node';
import { settingsLayer, type Settings } from './settings.js';

/** Where a document without a file of its own looks for configuration. */
const UNSAVED_NAME = 'untitled';

export class DocumentConfigs {
  /** One loader per distinct settings layer; each caches configuration files per folder. */
  private readonly loaders = new Map<string, ConfigLoader>();

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

  /** Forget every configuration file read: one was created, changed or deleted. */
  clear(): void {
    this.loaders.clear();
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

/**
 * Node-only configuration discovery: `.replylintrc.json`, `.replylintrc.yaml`/`.yml`,
 * `.replylintrc` (JSON or YAML) or a `replylint` key in package.json, found upward from a
 * file's folder. Kept out of the main entry so the browser build never sees `node:` imports.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, resolveConfig, validateConfig, type Config, type ResolvedConfig } from './config.js';
import { loadYaml } from './sources/exports/yaml.js';

export const CONFIG_FILE_NAMES = ['.replylintrc.json', '.replylintrc.yaml', '.replylintrc.yml', '.replylintrc', 'package.json'] as const;

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw new ConfigError(`cannot read: ${(error as Error).message}`, path);
  }
}

async function parseText(path: string, text: string): Promise<unknown> {
  const json = path.endsWith('.json') || (path.endsWith('.replylintrc') && /^\s*[{[]/u.test(text));
  try {
    if (json) return JSON.parse(text);
    // Most runs find JSON or no configuration: the YAML parser loads only when needed.
    const { parse } = await loadYaml();
    return parse(text, { prettyErrors: true });
  } catch (error) {
    throw new ConfigError(`invalid ${json ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`, path);
  }
}

/** Parse and validate one configuration file. A package.json without "replylint" yields undefined. */
export async function loadConfigFile(path: string): Promise<Config | undefined> {
  const text = await readIfPresent(path);
  if (text === undefined) return undefined;
  const data = await parseText(path, text);
  if (path.endsWith('package.json')) {
    const config = (data as Record<string, unknown> | null)?.replylint;
    return config === undefined ? undefined : validateConfig(config, `${path} ("replylint" key)`);
  }
  return validateConfig(data ?? {}, path);
}

export interface FoundConfig {
  config?: Config;
  /** The file the configuration came from. */
  source?: string;
}

/** The nearest configuration at or above `directory`. */
export async function findConfig(directory: string): Promise<FoundConfig> {
  let current = resolve(directory);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = join(current, name);
      const config = await loadConfigFile(path);
      if (config) return { config, source: path };
    }
    const parent = dirname(current);
    if (parent === current) return {};
    current = parent;
  }
}

export interface LoadedConfig extends FoundConfig {
  resolved: ResolvedConfig;
}

/**
 * Configuration per file, cached per folder so a run over thousands of templates (or an
 * editor session) reads each configuration file once. `clear()` after a file changes.
 */
export class ConfigLoader {
  private readonly byDirectory = new Map<string, Promise<LoadedConfig>>();

  constructor(private readonly overrides: Config[] = []) {}

  forFile(filePath: string): Promise<LoadedConfig> {
    const directory = dirname(resolve(filePath));
    let loaded = this.byDirectory.get(directory);
    if (!loaded) {
      loaded = findConfig(directory).then((found) => ({ ...found, resolved: this.resolve(found.config, found.source) }));
      // A failed load is not cached: the user may fix the file and try again.
      loaded.catch(() => this.byDirectory.delete(directory));
      this.byDirectory.set(directory, loaded);
    }
    return loaded;
  }

  private resolve(config: Config | undefined, source: string | undefined): ResolvedConfig {
    try {
      return resolveConfig(config, ...this.overrides);
    } catch (error) {
      if (error instanceof ConfigError && !error.source && source) throw new ConfigError(error.problem, source, error.key);
      throw error;
    }
  }

  clear(): void {
    this.byDirectory.clear();
  }
}

/**
 * Node-only configuration discovery: `.replylintrc.json`, `.replylintrc.yaml`/`.yml`,
 * `.replylintrc` (JSON or YAML) or a `replylint` key in package.json, found upward from a
 * file's folder; `.replylintignore` files. Kept out of the main entry so the browser build never sees `node:` imports.
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { applyOverrides, ConfigError, matchingOverrides, resolveConfig, validateConfig, type Config, type ResolvedConfig } from './config.js';
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

interface FolderConfig extends FoundConfig {
  /** Resolved configurations by the overrides that matched ("0,2"): most files share a few. */
  byOverrides: Map<string, ResolvedConfig>;
}

/** `path` relative to `folder`, "/"-separated, as override globs are written. */
function relativePosix(folder: string, path: string): string {
  return relative(folder, path).split(sep).join('/');
}

/**
 * Configuration per file, cached per folder so a run over thousands of templates (or an
 * editor session) reads each configuration file once. `clear()` after a file changes.
 * `fixed` replaces discovery (the CLI's --config and --no-config). A configuration's
 * `overrides` apply to the files under its folder that they match.
 */
export class ConfigLoader {
  private readonly byDirectory = new Map<string, Promise<FolderConfig>>();

  constructor(
    private readonly overrides: Config[] = [],
    private readonly fixed?: FoundConfig,
  ) {}

  async forFile(filePath: string): Promise<LoadedConfig> {
    const absolute = resolve(filePath);
    const directory = dirname(absolute);
    let loaded = this.byDirectory.get(directory);
    if (!loaded) {
      loaded = (this.fixed ? Promise.resolve(this.fixed) : findConfig(directory)).then((found) => ({ ...found, byOverrides: new Map() }));
      // A failed load is not cached: the user may fix the file and try again.
      loaded.catch(() => this.byDirectory.delete(directory));
      this.byDirectory.set(directory, loaded);
    }
    const { config, source, byOverrides } = await loaded;
    const matched = config && source ? matchingOverrides(config, relativePosix(dirname(source), absolute)) : [];
    const key = matched.join(',');
    let resolved = byOverrides.get(key);
    if (!resolved) byOverrides.set(key, (resolved = this.resolve(config && applyOverrides(config, matched), source)));
    return { config, source, resolved };
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

export const IGNORE_FILE_NAME = '.replylintignore';

/**
 * A `.replylintignore`: gitignore patterns, relative to the file's folder, naming files and
 * folders that are not linted (generated macros, vendored libraries).
 */
export class IgnoreFile {
  private constructor(
    readonly path: string,
    private readonly matcher: Ignore,
  ) {}

  /** The ignore file at `path`; undefined when there is none. */
  static async load(path: string): Promise<IgnoreFile | undefined> {
    const text = await readIfPresent(path);
    return text === undefined ? undefined : new IgnoreFile(resolve(path), ignore().add(text));
  }

  /** Whether a file (or, with `isFolder`, a folder) is ignored. Paths outside the ignore file's folder never are. */
  ignores(path: string, isFolder = false): boolean {
    const inside = relativePosix(dirname(this.path), resolve(path));
    if (inside === '' || inside === '..' || inside.startsWith('../') || isAbsolute(inside)) return false;
    return this.matcher.ignores(isFolder ? `${inside}/` : inside);
  }
}

/**
 * Configuration: presets, per-rule severity and options, validated with errors that name
 * the file and the key. Loading files from disk lives in the Node entry (`node.ts`).
 */
import { Minimatch } from 'minimatch';
import type { AnyRule, Platform, RuleSeverity } from './rule.js';
import { PLATFORMS } from './placeholders.js';
import { rules as builtInRules } from './rules/index.js';
import { parseFieldPath } from './sources/exports/shapes.js';

export type SeveritySetting = 'off' | 'info' | 'warn' | 'error' | 0 | 1 | 2;
export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, unknown];

/** Where the replies are in a JSON, YAML or CSV template library that is no help desk's known export. */
export interface TemplateMapping {
  /** Globs of the library's files, relative to the configuration file's folder. */
  files: string | string[];
  /** The path to each reply: `replies[].body`, `library.*.text`, or a CSV column. */
  field: string;
  /** The path to each template's title or id, from the item holding the reply. */
  name?: string;
  /** The help desk the templates are written for (placeholder syntax). */
  platform?: Platform;
}

/** Rules for some files only, as ESLint's overrides: `files` are globs relative to the configuration file's folder. */
export interface ConfigOverride {
  files: string | string[];
  rules?: Record<string, RuleSetting>;
}

export interface Config {
  $schema?: string;
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  templates?: TemplateMapping[];
  /** Applied in order to the files they match, after `rules`: later overrides win. */
  overrides?: ConfigOverride[];
}

export interface ResolvedRule {
  rule: AnyRule;
  severity: RuleSeverity;
  options: unknown;
}

export interface ResolvedConfig {
  rules: ResolvedRule[];
  /** Template library mappings from every layer, nearest last. */
  templates?: TemplateMapping[];
}

export class ConfigError extends Error {
  constructor(
    readonly problem: string,
    readonly source?: string,
    readonly key?: string,
  ) {
    super(`${source ?? 'configuration'}${key ? ` (${key})` : ''}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export const ruleById: ReadonlyMap<string, AnyRule> = new Map(builtInRules.map((rule) => [rule.meta.id, rule]));

const atDefaultSeverity = (selected: readonly AnyRule[]): Config['rules'] => Object.fromEntries(selected.map((rule) => [rule.meta.id, rule.meta.severity]));

export const presets: Readonly<Record<string, Config>> = {
  /** High precision: rules that reach precision ≥ 0.95 on the corpus. */
  'replylint:recommended': { rules: atDefaultSeverity(builtInRules.filter((rule) => rule.meta.recommended)) },
  /** Every rule, each with its strictest options (a full name in the signature, …). */
  'replylint:strict': {
    rules: Object.fromEntries(builtInRules.map((rule) => [rule.meta.id, rule.options?.strict === undefined ? rule.meta.severity : [rule.meta.severity, rule.options.strict]])),
  },
  /** Every rule, with its default options. */
  'replylint:all': { rules: atDefaultSeverity(builtInRules) },
};

export const DEFAULT_PRESET = 'replylint:recommended';

const KNOWN_KEYS = new Set(['$schema', 'extends', 'rules', 'templates', 'overrides']);
const OVERRIDE_KEYS = ['files', 'rules'];

const TEMPLATE_KEYS = new Set(['files', 'field', 'name', 'platform']);

function validateTemplates(raw: unknown, source: string | undefined): void {
  if (!Array.isArray(raw)) throw new ConfigError('"templates" must be a list of { files, field, name } mappings', source, 'templates');
  raw.forEach((mapping: unknown, index) => {
    const key = `templates[${index}]`;
    if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) throw new ConfigError('a template mapping is an object { files, field, name }', source, key);
    const entries = mapping as Record<string, unknown>;
    for (const name of Object.keys(entries)) {
      if (!TEMPLATE_KEYS.has(name)) throw new ConfigError(`unknown key (expected one of: ${[...TEMPLATE_KEYS].join(', ')})`, source, `${key}.${name}`);
    }
    const files = Array.isArray(entries.files) ? entries.files : [entries.files];
    if (files.length === 0 || files.some((glob) => typeof glob !== 'string' || glob === '')) throw new ConfigError('"files" must be a glob or a list of globs', source, `${key}.files`);
    for (const path of ['field', 'name'] as const) {
      if (entries[path] === undefined && path === 'name') continue;
      if (typeof entries[path] !== 'string') throw new ConfigError(`"${path}" must be a field path such as replies[].body`, source, `${key}.${path}`);
      try {
        parseFieldPath(entries[path]);
      } catch (error) {
        throw new ConfigError((error as Error).message, source, `${key}.${path}`);
      }
    }
    if (entries.platform !== undefined && !(typeof entries.platform === 'string' && Object.hasOwn(PLATFORMS, entries.platform))) {
      throw new ConfigError(`unknown platform ${JSON.stringify(entries.platform)} (one of: ${Object.keys(PLATFORMS).join(', ')})`, source, `${key}.platform`);
    }
  });
}

function severityOf(setting: unknown, source: string | undefined, key: string): RuleSeverity | 'off' {
  switch (setting) {
    case 'off':
    case 0:
      return 'off';
    case 'info':
      return 'info';
    case 'warn':
    case 1:
      return 'warn';
    case 'error':
    case 2:
      return 'error';
    default:
      throw new ConfigError(`severity must be "off", "info", "warn" or "error" (or 0, 1, 2), got ${JSON.stringify(setting)}`, source, key);
  }
}

function closestRuleId(id: string): string | undefined {
  const candidates = [...ruleById.keys()];
  return candidates.find((candidate) => candidate.includes(id) || id.includes(candidate)) ?? candidates.find((candidate) => candidate.split('-')[0] === id.split('-')[0]);
}

function validateRules(rules: unknown, source: string | undefined, prefix: string): void {
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) throw new ConfigError(`"${prefix}" must be an object of rule id → setting`, source, prefix);
  for (const [id, setting] of Object.entries(rules)) {
    const key = `${prefix}.${id}`;
    const rule = ruleById.get(id);
    if (!rule) {
      const hint = closestRuleId(id);
      throw new ConfigError(`unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`, source, key);
    }
    const [severity, options] = Array.isArray(setting) ? setting : [setting];
    severityOf(severity, source, key);
    if (Array.isArray(setting) && setting.length > 2) throw new ConfigError('a rule setting is "severity" or [severity, options]', source, key);
    if (options !== undefined) {
      if (!rule.options) throw new ConfigError(`rule "${id}" takes no options`, source, key);
      try {
        rule.options.parse(options);
      } catch (error) {
        throw new ConfigError((error as Error).message, source, `${key}[1]`);
      }
    }
  }
}

function validateOverrides(overrides: unknown, source: string | undefined): void {
  if (!Array.isArray(overrides)) throw new ConfigError('"overrides" must be a list of { files, rules }', source, 'overrides');
  overrides.forEach((override: unknown, index) => {
    const at = `overrides[${index}]`;
    if (typeof override !== 'object' || override === null || Array.isArray(override)) throw new ConfigError('an override must be an object with "files" and "rules"', source, at);
    for (const key of Object.keys(override)) {
      if (!OVERRIDE_KEYS.includes(key)) throw new ConfigError(`unknown key (expected one of: ${OVERRIDE_KEYS.join(', ')})`, source, `${at}.${key}`);
    }
    const { files, rules } = override as Record<string, unknown>;
    const patterns = Array.isArray(files) ? files : [files];
    if (files === undefined || patterns.length === 0 || patterns.some((pattern) => typeof pattern !== 'string' || pattern.trim() === '')) {
      throw new ConfigError('"files" must be a glob or a list of globs, relative to the configuration file\'s folder (e.g. "macros/legacy/**")', source, `${at}.files`);
    }
    for (const pattern of patterns as string[]) {
      // As in ESLint: an override applies inside the configuration's folder, never above it.
      if (/^(\/|[a-z]:[\\/])/iu.test(pattern) || pattern.split(/[\\/]/u).includes('..')) {
        throw new ConfigError(`"${pattern}" must be relative to the configuration file's folder, without ".."`, source, `${at}.files`);
      }
    }
    if (rules !== undefined) validateRules(rules, source, `${at}.rules`);
  });
}

const compiledGlobs = new Map<string, Minimatch>();

/**
 * Whether a file matches a configuration's `files` globs, given its "/"-separated path relative
 * to the configuration file's folder. ESLint's matching: dot files included, and a glob
 * without "/" matches the file name in any folder.
 */
export function matchesFiles(files: string | readonly string[], relativePath: string): boolean {
  return (typeof files === 'string' ? [files] : files).some((pattern) => {
    let glob = compiledGlobs.get(pattern);
    if (!glob) compiledGlobs.set(pattern, (glob = new Minimatch(pattern.replace(/^\.\//u, ''), { dot: true, matchBase: true })));
    return glob.match(relativePath);
  });
}

/** The indices of the overrides whose `files` match `relativePath` (as for `matchesFiles`). */
export function matchingOverrides(config: Config, relativePath: string): number[] {
  return (config.overrides ?? []).flatMap((override, index) => (matchesFiles(override.files, relativePath) ? [index] : []));
}

/** `config` with the rules of the overrides at `indices` laid over its own, in order; without `overrides`. */
export function applyOverrides(config: Config, indices: readonly number[]): Config {
  const { overrides = [], ...base } = config;
  const rules = indices.map((index) => overrides[index]?.rules ?? {});
  return rules.length === 0 ? base : { ...base, rules: Object.assign({}, base.rules, ...rules) };
}

/** Check a raw configuration object; throws ConfigError naming the key at fault. */
export function validateConfig(raw: unknown, source?: string): Config {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError('the configuration must be an object', source);
  const config = raw as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!KNOWN_KEYS.has(key)) throw new ConfigError(`unknown key (expected one of: ${[...KNOWN_KEYS].filter((k) => k !== '$schema').join(', ')})`, source, key);
  }
  const presetNames = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  for (const [index, name] of presetNames.entries()) {
    if (typeof name !== 'string' || !(name in presets)) {
      throw new ConfigError(`unknown preset ${JSON.stringify(name)} (available: ${Object.keys(presets).join(', ')})`, source, Array.isArray(config.extends) ? `extends[${index}]` : 'extends');
    }
  }
  if (config.templates !== undefined) validateTemplates(config.templates, source);
  if (config.rules !== undefined) validateRules(config.rules, source, 'rules');
  if (config.overrides !== undefined) validateOverrides(config.overrides, source);
  return config as Config;
}

/**
 * Turn configurations (lowest precedence first) into the list of enabled rules with parsed
 * options. The recommended preset is the base unless a layer names its own `extends`
 * (`extends: []` starts from nothing), so `{ rules: { x: "off" } }` keeps the other rules on.
 */
export function resolveConfig(...layers: Array<Config | undefined>): ResolvedConfig {
  const present = layers.filter((layer): layer is Config => layer !== undefined);
  const settings = new Map<string, RuleSetting>();
  const apply = (config: Config): void => {
    const names = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
    for (const name of names) apply(presets[name]!);
    for (const [id, setting] of Object.entries(config.rules ?? {})) settings.set(id, setting);
  };
  if (present.every((config) => config.extends === undefined)) apply(presets[DEFAULT_PRESET]!);
  present.forEach(apply);

  const templates = present.flatMap((config) => config.templates ?? []);
  const resolved: ResolvedRule[] = [];
  for (const [id, setting] of settings) {
    const rule = ruleById.get(id);
    if (!rule) throw new ConfigError(`unknown rule "${id}"`, undefined, `rules.${id}`);
    const [severitySetting, rawOptions] = Array.isArray(setting) ? setting : [setting];
    const severity = severityOf(severitySetting, undefined, `rules.${id}`);
    if (severity === 'off') continue;
    const options = rule.options ? (rawOptions === undefined ? rule.options.defaults : rule.options.parse(rawOptions)) : undefined;
    resolved.push({ rule, severity, options });
  }
  return templates.length > 0 ? { rules: resolved, templates } : { rules: resolved };
}

/**
 * Which field mapping a file is read with: the command line's --template-field (or
 * --jsonl-field), else the first `templates` entry of its configuration whose `files` globs
 * (relative to the configuration file's folder) match it.
 */
import { dirname, resolve } from 'node:path';
import type { FieldMapping, ResolvedConfig } from '@replylint/core';
import { glob } from 'tinyglobby';

export interface MappingFlags {
  templateField?: string;
  templateNameField?: string;
  jsonlField?: string;
}

/** Each configuration's globs are expanded once per run: the files they match, as absolute paths. */
const expanded = new Map<string, Promise<Set<string>>>();

function filesMatching(patterns: string | string[], base: string): Promise<Set<string>> {
  const key = JSON.stringify([base, patterns]);
  let files = expanded.get(key);
  if (!files) {
    files = glob(patterns, { cwd: base, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] }).then((matches) => new Set(matches.map((match) => resolve(match))));
    expanded.set(key, files);
  }
  return files;
}

export async function mappingFor(absolutePath: string, flags: MappingFlags, config: ResolvedConfig, configSource: string | undefined, cwd: string): Promise<FieldMapping> {
  const field = flags.jsonlField ?? flags.templateField;
  if (field !== undefined) return { field, ...(flags.templateNameField === undefined ? {} : { name: flags.templateNameField }) };
  const base = configSource === undefined ? cwd : dirname(resolve(cwd, configSource));
  for (const mapping of config.templates ?? []) {
    if (!(await filesMatching(mapping.files, base)).has(absolutePath)) continue;
    return { field: mapping.field, ...(mapping.name === undefined ? {} : { name: mapping.name }), ...(mapping.platform === undefined ? {} : { platform: mapping.platform }) };
  }
  return flags.templateNameField === undefined ? {} : { name: flags.templateNameField };
}

/**
 * Choosing what is linted and how: configuration `overrides` by glob and `.replylintignore`,
 * through the built CLI as a team's CI runs it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, validateConfig } from '../packages/core/src/index.js';

const bin = fileURLToPath(new URL('../packages/cli/bin/replylint.js', import.meta.url));
const RUDE = 'Hi Marcus,\n\nAs I said on the phone, the refund takes five days.\n\nBest,\nKai Andersen\n';

let workspace: string;

function files(tree: Record<string, string>): void {
  for (const [name, content] of Object.entries(tree)) {
    mkdirSync(dirname(join(workspace, name)), { recursive: true });
    writeFileSync(join(workspace, name), content);
  }
}

function run(args: string[], input = '') {
  const result = spawnSync(process.execPath, [bin, '--format', 'json', ...args], { cwd: workspace, input, env: { ...process.env, NO_COLOR: '' }, encoding: 'utf8' });
  const report = result.stdout ? (JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; severity: number }> }>) : [];
  /** Each linted file with the severities of its rude-phrasing findings. */
  const severities = Object.fromEntries(report.map((file) => [file.filePath, file.messages.map((message) => message.severity)]));
  return { status: result.status, stderr: result.stderr, severities };
}

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'replylint-control-'));
});

describe('overrides', () => {
  it('apply to the files their globs match, relative to the configuration file, later ones winning', () => {
    files({
      'library/.replylintrc.yaml': [
        'extends: []',
        'rules: { rude-phrasing: warn }',
        'overrides:',
        '  - files: "macros/legacy/**"',
        '    rules: { rude-phrasing: off }',
        '  - files: ["*.md", "macros/strict/*.txt"]',
        '    rules: { rude-phrasing: error }',
      ].join('\n'),
      'library/macros/legacy/old.txt': RUDE,
      'library/macros/legacy/deep/older.txt': RUDE,
      'library/macros/legacy/notes.md': RUDE,
      'library/macros/strict/refund.txt': RUDE,
      'library/macros/new.txt': RUDE,
      'library/readme.md': RUDE,
    });
    const { status, severities } = run(['library']);
    expect(severities).toEqual({
      'library/macros/legacy/deep/older.txt': [],
      'library/macros/legacy/notes.md': [2],
      'library/macros/legacy/old.txt': [],
      'library/macros/new.txt': [1],
      'library/macros/strict/refund.txt': [2],
      'library/readme.md': [2],
    });
    expect(status).toBe(1);
  });

  it('in a --config file apply relative to that file, and --rule still comes last', () => {
    files({ 'ci/replylint.json': JSON.stringify({ extends: [], rules: { 'rude-phrasing': 'warn' }, overrides: [{ files: 'legacy/**', rules: { 'rude-phrasing': 'off' } }] }), 'ci/legacy/a.txt': RUDE, 'legacy/b.txt': RUDE });
    expect(run(['--config', 'ci/replylint.json', 'ci/legacy/a.txt', 'legacy/b.txt']).severities).toEqual({ 'ci/legacy/a.txt': [], 'legacy/b.txt': [1] });
    expect(run(['--config', 'ci/replylint.json', '--rule', 'rude-phrasing:error', 'ci/legacy/a.txt']).severities).toEqual({ 'ci/legacy/a.txt': [2] });
  });

  it('are checked with errors that name the file and the key, exit 2', () => {
    files({ '.replylintrc.json': JSON.stringify({ overrides: [{ files: 'a/**', rules: { 'rude-phrasingg': 'off' } }] }), 'a/x.txt': RUDE });
    const result = run(['a/x.txt']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${join(workspace, '.replylintrc.json')} (overrides[0].rules.rude-phrasingg): unknown rule "rude-phrasingg" (did you mean "rude-phrasing"?)`);
  });

  it.each([
    [{ overrides: {} }, 'overrides', 'must be a list of { files, rules }'],
    [{ overrides: ['a/**'] }, 'overrides[0]', 'an override must be an object with "files" and "rules"'],
    [{ overrides: [{ rules: {} }] }, 'overrides[0].files', '"files" must be a glob or a list of globs'],
    [{ overrides: [{ files: [] }] }, 'overrides[0].files', '"files" must be a glob or a list of globs'],
    [{ overrides: [{ files: 'a', excludedFiles: 'b' }] }, 'overrides[0].excludedFiles', 'unknown key (expected one of: files, rules)'],
    [{ overrides: [{ files: ['ok/**', '../shared/**'] }] }, 'overrides[0].files', '"../shared/**" must be relative to the configuration file\'s folder'],
    [{ overrides: [{ files: '/abs/**' }] }, 'overrides[0].files', 'must be relative'],
    [{ overrides: [{ files: 'a', rules: { 'weak-closing': 'loud' } }] }, 'overrides[0].rules.weak-closing', 'severity must be "off", "info", "warn" or "error"'],
    [{ overrides: [{ files: 'a', rules: [] }] }, 'overrides[0].rules', 'must be an object of rule id'],
  ])('rejects %j at %s', (config, key, problem) => {
    let error: unknown;
    try {
      validateConfig(config, '.replylintrc.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).key).toBe(key);
    expect((error as ConfigError).message).toContain(problem);
  });
});

describe('.replylintignore', () => {
  beforeEach(() => {
    files({
      '.replylintrc.json': JSON.stringify({ extends: [], rules: { 'rude-phrasing': 'warn' } }),
      '.replylintignore': '# vendored and generated\nvendor/\n*.generated.txt\nmacros/legacy/*\n!macros/legacy/keep.txt\n',
      'macros/a.txt': RUDE,
      'macros/b.generated.txt': RUDE,
      'macros/legacy/old.txt': RUDE,
      'macros/legacy/keep.txt': RUDE,
      'vendor/pack/x.txt': RUDE,
    });
  });

  it('skips what it matches in folders and globs silently, negations included', () => {
    for (const inputs of [['.'], ['macros', 'vendor/../macros/legacy'], ['**/*.txt']]) {
      const result = run(inputs);
      expect(Object.keys(result.severities).sort()).toEqual(['macros/a.txt', 'macros/legacy/keep.txt']);
      expect(result).toMatchObject({ status: 0, stderr: '' });
    }
  });

  it('warns about a file named explicitly (or as --stdin-filename) and does not lint it', () => {
    const result = run(['macros/a.txt', 'macros/b.generated.txt', 'vendor']);
    expect(Object.keys(result.severities)).toEqual(['macros/a.txt']);
    expect(result.stderr).toContain('replylint: warning: macros/b.generated.txt: ignored because of a matching ignore pattern; use --no-ignore to lint it');
    expect(result.stderr).toContain('replylint: warning: vendor: ignored');
    expect(result.status).toBe(0);
    const piped = run(['--stdin-filename', 'vendor/draft.txt', '-'], RUDE);
    expect(piped.severities).toEqual({});
    expect(piped.stderr).toContain('vendor/draft.txt: ignored');
  });

  it('is an error when a folder holds only ignored files', () => {
    files({ 'generated/x.generated.txt': RUDE, 'generated/y.generated.txt': RUDE });
    const result = run(['generated']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('generated: all 2 files here match an ignore pattern (use --no-ignore to lint them)');
  });

  it('is set aside by --no-ignore and replaced by --ignore-path', () => {
    expect(Object.keys(run(['--no-ignore', 'macros']).severities)).toHaveLength(4);
    // Its patterns are relative to its own folder, as a .gitignore's.
    files({ 'ci/ignore': 'a.txt\n', 'team.ignore': 'macros/a.txt\n' });
    expect(Object.keys(run(['--ignore-path', 'ci/ignore', 'macros']).severities)).toHaveLength(4);
    expect(Object.keys(run(['--ignore-path', 'team.ignore', 'macros']).severities).sort()).toEqual(['macros/b.generated.txt', 'macros/legacy/keep.txt', 'macros/legacy/old.txt']);
    const missing = run(['--ignore-path', 'ci/nope', 'macros']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('ci/nope: no such ignore file');
  });
});

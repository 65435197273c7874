/**
 * The CI integrations, checked offline: action.yml and .pre-commit-hooks.yaml parse and point
 * at what exists, and every replylint command the documentation shows (README, docs/ci.md,
 * the action's run script, the hook) gets through the CLI's argument parser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/cli/bin/replylint.js');
// The YAML parser the core reads configuration with.
const { parse: parseYaml } = createRequire(join(root, 'packages/core/package.json'))('yaml') as { parse(text: string): unknown };
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

interface Action {
  name: string;
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Array<{ uses?: string; run?: string; with?: Record<string, string>; env?: Record<string, string>; id?: string }> };
}

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  args?: string[];
}

let workspace: string;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'replylint-ci-'));
  writeFileSync(join(workspace, 'reply.txt'), 'Hi Sam,\n\nYour refund is on its way.\n\nBest,\nKai Andersen\n');
});

/**
 * Run documented arguments through the CLI, in a folder without the documented paths: a usage
 * error (unknown option, invalid value) is what fails; a missing input is fine here.
 */
function parses(args: string[]): { usageError: string | undefined } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: workspace, input: '', encoding: 'utf8', env: { ...process.env, CI: '1' } });
  const usageError = /^error: .*$/mu.exec(result.stderr)?.[0] ?? (result.stderr.includes('run replylint --help') ? result.stderr : undefined);
  return { usageError };
}

/** Shell words of a documented command (up to a shell operator), with CI variables given example values. */
function words(command: string): string[] {
  return command
    .split(/\s(?:\|\||&&|\||;|>)\s/u)[0]!
    .replace(/\$\{\{\s*matrix\.shard\s*\}\}/gu, '2')
    .replace(/\$CI_NODE_INDEX/gu, '2')
    .replace(/\$CI_NODE_TOTAL/gu, '4')
    .trim()
    .split(/\s+/u)
    .filter((word) => word !== '');
}

/** Every replylint command line in the Markdown's code blocks. */
function documentedCommands(markdown: string): string[][] {
  const blocks = [...markdown.matchAll(/```[a-z]*\n([\s\S]*?)```/gu)].map((match) => match[1]!);
  const commands: string[][] = [];
  for (const line of blocks.flatMap((block) => block.split('\n'))) {
    const invocation = /(?:^|\s)(?:replylint|node \S*replylint\.js)\s+(?!\[)(.*)$/u.exec(line.replace(/^\$ /u, ''));
    if (invocation && !line.includes('replylint [')) commands.push(words(invocation[1]!.replace(/#.*$/u, '')));
  }
  return commands;
}

/** `with:` blocks of the documented workflows that use this action. */
function documentedActionUses(markdown: string): Array<Record<string, string>> {
  const blocks = [...markdown.matchAll(/```yaml\n([\s\S]*?)```/gu)].map((match) => match[1]!).filter((block) => block.includes('uses: replylint/replylint@'));
  return blocks.flatMap((block) => {
    const workflow = parseYaml(block) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }> };
    return Object.values(workflow.jobs).flatMap((job) => job.steps.filter((step) => step.uses?.startsWith('replylint/replylint@')).map((step) => step.with ?? {}));
  });
}

describe('action.yml', () => {
  const action = parseYaml(read('action.yml')) as Action;

  it('is a composite action that uploads SARIF with CodeQL\'s upload action', () => {
    expect(action.runs.using).toBe('composite');
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with?.sarif_file).toBe('${{ steps.lint.outputs.report }}');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'format', 'args']));
    expect(action.inputs.format!.default).toBe('sarif');
  });

  it('refers only to inputs and step outputs it declares', () => {
    const text = read('action.yml');
    for (const [, name] of text.matchAll(/inputs\.([a-z-]+)/gu)) expect(Object.keys(action.inputs)).toContain(name);
    const ids = action.runs.steps.map((step) => step.id).filter(Boolean);
    for (const [, id] of text.matchAll(/steps\.([a-z-]+)\.outputs/gu)) expect(ids).toContain(id);
  });

  it('runs the CLI of this checkout with flags the CLI accepts', () => {
    const lint = action.runs.steps.find((step) => step.id === 'lint')!;
    expect(lint.env!.REPLYLINT).toBe('${{ github.action_path }}/packages/cli/bin/replylint.js');
    const script = lint.run!;
    expect(script).toContain('node "$REPLYLINT" --format "$INPUT_FORMAT" "${output[@]}" $INPUT_ARGS $INPUT_PATHS');
    // What the script runs with the default inputs, and with each documented workflow's inputs.
    const inputs = [{}, ...documentedActionUses(read('README.md')), ...documentedActionUses(read('docs/ci.md'))];
    for (const given of inputs) {
      for (const key of Object.keys(given)) expect(Object.keys(action.inputs)).toContain(key);
      const value = (name: string): string => given[name] ?? action.inputs[name]!.default ?? '';
      const format = value('format');
      const report = value('output-file') || (format === 'sarif' ? 'replylint.sarif' : '');
      const args = ['--format', format, ...(report ? ['--output-file', report] : []), ...words(value('args')), ...words(value('paths'))];
      expect(parses(args)).toEqual({ usageError: undefined });
    }
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const [hook, ...others] = parseYaml(read('.pre-commit-hooks.yaml')) as Hook[];

  it('defines the replylint hook as a node package whose command exists', () => {
    expect(others).toEqual([]);
    expect(hook).toMatchObject({ id: 'replylint', language: 'node', entry: 'replylint' });
    // pre-commit installs the repository root with npm: its package's bin is the command.
    const rootPackage = JSON.parse(read('package.json')) as { bin: Record<string, string>; files: string[] };
    expect(existsSync(join(root, rootPackage.bin.replylint!))).toBe(true);
    expect(rootPackage.files).toContain('packages/cli/bin');
    expect(parses([...(hook!.args ?? []), 'reply.txt'])).toEqual({ usageError: undefined });
  });

  it('matches replies, templates and exports, and nothing else', () => {
    const files = new RegExp(hook!.files, 'u');
    for (const name of ['a.txt', 'macros/b.md', 'c.html', 'd.htm', 'e.eml', 'zendesk/macros.json', 'f.yaml', 'g.yml', 'h.csv']) expect(name).toMatch(files);
    for (const name of ['logo.png', 'src/index.ts', 'notes.txt.bak', 'README']) expect(name).not.toMatch(files);
  });
});

describe('documented commands', () => {
  it('README and docs/ci.md show only flags the CLI accepts', () => {
    const commands = [...documentedCommands(read('README.md')), ...documentedCommands(read('docs/ci.md'))];
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const command of commands) expect({ command, ...parses(command) }).toEqual({ command, usageError: undefined });
  });

  it('catches a flag the CLI does not have', () => {
    expect(parses(['--shards', '1/2', 'reply.txt']).usageError).toContain("unknown option '--shards'");
    expect(parses(['--shard', '5/4', 'reply.txt']).usageError).toContain('is invalid');
  });
});

describe('--format codequality', () => {
  it('writes one GitLab Code Quality issue per finding, with fingerprints that survive lines moving', () => {
    const rude = 'Hi Sam,\n\nAs I said on the phone, please calm down. As I said on the phone, it ships today.\n\nBest,\nKai Andersen\n';
    writeFileSync(join(workspace, 'rude.txt'), rude);
    const config = ['--no-config', '--rule', 'rude-phrasing:warn', '--rule', 'missing-agent-name:error'];
    const issues = (args: string[]) => JSON.parse(spawnSync(process.execPath, [bin, ...config, '--format', 'codequality', ...args], { cwd: workspace, encoding: 'utf8' }).stdout) as Array<Record<string, any>>;
    const before = issues(['rude.txt', 'missing.txt']);
    expect(before.filter((issue) => issue.check_name === 'rude-phrasing')).toHaveLength(3);
    expect(before[0]).toMatchObject({ check_name: 'rude-phrasing', severity: 'minor', location: { path: 'rude.txt', lines: { begin: 3, end: 3 } } });
    expect(before.at(-1)).toMatchObject({ check_name: 'replylint', severity: 'blocker', location: { path: 'missing.txt', lines: { begin: 1 } } });
    expect(new Set(before.map((issue) => issue.fingerprint)).size).toBe(before.length);

    writeFileSync(join(workspace, 'rude.txt'), `\n\n${rude}`);
    const after = issues(['rude.txt']);
    expect(after[0]!.location.lines.begin).toBe(5);
    expect(after.map((issue) => issue.fingerprint)).toEqual(before.slice(0, -1).map((issue) => issue.fingerprint));
    expect(issues(['--rule', 'rude-phrasing:error', 'rude.txt'])[0]!.severity).toBe('major');
  });
});

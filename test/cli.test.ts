/**
 * Black-box tests of the built `replylint` executable: what a user or a CI job sees.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../packages/cli/bin/replylint.js', import.meta.url));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env };
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? workspace, input: options.input ?? '', env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const RUDE = 'Hi Marcus,\n\nAs I said on the phone, the refund takes five days. Please calm down.\n\nBest,\nKai Andersen\n';
const CLEAN = 'Hi Marcus,\n\nI refunded the $40 charge this morning.\n\nBest,\nKai Andersen\n';
// Only rude-phrasing is on, so these tests do not depend on how other rules evolve.
const ONLY_RUDE = JSON.stringify({ extends: [], rules: { 'rude-phrasing': 'warn' } });

let workspace: string;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'replylint-cli-'));
  writeFileSync(join(workspace, '.replylintrc.json'), ONLY_RUDE);
  writeFileSync(join(workspace, 'rude.txt'), RUDE);
  writeFileSync(join(workspace, 'clean.txt'), CLEAN);
  writeFileSync(join(workspace, 'binary.txt'), Buffer.from([0x48, 0x69, 0x00, 0x01]));
  writeFileSync(join(workspace, 'latin1.txt'), Buffer.from('Hi Jos\xe9,\n', 'latin1'));
  mkdirSync(join(workspace, 'macros/billing'), { recursive: true });
  writeFileSync(join(workspace, 'macros/billing/a.md'), RUDE);
  writeFileSync(join(workspace, 'macros/b.txt'), CLEAN);
  writeFileSync(join(workspace, 'macros/ignored.json'), '{}');
});

describe('replylint CLI', () => {
  it('exits 0 on a clean reply and prints nothing', () => {
    const result = run(['clean.txt']);
    expect(result).toMatchObject({ status: 0, stdout: '' });
  });

  it('prints warnings with position, rule id and rewrite, and exits 0', () => {
    const result = run(['rude.txt']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('rude.txt');
    expect(result.stdout).toMatch(/3:1\s+warning\s+"As I said on the phone".*rude-phrasing/u);
    expect(result.stdout).toContain('→ To recap our call');
    expect(result.stdout).toContain('✖ 2 problems (0 errors, 2 warnings)');
    expect(result.stdout).not.toContain('\u001B[');
  });

  it('exits 1 when a rule is raised to error or warnings exceed --max-warnings', () => {
    expect(run(['--rule', 'rude-phrasing:error', 'rude.txt']).status).toBe(1);
    const tooMany = run(['--max-warnings', '1', 'rude.txt']);
    expect(tooMany.status).toBe(1);
    expect(tooMany.stderr).toContain('too many warnings (2; the maximum is 1)');
    expect(run(['--max-warnings', '2', 'rude.txt']).status).toBe(0);
  });

  it('--quiet hides warnings', () => {
    expect(run(['--quiet', 'rude.txt']).stdout).toBe('');
  });

  it('writes JSON in ESLint\'s shape with suggestions as offset fixes', () => {
    const result = run(['--format', 'json', 'rude.txt']);
    const [file] = JSON.parse(result.stdout) as Array<Record<string, any>>;
    expect(file).toMatchObject({ filePath: 'rude.txt', errorCount: 0, warningCount: 2, fixableWarningCount: 2, fatalErrorCount: 0 });
    const [first] = file!.messages;
    expect(first).toMatchObject({ ruleId: 'rude-phrasing', severity: 1, line: 3, column: 1, endLine: 3, endColumn: 23, actual: 'As I said on the phone' });
    const { range, text } = first.suggestions[0].fix;
    expect(RUDE.slice(range[0], range[1])).toBe('As I said on the phone');
    expect(text).toBe('To recap our call');
  });

  it('reads piped stdin, and "-" with --stdin-filename', () => {
    const piped = run(['--format', 'json'], { input: RUDE });
    expect(JSON.parse(piped.stdout)[0]).toMatchObject({ filePath: '<stdin>', warningCount: 2 });
    const named = run(['-', '--stdin-filename', 'draft.txt'], { input: RUDE });
    expect(named.stdout).toContain('draft.txt');
  });

  it('lints folders (files of a known input format only) and globs', () => {
    const folder = JSON.parse(run(['--format', 'json', 'macros']).stdout) as Array<{ filePath: string }>;
    expect(folder.map((file) => file.filePath).sort()).toEqual([join('macros', 'b.txt'), join('macros', 'billing', 'a.md')]);
    const glob = JSON.parse(run(['--format', 'json', 'macros/**/*.md']).stdout) as Array<{ filePath: string }>;
    expect(glob.map((file) => file.filePath)).toEqual([join('macros', 'billing', 'a.md')]);
  });

  it('names a missing file, a binary file and invalid UTF-8, exits 2, and still lints the rest', () => {
    const result = run(['--format', 'json', 'missing.txt', 'binary.txt', 'latin1.txt', 'rude.txt', 'nothing/**/*.txt']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('missing.txt: no such file');
    expect(result.stderr).toContain('binary.txt: looks like a binary file');
    expect(result.stderr).toContain('latin1.txt: is not valid UTF-8 (first invalid byte near 1:7)');
    expect(result.stderr).toContain('nothing/**/*.txt: no files match this pattern');
    const files = JSON.parse(result.stdout) as Array<{ filePath: string; warningCount: number; fatalErrorCount: number }>;
    expect(files.find((file) => file.filePath === 'rude.txt')?.warningCount).toBe(2);
    expect(files.filter((file) => file.fatalErrorCount === 1).map((file) => file.filePath).sort()).toEqual(['binary.txt', 'latin1.txt', 'missing.txt', 'nothing/**/*.txt']);
  });

  it('rejects an invalid configuration with exit 2, naming the file and the key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-badconfig-'));
    writeFileSync(join(dir, '.replylintrc.yaml'), 'rules:\n  rude-phrasing: loud\n');
    writeFileSync(join(dir, 'reply.txt'), RUDE);
    const result = run(['reply.txt'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${join(dir, '.replylintrc.yaml')} (rules.rude-phrasing): severity must be`);
    expect(run(['--no-config', 'reply.txt'], { cwd: dir }).status).toBe(0);

    writeFileSync(join(dir, '.replylintrc.yaml'), 'rules:\n  rude-phrasng: warn\n');
    expect(run(['reply.txt'], { cwd: dir }).stderr).toContain('unknown rule "rude-phrasng" (did you mean "rude-phrasing"?)');
    writeFileSync(join(dir, '.replylintrc.yaml'), 'rules: [unclosed\n');
    expect(run(['reply.txt'], { cwd: dir }).stderr).toMatch(/\.replylintrc\.yaml: invalid YAML/u);
  });

  it('finds configuration in package.json and honours --config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-pkg-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'macros', replylint: { extends: [], rules: { 'rude-phrasing': 'error' } } }));
    writeFileSync(join(dir, 'reply.txt'), RUDE);
    expect(run(['reply.txt'], { cwd: dir }).status).toBe(1);
    writeFileSync(join(dir, 'off.json'), JSON.stringify({ extends: [], rules: { 'rude-phrasing': 'off' } }));
    expect(run(['--config', 'off.json', 'reply.txt'], { cwd: dir })).toMatchObject({ status: 0, stdout: '' });
    expect(run(['--config', 'absent.json', 'reply.txt'], { cwd: dir }).status).toBe(2);
  });

  it('colours only when asked or on a TTY, and respects NO_COLOR', () => {
    expect(run(['rude.txt'], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001B[33mwarning');
    expect(run(['rude.txt'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001B[');
  });

  it('lists rules, explains one, prints version and help', () => {
    const list = run(['--list-rules']).stdout;
    for (const id of ['rude-phrasing', 'canned-response', 'missing-agent-name', 'missing-timeframe', 'weak-closing']) expect(list).toContain(id);
    expect(run(['--explain', 'rude-phrasing']).stdout).toMatch(/^# rude-phrasing\n/u);
    expect(run(['--explain', 'nope']).status).toBe(2);
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/u);
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--max-warnings');
  });

  it('exits 2 on usage errors', () => {
    expect(run(['--format', 'xml', 'rude.txt']).status).toBe(2);
    expect(run(['--rule', 'rude-phrasing', 'rude.txt']).status).toBe(2);
    expect(run(['--bogus']).status).toBe(2);
    expect(run(['--platform', 'mailchimp', 'rude.txt']).status).toBe(2);
  });

  it('lints a .txt as a draft, or as a template with --kind template / --platform', () => {
    const macro = 'Hi {{ticket.requester.first_name}},\n\nTicket {{ticket.id}} is solved.\n\nBest,\n{{current_user.name}}\n';
    const rules = ['--no-config', '--rule', 'unfilled-placeholder:error', '--rule', 'malformed-placeholder:error', '--format', 'json'];
    const ruleIds = (args: string[]): string[] =>
      (JSON.parse(run([...rules, ...args, '-'], { input: macro }).stdout) as Array<{ messages: Array<{ ruleId: string }> }>)[0]!.messages.map((message) => message.ruleId);
    expect(ruleIds([])).toEqual(['unfilled-placeholder', 'unfilled-placeholder', 'unfilled-placeholder']);
    // The placeholders tell it is Zendesk, which leaves a missing name blank: "Hi ,".
    expect(ruleIds(['--kind', 'template'])).toEqual(['malformed-placeholder']);
    expect(ruleIds(['--platform', 'zendesk'])).toEqual(['malformed-placeholder']);
    // Freshdesk spells it ticket.requester.firstname; Front has no ticket fields to compare with.
    expect(ruleIds(['--platform', 'freshdesk'])).toEqual(['malformed-placeholder']);
    expect(ruleIds(['--platform', 'front'])).toEqual([]);
  });
});

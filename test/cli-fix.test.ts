/**
 * --fix and --fix-dry-run as a user sees them: files rewritten in place (mode, BOM, line
 * breaks and everything outside the fixes kept), dry runs that write nothing, fixed text in
 * the JSON output, and a file that changed while replylint worked left alone.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { main, type Io } from '../packages/cli/src/cli.js';

// In-process runs can edit a file while replylint lints it: the core's lintTarget, as the CLI imports it, calls `whileLinting` first.
// `breakFixes` stands for a bug in a rewrite's escaping.
const hooks = vi.hoisted(() => ({ whileLinting: undefined as ((path: string | undefined) => void) | undefined, breakFixes: false }));
vi.mock('../packages/core/dist/index.js', async (importOriginal) => {
  const core = await importOriginal<typeof import('../packages/core/src/index.js')>();
  const lintTarget: typeof core.lintTarget = async (target, options) => {
    hooks.whileLinting?.(options.path);
    const result = await core.lintTarget(target, options);
    if (hooks.breakFixes) for (const message of result.messages) if (message.fix) message.fix = { ...message.fix, text: `${message.fix.text}"` };
    return result;
  };
  return { ...core, lintTarget };
});

const bin = fileURLToPath(new URL('../packages/cli/bin/replylint.js', import.meta.url));

function run(args: string[], options: { input?: string } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: workspace, input: options.input ?? '', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// rude-phrasing (fixable) and missing-timeframe (not fixable) only, so the tests do not move when other rules change.
const CONFIG = JSON.stringify({ extends: [], rules: { 'rude-phrasing': 'warn', 'missing-timeframe': 'error' } });
const RUDE = 'Hi Marcus,\n\nAs I said on the phone, the refund takes five days. Please calm down.\n\nBest,\nKai Andersen\n';
const RUDE_FIXED = 'Hi Marcus,\n\nTo recap our call, the refund takes five days. I understand how frustrating this is.\n\nBest,\nKai Andersen\n';
const VAGUE = 'Hi Marcus,\n\nAs I said on the phone, we will get back to you soon.\n\nBest,\nKai Andersen\n';

let workspace: string;
const path = (name: string): string => join(workspace, name);
const read = (name: string): string => readFileSync(path(name), 'utf8');

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'replylint-fix-'));
  writeFileSync(path('.replylintrc.json'), CONFIG);
});

describe('--fix', () => {
  it('rewrites the file, reports only what is left, and exits by what is left', () => {
    writeFileSync(path('rude.txt'), RUDE);
    writeFileSync(path('vague.txt'), VAGUE);
    const result = run(['--fix', 'rude.txt', 'vague.txt']);
    expect(read('rude.txt')).toBe(RUDE_FIXED);
    expect(read('vague.txt')).toBe(VAGUE.replace('As I said on the phone', 'To recap our call'));
    expect(result.stdout).not.toContain('rude-phrasing');
    expect(result.stdout).toMatch(/vague\.txt\n\s+3:\d+\s+error\s+.*missing-timeframe/u);
    expect(result.status).toBe(1);
  });

  it('keeps the BOM, CRLF line breaks, a missing final newline and the file mode; a second run changes nothing', () => {
    const source = `\uFEFF${RUDE.trimEnd().replace(/\n/gu, '\r\n')}`;
    writeFileSync(path('crlf.txt'), source);
    chmodSync(path('crlf.txt'), 0o640);
    expect(run(['--fix', 'crlf.txt']).status).toBe(0);
    const fixed = readFileSync(path('crlf.txt'));
    expect(fixed.toString('utf8')).toBe(`\uFEFF${RUDE_FIXED.trimEnd().replace(/\n/gu, '\r\n')}`);
    expect(statSync(path('crlf.txt')).mode & 0o777).toBe(0o640);
    const { mtimeMs, ino } = statSync(path('crlf.txt'));
    expect(run(['--fix', 'crlf.txt'])).toMatchObject({ status: 0, stdout: '' });
    // Nothing to fix: the file is not even rewritten.
    expect(statSync(path('crlf.txt'))).toMatchObject({ mtimeMs, ino });
    expect(readFileSync(path('crlf.txt')).equals(fixed)).toBe(true);
    expect(readdirSync(workspace).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('with --quiet fixes errors only', () => {
    writeFileSync(path('rude.txt'), RUDE);
    expect(run(['--fix', '--quiet', 'rude.txt']).status).toBe(0);
    expect(read('rude.txt')).toBe(RUDE);
    expect(run(['--fix', '--quiet', '--rule', 'rude-phrasing:error', 'rude.txt']).status).toBe(0);
    expect(read('rude.txt')).toBe(RUDE_FIXED);
  });

  it('writes through a symbolic link, keeping the link', () => {
    writeFileSync(path('target.txt'), RUDE);
    symlinkSync(path('target.txt'), path('link.txt'));
    expect(run(['--fix', 'link.txt']).status).toBe(0);
    expect(lstatSync(path('link.txt')).isSymbolicLink()).toBe(true);
    expect(read('target.txt')).toBe(RUDE_FIXED);
  });

  it('refuses piped input and --fix-dry-run at the same time, with exit 2', () => {
    const piped = run(['--fix'], { input: RUDE });
    expect(piped.status).toBe(2);
    expect(piped.stderr).toContain('--fix cannot write piped input back; use --fix-dry-run');
    writeFileSync(path('rude.txt'), RUDE);
    const both = run(['--fix', '--fix-dry-run', 'rude.txt']);
    expect(both).toMatchObject({ status: 2 });
    expect(both.stderr).toContain('--fix and --fix-dry-run cannot be used together');
    expect(read('rude.txt')).toBe(RUDE);
  });
});

describe('--fix in Markdown and HTML', () => {
  it('rewrites only the flagged words in the source, leaving markup, entities and comments alone', () => {
    const markdown = '# Refund\r\n\r\nHi Marcus,\r\n\r\n**Note:** As I said on the phone, the refund takes *five* days. `calm down` is code.\r\n\r\n<!-- internal: Please calm down -->\r\nBest,\r\nKai Andersen';
    const html = '<!doctype html>\n<p>Hi Marcus,</p>\n<p>As I said on the phone, the refund takes five&nbsp;days. Please calm down.</p>\n<p>Best,<br>Kai Andersen</p>\n';
    writeFileSync(path('reply.md'), markdown);
    writeFileSync(path('reply.html'), html);
    expect(run(['--fix', 'reply.md', 'reply.html'])).toMatchObject({ status: 0, stdout: '2 templates, 0 with warnings, median score 100\n' });
    expect(read('reply.md')).toBe(markdown.replace('As I said on the phone', 'To recap our call'));
    expect(read('reply.html')).toBe(html.replace('As I said on the phone', 'To recap our call').replace('Please calm down', 'I understand how frustrating this is'));
  });

  it('leaves a rewrite that would cut through markup to be made by hand, and reports it', () => {
    const markdown = 'Hi Marcus,\n\nAs I *said* on the phone, the refund takes five days.\n\nBest,\nKai Andersen\n';
    writeFileSync(path('split.md'), markdown);
    const result = run(['--fix', '--format', 'json', 'split.md']);
    expect(read('split.md')).toBe(markdown);
    const [file] = JSON.parse(result.stdout) as Array<Record<string, any>>;
    expect(file).not.toHaveProperty('output');
    expect(file!.messages).toMatchObject([{ ruleId: 'rude-phrasing', line: 3, column: 1 }]);
    expect(file!.messages[0]).not.toHaveProperty('fix');
  });
});

describe('--fix-dry-run', () => {
  it('writes nothing and gives the fixed text as "output" in JSON, only for files it changed', () => {
    writeFileSync(path('rude.txt'), RUDE);
    writeFileSync(path('clean.txt'), RUDE_FIXED);
    const result = run(['--fix-dry-run', '--format', 'json', 'rude.txt', 'clean.txt']);
    expect(result.status).toBe(0);
    expect(read('rude.txt')).toBe(RUDE);
    const [rude, clean] = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(rude).toMatchObject({ filePath: 'rude.txt', output: RUDE_FIXED, messages: [], warningCount: 0 });
    expect(clean).not.toHaveProperty('output');
  });

  it('fixes piped input: the fixed text is in the JSON output', () => {
    const result = run(['--fix-dry-run', '--format', 'json', '--stdin-filename', 'draft.txt'], { input: VAGUE });
    const [draft] = JSON.parse(result.stdout) as Array<Record<string, any>>;
    expect(draft!.output).toBe(VAGUE.replace('As I said on the phone', 'To recap our call'));
    expect(draft!.messages.map((message: { ruleId: string }) => message.ruleId)).toEqual(['missing-timeframe']);
    expect(result.status).toBe(1);
  });

  it('reports the fix of each fixable message in JSON, as ESLint does', () => {
    writeFileSync(path('rude.txt'), RUDE);
    const [file] = JSON.parse(run(['--format', 'json', 'rude.txt']).stdout) as Array<Record<string, any>>;
    const [first] = file!.messages;
    expect(first.fix).toEqual({ range: [12, 34], text: 'To recap our call' });
    expect(file).toMatchObject({ fixableWarningCount: 2 });
  });
});

describe('a file that changes while it is fixed', () => {
  async function runInProcess(args: string[]) {
    let stdout = '';
    let stderr = '';
    const io: Io = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), stdinIsTty: true, stdoutIsTty: false, env: {}, cwd: workspace };
    const status = await main(args, io);
    return { status, stdout, stderr };
  }

  it('is not written: its new content stays, the message names it, exit 2, and the other files are still fixed', async () => {
    writeFileSync(path('edited.txt'), RUDE);
    writeFileSync(path('other.txt'), RUDE);
    // An edit of the same size within the same clock tick is caught too: the bytes are compared.
    const edit = RUDE.replace('five days', 'nine days');
    const sameTime = 1_700_000_000;
    utimesSync(path('edited.txt'), sameTime, sameTime);
    hooks.whileLinting = (filePath) => {
      if (filePath !== 'edited.txt' || read('edited.txt') === edit) return;
      writeFileSync(path('edited.txt'), edit);
      utimesSync(path('edited.txt'), sameTime, sameTime);
    };
    try {
      const result = await runInProcess(['--fix', 'edited.txt', 'other.txt']);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('edited.txt: changed on disk since it was read; the fixes were not written');
      expect(read('edited.txt')).toBe(edit);
      expect(read('other.txt')).toBe(RUDE_FIXED);
      expect(readdirSync(workspace).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      hooks.whileLinting = undefined;
    }
  });
});

describe('a fix that would break the file', () => {
  it('is not written: the file is named, exit 2, and it stays as it was', async () => {
    const source = JSON.stringify({ replies: [{ title: 'Refund', body: RUDE }] }, null, 2);
    writeFileSync(path('library.json'), source);
    hooks.breakFixes = true;
    try {
      let stderr = '';
      const io: Io = { stdout: () => undefined, stderr: (text) => void (stderr += text), stdinIsTty: true, stdoutIsTty: false, env: {}, cwd: workspace };
      expect(await main(['--fix', '--template-field', 'replies[].body', 'library.json'], io)).toBe(2);
      expect(stderr).toMatch(/^replylint: library\.json: the fixes would leave it unreadable \(.*invalid JSON.*\), so it was not fixed; please report this$/mu);
      expect(read('library.json')).toBe(source);
    } finally {
      hooks.breakFixes = false;
    }
  });
});

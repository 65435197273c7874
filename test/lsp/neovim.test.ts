/**
 * A real editor: headless Neovim loads the snippet from docs/editors.md, attaches the server
 * to a buffer holding a rude reply, and reports what it saw through vim.diagnostic.get().
 * Skipped, with a message, only when `nvim` is not installed (CI installs Debian's `neovim`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVER_BIN } from './client.js';

const hasNvim = spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasNvim) console.warn('test/lsp/neovim.test.ts: SKIPPED — `nvim` is not installed (apt-get install -y neovim)');

const SESSION = fileURLToPath(new URL('fixtures/neovim-session.lua', import.meta.url));
const EDITORS_DOC = fileURLToPath(new URL('../../docs/editors.md', import.meta.url));

/** The first ```lua block of the Neovim section: what users paste into init.lua. */
function neovimSnippet(): string {
  const section = readFileSync(EDITORS_DOC, 'utf8').split(/^## /mu).find((part) => part.startsWith('Neovim'))!;
  return /```lua\n([\s\S]*?)```/u.exec(section)![1]!;
}

interface NeovimReport {
  nvim: string;
  error?: string;
  published: boolean;
  diagnostics: Array<{ code: string; lnum: number; col: number; source: string; message: string }>;
  hover?: string;
  actions: string[];
  fixed_line: string;
  republished: boolean;
  after_fix: Array<{ code: string; lnum: number }>;
}

const home = mkdtempSync(join(tmpdir(), 'replylint-nvim-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe.skipIf(!hasNvim)('Neovim (headless, docs/editors.md snippet)', () => {
  it('shows rude-phrasing diagnostics on the right lines, explains them and applies the rewrite', () => {
    const bin = join(home, 'bin');
    mkdirSync(bin);
    symlinkSync(SERVER_BIN, join(bin, 'replylint-language-server'));
    const snippet = join(home, 'snippet.lua');
    writeFileSync(snippet, neovimSnippet());
    writeFileSync(join(home, '.replylintrc.json'), JSON.stringify({ extends: [], rules: { 'rude-phrasing': 'warn' } }));
    const reply = join(home, 'reply.txt');
    writeFileSync(reply, 'Hi Marcus,\n\nAs I said on the phone, the refund takes five days.\n\nPlease calm down, it is on its way.\n\nBest,\nKai Andersen\n');
    const out = join(home, 'out.json');

    const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${snippet}`, '-c', `luafile ${SESSION}`], {
      cwd: home,
      encoding: 'utf8',
      // A bound for a broken editor, not a timing assertion: the Lua script bounds its own waits.
      timeout: 55_000,
      env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}`, REPLYLINT_FILE: reply, REPLYLINT_OUT: out, XDG_STATE_HOME: home, XDG_CACHE_HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home },
    });
    expect(run.error).toBeUndefined();
    const report = JSON.parse(readFileSync(out, 'utf8')) as NeovimReport;
    expect(report.error).toBeUndefined();

    expect(report.published).toBe(true);
    expect(report.diagnostics).toEqual([
      { code: 'rude-phrasing', lnum: 2, col: 0, source: 'replylint', message: '"As I said on the phone" reminds the customer they were told already' },
      { code: 'rude-phrasing', lnum: 4, col: 0, source: 'replylint', message: '"Please calm down" tells an upset customer how to feel' },
    ]);
    expect(report.hover).toContain('Better: "To recap our call"');
    expect(report.actions).toContain('Replace with "To recap our call"');
    expect(report.fixed_line).toBe('To recap our call, the refund takes five days.');
    expect(report.republished).toBe(true);
    expect(report.after_fix).toEqual([expect.objectContaining({ code: 'rude-phrasing', lnum: 4 })]);
  }, 60_000);
});

/**
 * Large runs: worker threads (the same output as one thread, in input order), --cache (unchanged
 * files replayed, invalidated by their text, configuration and replylint's version, a damaged
 * cache ignored), --shard (complete and disjoint) and the progress bar (only on a terminal).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../packages/cli/src/cli.js';
import { createLintContext, lintTask, type LintSettings } from '../packages/cli/src/lint-file.js';
import { PROGRESS_MIN_FILES } from '../packages/cli/src/progress.js';
import { parseShard, selectShard } from '../packages/cli/src/shard.js';

const bin = fileURLToPath(new URL('../packages/cli/bin/replylint.js', import.meta.url));

function replylint(args: string[], cwd: string, input = '') {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, input, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', CI: '' }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const RUDE = 'Hi Marcus,\n\nAs I said on the phone, the refund takes five days. Please calm down.\n\nBest,\nKai Andersen\n';
const CLEAN = 'Hi Marcus,\n\nI refunded the $40 charge this morning.\n\nBest,\nKai Andersen\n';
const ONLY_RUDE = JSON.stringify({ extends: [], rules: { 'rude-phrasing': 'warn' } });

type JsonResult = { filePath: string; messages: Array<{ message: string; severity: number }>; warningCount: number; errorCount: number };
const json = (stdout: string) => JSON.parse(stdout) as JsonResult[];

let library: string;
let files: string[];

beforeAll(() => {
  // A library with a folder of its own configuration (rude phrasing is an error there), files
  // that cannot be linted, and enough files for several batches per worker.
  library = mkdtempSync(join(tmpdir(), 'replylint-scale-'));
  writeFileSync(join(library, '.replylintrc.json'), ONLY_RUDE);
  mkdirSync(join(library, 'macros/strict'), { recursive: true });
  writeFileSync(join(library, 'macros/strict/.replylintrc.json'), JSON.stringify({ extends: [], rules: { 'rude-phrasing': 'error' } }));
  files = [];
  for (let index = 0; index < 60; index++) {
    const file = index % 3 === 0 ? `macros/strict/${index}.txt` : `macros/${index}.md`;
    writeFileSync(join(library, file), index % 2 === 0 ? RUDE.replace('Marcus', `Marcus ${index}`) : CLEAN);
    files.push(file);
  }
  writeFileSync(join(library, 'macros/binary.txt'), Buffer.from([0x48, 0x69, 0x00]));
  // An archive of sent replies with one line that is not JSON: its problem is reported in its place.
  writeFileSync(join(library, 'archive.jsonl'), [RUDE, '{ not json', CLEAN].map((reply) => (reply.startsWith('{') ? reply : JSON.stringify({ reply }))).join('\n'));
  writeFileSync(join(library, 'macros/page.html'), `<html><body><p>${RUDE.replaceAll('\n\n', '</p><p>')}</p></body></html>`);
});

describe('--workers', () => {
  it('prints exactly what one thread prints, in input order, in every format', () => {
    for (const format of ['stylish', 'json', 'sarif', 'junit', 'github']) {
      const args = ['--format', format, 'macros', 'missing.txt', 'archive.jsonl', 'macros/0.md'];
      const single = replylint([...args, '--workers', '1'], library);
      const threaded = replylint([...args, '--workers', '3'], library);
      expect(threaded).toEqual(single);
      expect(single.status).toBe(2);
    }
  });

  it('writes a report file, streamed as results arrive, with exactly the text it prints', () => {
    for (const format of ['json', 'stylish', 'sarif']) {
      const args = ['--format', format, 'macros', 'missing.txt', 'archive.jsonl'];
      const printed = replylint([...args, '--workers', '1'], library);
      const report = join(library, `report.${format}`);
      const written = replylint([...args, '--workers', '3', '--output-file', report], library);
      expect(written).toMatchObject({ status: printed.status, stdout: '' });
      expect(readFileSync(report, 'utf8')).toBe(printed.stdout);
    }
    // Written through a temporary file and a rename: no partial report is left beside it.
    expect(readdirSync(library).filter((name) => name.startsWith('.report'))).toEqual([]);
  });

  it('stops quietly when the reader of its output goes away (| head)', async () => {
    const child = spawn(process.execPath, [bin, '--workers', '2', 'macros'], { cwd: library, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect([2, 141]).toContain(status);
  });

  it('applies each folder\'s own configuration on the workers', () => {
    const results = json(replylint(['--format', 'json', '--workers', '2', 'macros'], library).stdout);
    const strict = results.find((result) => result.filePath === join('macros', 'strict', '0.txt'))!;
    const relaxed = results.find((result) => result.filePath === join('macros', '2.md'))!;
    expect(strict).toMatchObject({ errorCount: 2, warningCount: 0 });
    expect(relaxed).toMatchObject({ errorCount: 0, warningCount: 2 });
  });

  it('fixes files on the workers exactly as on one thread', () => {
    const copies = [1, 3].map((workers) => {
      const copy = mkdtempSync(join(tmpdir(), 'replylint-fix-'));
      cpSync(library, copy, { recursive: true });
      const run = replylint(['--fix', '--format', 'json', '--workers', String(workers), 'macros'], copy);
      const texts = readdirSync(join(copy, 'macros')).filter((name) => name.endsWith('.md')).map((name) => readFileSync(join(copy, 'macros', name), 'utf8'));
      return { run, texts };
    });
    expect(copies[1]).toEqual(copies[0]);
    expect(copies[0]!.texts.some((text) => text.includes('To recap our call'))).toBe(true);
  });

  it('rejects a count that is not a number of threads', () => {
    for (const value of ['0', '-1', '1.5', 'many']) {
      const result = replylint(['--workers', value, 'macros'], library);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('expected a number of threads (1 or more) or "auto"');
    }
  });
});

describe('--shard', () => {
  it('splits any file list into complete, disjoint, balanced parts, keeping the given order', () => {
    const paths = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,3}(\/[a-z]{1,3}){0,2}\.txt$/u), { maxLength: 60 });
    fc.assert(
      fc.property(paths, fc.integer({ min: 1, max: 9 }), (list, count) => {
        const parts = Array.from({ length: count }, (_, index) => selectShard(list, { index: index + 1, count }));
        const all = parts.flat();
        expect(all.length).toBe(list.length);
        expect(new Set(all)).toEqual(new Set(list));
        const sizes = parts.map((part) => part.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        for (const part of parts) expect(part).toEqual(list.filter((file) => part.includes(file)));
      }),
    );
  });

  it('assigns a file to the same shard whatever the order of the list', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,4}\.md$/u), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 5 }), (list, count) => {
        const reversed = [...list].reverse();
        for (let index = 1; index <= count; index++) expect(new Set(selectShard(reversed, { index, count }))).toEqual(new Set(selectShard(list, { index, count })));
      }),
    );
  });

  it('lints each file in exactly one shard of the command line\'s files', () => {
    const shards = [1, 2, 3].map((index) => json(replylint(['--format', 'json', '--shard', `${index}/3`, 'macros'], library).stdout).map((result) => result.filePath));
    const all = json(replylint(['--format', 'json', 'macros'], library).stdout).map((result) => result.filePath);
    expect(shards.flat().sort()).toEqual([...all].sort());
    expect(new Set(shards.flat()).size).toBe(all.length);
  });

  it('rejects a shard that is not i/n with 1 ≤ i ≤ n, and stdin', () => {
    expect(parseShard(' 2 / 4 ')).toEqual({ index: 2, count: 4 });
    for (const value of ['0/2', '3/2', '1/0', '2', 'a/b', '1/2/3', '']) {
      expect(() => parseShard(value)).toThrow(`expected <index>/<count> with 1 ≤ index ≤ count, such as 2/4; got "${value}"`);
    }
    const cli = replylint(['--shard', '3/2', 'macros'], library);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain('got "3/2"');
    expect(replylint(['--shard', '1/2', '-'], library, RUDE)).toMatchObject({ status: 2, stderr: expect.stringContaining('cannot split stdin') });
  });
});

describe('--cache', () => {
  /** A fresh library of three files with its own cache. */
  function cachedLibrary() {
    const folder = mkdtempSync(join(tmpdir(), 'replylint-cache-'));
    writeFileSync(join(folder, '.replylintrc.json'), ONLY_RUDE);
    writeFileSync(join(folder, 'a.txt'), RUDE);
    writeFileSync(join(folder, 'b.txt'), RUDE);
    writeFileSync(join(folder, 'c.txt'), CLEAN);
    const cacheFile = join(folder, '.replylintcache');
    const lintAll = (extra: string[] = []) => replylint(['--format', 'json', '--cache', ...extra, 'a.txt', 'b.txt', 'c.txt'], folder);
    /** Mark the stored results, so that a replayed result is told apart from a fresh one. */
    const markStoredResults = () => writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').replaceAll('reminds the customer', 'REPLAYED reminds the customer'));
    const replayed = (result: JsonResult | undefined) => result!.messages.some((message) => message.message.includes('REPLAYED'));
    return { folder, cacheFile, lintAll, markStoredResults, replayed };
  }

  it('replays unchanged files and lints a file again when its text changes', () => {
    const { folder, cacheFile, lintAll, markStoredResults, replayed } = cachedLibrary();
    const first = lintAll();
    expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
    markStoredResults();
    const second = json(lintAll().stdout);
    expect(second.map(replayed)).toEqual([true, true, false]);

    writeFileSync(join(folder, 'b.txt'), RUDE.replace('Please calm down.', 'Please calm down now.'));
    const third = json(lintAll().stdout);
    expect(third.map(replayed)).toEqual([true, false, false]);
    expect(third[1]!.warningCount).toBe(2);
    // Without the marks, the replayed output is the linted output.
    expect(json(first.stdout).map((result) => result.warningCount)).toEqual([2, 2, 0]);
  });

  it('fills and replays the cache on worker threads exactly as on one thread', () => {
    const { lintAll, markStoredResults, replayed } = cachedLibrary();
    const single = lintAll(['--workers', '1']).stdout;
    const threaded = lintAll(['--workers', '2']);
    expect(threaded.stdout).toBe(single);
    markStoredResults();
    expect(json(lintAll(['--workers', '2']).stdout).map(replayed)).toEqual([true, true, false]);
  });

  it('lints every file again when the configuration changes', () => {
    const { folder, lintAll, markStoredResults, replayed } = cachedLibrary();
    lintAll();
    markStoredResults();
    writeFileSync(join(folder, '.replylintrc.json'), JSON.stringify({ extends: [], rules: { 'rude-phrasing': 'error' } }));
    const results = json(lintAll().stdout);
    expect(results.map(replayed)).toEqual([false, false, false]);
    expect(results[0]!.errorCount).toBe(2);
    markStoredResults();
    expect(json(lintAll(['--rule', 'rude-phrasing:warn']).stdout).map(replayed)).toEqual([false, false, false]);
  });

  it('lints a file with problems (a bad line of an archive) every time, so the problem is reported every time', () => {
    const args = ['--cache', '--cache-location', mkdtempSync(join(tmpdir(), 'replylint-cache-')), 'archive.jsonl'];
    const first = replylint(args, library);
    expect(first.stderr).toContain('archive.jsonl:2:3: invalid JSON');
    expect(replylint(args, library)).toEqual(first);
    expect(first.status).toBe(2);
  });

  it('fixes a file again when it comes back as it was before it was fixed', () => {
    const { folder, lintAll, markStoredResults, replayed } = cachedLibrary();
    lintAll(['--fix']);
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toContain('To recap our call');
    markStoredResults();
    writeFileSync(join(folder, 'a.txt'), RUDE);
    const again = json(lintAll(['--fix']).stdout);
    expect(again.map(replayed)).toEqual([false, false, false]);
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toContain('To recap our call');
  });

  it('keys results by replylint\'s version too', async () => {
    const { folder } = cachedLibrary();
    const settings = (version: string): LintSettings => ({ configChoice: { overrides: [] }, quiet: false, version, cwd: folder });
    const task = { index: 0, filePath: 'a.txt', absolutePath: join(folder, 'a.txt'), wantKey: true };
    const before = await lintTask(task, await createLintContext(settings('1.0.0')));
    expect(before.kind).toBe('linted');
    const key = (before as { key: string }).key;
    expect(await lintTask({ ...task, cachedKey: key }, await createLintContext(settings('1.0.0')))).toMatchObject({ kind: 'unchanged' });
    expect(await lintTask({ ...task, cachedKey: key }, await createLintContext(settings('1.1.0')))).toMatchObject({ kind: 'linted' });
  });

  it('ignores a damaged cache with a warning, lints everything and writes a good one', () => {
    const { cacheFile, lintAll } = cachedLibrary();
    const expected = lintAll().stdout;
    for (const damage of ['{"replylintCache": 1, "files": {"x": 3}}', '{ not json', '[]']) {
      writeFileSync(cacheFile, damage);
      const result = lintAll();
      expect(result.status).toBe(0);
      expect(result.stderr).toMatch(/^replylint: ignoring the cache \.replylintcache: .+; linting every file and writing a new one\n$/u);
      expect(result.stdout).toBe(expected);
      expect(lintAll().stderr).toBe('');
    }
  });

  it('writes where --cache-location says, and nowhere without --cache', () => {
    const { folder, cacheFile } = cachedLibrary();
    replylint(['a.txt'], folder);
    expect(existsSync(cacheFile)).toBe(false);
    mkdirSync(join(folder, 'caches'));
    replylint(['--cache', '--cache-location', 'caches', 'a.txt'], folder);
    expect(existsSync(join(folder, 'caches', '.replylintcache'))).toBe(true);
    replylint(['--cache', '--cache-location', 'ci/replylint.json', 'a.txt'], folder);
    expect(existsSync(join(folder, 'ci', 'replylint.json'))).toBe(true);
    expect(existsSync(cacheFile)).toBe(false);
  });
});

describe('progress bar', () => {
  function capture(stderrIsTty: boolean, env: NodeJS.ProcessEnv = {}) {
    let stdout = '';
    let stderr = '';
    const io: Io = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), stdinIsTty: true, stdoutIsTty: false, stderrIsTty, env, cwd: library };
    return { io, output: () => ({ stdout, stderr }) };
  }
  const manyFiles = () => {
    const folder = join(library, 'many');
    mkdirSync(folder, { recursive: true });
    for (let index = 0; index <= PROGRESS_MIN_FILES; index++) writeFileSync(join(folder, `${index}.txt`), CLEAN);
    return 'many';
  };

  it('shows on a terminal for a large run, and is gone at the end', async () => {
    const folder = manyFiles();
    const { io, output } = capture(true);
    expect(await main([folder, '--workers', '1'], io)).toBe(0);
    const { stderr, stdout } = output();
    expect(stderr).toMatch(/\r\u001B\[2K█+ 201\/201 files/u);
    expect(stderr.endsWith('\r\u001B[2K')).toBe(true);
    expect(stdout).toBe('201 templates, 0 with warnings, median score 100\n');
  });

  it('never shows when stderr is not a terminal, in CI, or for a small run', async () => {
    const folder = manyFiles();
    for (const [tty, env, args] of [
      [false, {}, [folder]],
      [true, { CI: 'true' }, [folder]],
      [true, {}, ['macros']],
    ] as const) {
      const { io, output } = capture(tty, env);
      await main([...args, '--workers', '1'], io);
      expect(output().stderr).not.toMatch(/[\r█]/u);
    }
    expect(replylint([folder], library).stderr).toBe('');
  });
});

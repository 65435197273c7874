/**
 * The VS Code package: `pnpm --filter replylint-vscode package` builds the .vsix offline, it
 * holds the manifest and the bundled server, and that server alone (no node_modules next to
 * it) starts and lints.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient, uriOf } from './client.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(ROOT, 'extension/package.json'), 'utf8')) as { version: string; contributes: Record<string, unknown> };
const VSIX = join(ROOT, 'extension', `replylint-vscode-${manifest.version}.vsix`);

/** The entries of a zip archive (stored or deflated), read from its central directory. */
function unzip(archive: Buffer): Map<string, Buffer> {
  let end = archive.length - 22;
  while (end >= 0 && archive.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive');
  const entries = new Map<string, Buffer>();
  let at = archive.readUInt32LE(end + 16);
  for (let count = archive.readUInt16LE(end + 10); count > 0; count--) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = archive.readUInt16LE(at + 10);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const skip = nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const local = archive.readUInt32LE(at + 42);
    const data = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const raw = archive.subarray(data, data + size);
    entries.set(name, method === 8 ? inflateRawSync(raw) : raw);
    at += 46 + skip;
  }
  return entries;
}

/** pnpm as the test run was started (`npx pnpm test` leaves no pnpm on PATH). */
function pnpm(args: string[]): ReturnType<typeof spawnSync> {
  const execPath = process.env.npm_execpath;
  const [command, prefix] = execPath && /pnpm/u.test(execPath) ? (/\.c?js$/u.test(execPath) ? [process.execPath, [execPath]] : [execPath, []]) : ['pnpm', []];
  return spawnSync(command, [...prefix, ...args], { cwd: ROOT, encoding: 'utf8' });
}

let entries: Map<string, Buffer>;
const scratch = mkdtempSync(join(tmpdir(), 'replylint-vsix-'));

beforeAll(() => {
  rmSync(VSIX, { force: true });
  const build = pnpm(['--filter', 'replylint-vscode', 'package']);
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  entries = unzip(readFileSync(VSIX));
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('replylint-vscode .vsix', () => {
  it('holds the manifest, the README, the licence and the two bundles, and nothing else', () => {
    const files = [...entries.keys()].filter((name) => name.startsWith('extension/')).sort();
    expect(files).toEqual(['extension/LICENSE.txt', 'extension/dist/extension.js', 'extension/dist/server.js', 'extension/package.json', 'extension/readme.md']);
    const packaged = JSON.parse(entries.get('extension/package.json')!.toString('utf8'));
    expect(packaged).toMatchObject({ name: 'replylint-vscode', main: 'dist/extension.js' });
    expect(packaged.contributes.commands.map((command: { command: string }) => command.command)).toEqual(['replylint.fixAll', 'replylint.showRuleDocumentation']);
    expect(Object.keys(packaged.contributes.configuration.properties)).toEqual(
      expect.arrayContaining(['replylint.enable', 'replylint.rules', 'replylint.run', 'replylint.languages', 'replylint.fixOnSave']),
    );
    expect(entries.get('extension.vsixmanifest')!.toString('utf8')).toContain('Id="replylint-vscode"');
  });

  it('ships a server that starts on its own, answers initialize and lints', async () => {
    const server = join(scratch, 'server.js');
    writeFileSync(server, entries.get('extension/dist/server.js')!);
    writeFileSync(join(scratch, '.replylintrc.json'), JSON.stringify({ extends: [], rules: { 'rude-phrasing': 'warn' } }));
    const client = await LspClient.start({ serverPath: server, root: scratch });
    expect(client.initializeResult.serverInfo?.name).toBe('replylint-language-server');
    const uri = uriOf(join(scratch, 'reply.txt'));
    await client.open(uri, 'Per my last email, the replacement has already shipped.');
    expect((await client.current(uri)).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['rude-phrasing']);
    expect(await client.stop()).toBe(0);
  });
});

/**
 * --fix inside help-desk exports and template libraries: only the reply strings change, each
 * rewrite escaped for its JSON string, YAML scalar or CSV field; the file still parses to the
 * same structure, every line without a fixed reply is byte for byte the same, and fixing again
 * changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../packages/core/src/sources/exports/index.js';
import { loadYaml } from '../packages/core/src/sources/exports/yaml.js';

const bin = fileURLToPath(new URL('../packages/cli/bin/replylint.js', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/exports/', import.meta.url));
const yaml = await loadYaml();

let workspace: string;
const read = (name: string): string => readFileSync(join(workspace, name), 'utf8');

function replylint(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: workspace, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'replylint-fix-exports-'));
  // Every rule: the fixable ones rewrite phrases (rude-phrasing, canned-response) and insert
  // text with quotes (malformed-placeholder's `| default: "there"`), which each syntax must escape.
  writeFileSync(join(workspace, '.replylintrc.json'), JSON.stringify({ extends: ['replylint:all'], templates: [{ files: 'reply-library.yaml', field: 'replies[].body', name: 'title' }] }));
  for (const name of ['zendesk-macros.json', 'reply-library.yaml', 'reply-library.csv']) copyFileSync(join(fixtures, name), join(workspace, name));
});

/** The paths (a.b[2].c) of the strings that differ between two parsed documents; throws when their shapes differ. */
function changedStrings(before: unknown, after: unknown, path = ''): string[] {
  if (typeof before === 'string' && typeof after === 'string') return before === after ? [] : [path];
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) return before.flatMap((item, index) => changedStrings(item, after[index], `${path}[${index}]`));
  if (before && after && typeof before === 'object' && typeof after === 'object' && !Array.isArray(before) && !Array.isArray(after)) {
    expect(Object.keys(after)).toEqual(Object.keys(before));
    return Object.keys(before).flatMap((key) => changedStrings((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], path ? `${path}.${key}` : key));
  }
  expect(after, `${path} is unchanged`).toEqual(before);
  return [];
}

const JSON_STRING = /"(?:[^"\\]|\\.)*"/gu;
const CSV_QUOTED_FIELD = /"(?:[^"]|"")*"/gu;

/** The file with every string literal emptied: what must not change when only strings are rewritten. */
const skeleton = (text: string, literal: RegExp): string => text.replace(literal, '""');

/** Fix `name` and check that a second --fix finds nothing more to change. */
function fixTwice(name: string): { before: string; after: string } {
  const before = read(name);
  expect(replylint(['--fix', name]).status).not.toBe(2);
  const after = read(name);
  expect(after).not.toBe(before);
  replylint(['--fix', name]);
  expect(read(name), 'fixing again changes nothing').toBe(after);
  return { before, after };
}

describe('--fix in exports', () => {
  it('JSON (Zendesk): only macro reply strings change, JSON-escaped; the rest of the file is byte for byte the same', () => {
    const { before, after } = fixTwice('zendesk-macros.json');
    const [parsedBefore, parsedAfter] = [JSON.parse(before), JSON.parse(after)];
    const changed = changedStrings(parsedBefore, parsedAfter);
    expect(changed.length).toBeGreaterThan(0);
    for (const path of changed) expect(path).toMatch(/^macros\[\d+\]\.actions\[\d+\]\.value(\[1\])?$/u);
    const refund = (parsedAfter.macros[0].actions[2].value as string[])[1]!;
    // The fallback malformed-placeholder inserts has quotes: escaped in the file, quotes in the value.
    expect(refund).toContain('{{ticket.requester.first_name | default: "there"}}');
    expect(after).toContain(String.raw`{{ticket.requester.first_name | default: \"there\"}}`);
    expect(refund).toContain('I understand how frustrating this is');
    // Outside the strings (white space, punctuation, numbers, key order) not a byte moved.
    expect(skeleton(after, JSON_STRING)).toBe(skeleton(before, JSON_STRING));
  });

  it('YAML: block, double- and single-quoted scalars keep their style, comments and the rest of the file stay', () => {
    const { before, after } = fixTwice('reply-library.yaml');
    const [parsedBefore, parsedAfter] = [yaml.parse(before), yaml.parse(after)];
    const changed = changedStrings(parsedBefore, parsedAfter);
    expect(changed.length).toBeGreaterThan(0);
    for (const path of changed) expect(path).toMatch(/^replies\[\d+\]\.body$/u);
    expect(after.split('\n')[0]).toBe('# Saved replies kept in the repository; reviewed in pull requests.');
    expect(after).toContain('  - title: \'Can\'\'t log in\'');
    expect(parsedAfter.replies[0].body).toContain('To recap, your refund takes 5–7 business days. I understand how frustrating this is.');
    expect(after).toMatch(/body: \|\n {6}Hi /u);
  });

  it('YAML: a rewrite with quotes is escaped for the scalar it lands in', () => {
    const library = [
      '# team replies',
      'replies:',
      "  - title: 'Single'",
      "    body: 'Hi {{ticket.requester.first_name}}, there is nothing more I can do. It''s policy.'",
      '  - title: "Double"',
      '    body: "Hi {{ticket.requester.first_name}},\\n\\nAs I said, it ships \\"today\\".\\n"',
      '  - title: Literal',
      '    body: |',
      '      Hi {{ticket.requester.first_name}},',
      '      There is nothing more I can do about it.',
      '',
    ].join('\n');
    writeFileSync(join(workspace, 'lib.yaml'), library);
    writeFileSync(join(workspace, '.replylintrc.json'), JSON.stringify({ extends: ['replylint:all'], templates: [{ files: 'lib.yaml', field: 'replies[].body', name: 'title', platform: 'zendesk' }] }));
    const { before, after } = fixTwice('lib.yaml');
    expect(after.split('\n')).toEqual([
      '# team replies',
      'replies:',
      "  - title: 'Single'",
      "    body: 'Hi {{ticket.requester.first_name | default: \"there\"}}, here''s what I can do. It''s policy.'",
      '  - title: "Double"',
      '    body: "Hi {{ticket.requester.first_name | default: \\"there\\"}},\\n\\nTo recap, it ships \\"today\\".\\n"',
      '  - title: Literal',
      '    body: |',
      '      Hi {{ticket.requester.first_name | default: "there"}},',
      "      Here's what I can do about it.",
      '',
    ]);
    expect(changedStrings(yaml.parse(before), yaml.parse(after))).toEqual(['replies[0].body', 'replies[1].body', 'replies[2].body']);
  });

  it('CSV: only the reply column changes; quoted fields stay quoted and parse to the fixed reply', () => {
    const { before, after } = fixTwice('reply-library.csv');
    const rows = (text: string) => parseCsv(text).rows.items.map((row) => Object.fromEntries([...(row.kind === 'object' ? row.entries : [])].map(([column, value]) => [column, value.kind === 'string' ? value.value : value])));
    const [rowsBefore, rowsAfter] = [rows(before), rows(after)];
    const changed = changedStrings(rowsBefore, rowsAfter);
    expect(changed.length).toBeGreaterThan(0);
    for (const path of changed) expect(path).toMatch(/^\[\d+\]\.body$/u);
    expect(skeleton(after, CSV_QUOTED_FIELD)).toBe(skeleton(before, CSV_QUOTED_FIELD));
    expect(rowsAfter[0]!.body).toContain('To recap, the refund takes 5–7 days. I understand how frustrating this is.');
  });

  it('--fix-dry-run leaves the export alone and gives the fixed file as output', () => {
    const before = read('zendesk-macros.json');
    const [result] = JSON.parse(replylint(['--fix-dry-run', '--format', 'json', 'zendesk-macros.json']).stdout) as Array<{ output?: string }>;
    expect(read('zendesk-macros.json')).toBe(before);
    expect(() => JSON.parse(result!.output!)).not.toThrow();
    replylint(['--fix', 'zendesk-macros.json']);
    expect(read('zendesk-macros.json')).toBe(result!.output);
  });
});

/**
 * The built `replylint` on Markdown, HTML and .eml sources: folders pick them up, positions are
 * in the source file, the MIME part is named in every format, and bad sources exit 2 while the
 * other files are still linted.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../packages/cli/bin/replylint.js', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/sources/', import.meta.url));
// Only rude-phrasing: these tests are about where findings land, not about every rule.
const ONLY_RUDE = ['--no-config', '--rule', 'canned-response:off', '--rule', 'missing-agent-name:off', '--rule', 'missing-timeframe:off', '--rule', 'weak-closing:off'];

function replylint(args: string[], input = '') {
  const result = spawnSync(process.execPath, [bin, ...ONLY_RUDE, ...args], { cwd: fixtures, input, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; line: number; column: number; endLine: number; endColumn: number; target?: string; suggestions?: unknown[]; message: string }>;
}

const source = (name: string) => readFileSync(join(fixtures, name), 'utf8');
/** 1-based line and column of the first occurrence of `needle` in a fixture. */
function positionOf(name: string, needle: string): [number, number] {
  const before = source(name).slice(0, source(name).indexOf(needle)).split(/\r\n|\n/u);
  return [before.length, before[before.length - 1]!.length + 1];
}

describe('replylint on Markdown, HTML and .eml', () => {
  it('lints a folder of .md, .html and .eml files at their source positions', () => {
    const result = replylint(['--format', 'json', 'library']);
    expect(result.status).toBe(0);
    const files = JSON.parse(result.stdout) as JsonResult[];
    expect(files.map((file) => file.filePath).sort()).toEqual([join('library', 'refund-macro.html'), join('library', 'refund-reply.eml'), join('library', 'shipping-delay.md')]);
    for (const file of files) {
      // Code blocks, URLs, inline code and disabled lines hold rude phrases too: only the prose counts.
      expect(file.messages.map((message) => [message.line, message.column]), file.filePath).toEqual([positionOf(file.filePath, 'As I said on the phone')]);
    }
    const eml = files.find((file) => file.filePath.endsWith('.eml'))!;
    expect(eml.messages[0]!.target).toBe('text/plain part');
    // Quoted-printable: the rewrite cannot be written back as it is.
    expect(eml.messages[0]!.suggestions).toBeUndefined();
    const markdown = files.find((file) => file.filePath.endsWith('.md'))!;
    expect(markdown.messages[0]!.target).toBeUndefined();
    expect(markdown.messages[0]!.suggestions).toHaveLength(1);
  });

  it('names the MIME part in stylish, SARIF, JUnit and GitHub output', () => {
    expect(replylint(['library/refund-reply.eml']).stdout).toMatch(/13:50 {2}warning .* rude-phrasing {2}\(text\/plain part\)/u);
    const sarif = JSON.parse(replylint(['--format', 'sarif', 'library/refund-reply.eml']).stdout);
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    const ajv = new Ajv04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats.default(ajv);
    expect(ajv.validate(schema, sarif), JSON.stringify(ajv.errors)).toBe(true);
    expect(sarif.runs[0].results[0].locations[0].logicalLocations).toEqual([{ name: 'text/plain part', kind: 'resource' }]);
    expect(replylint(['--format', 'junit', 'library/refund-reply.eml']).stdout).toContain('name="rude-phrasing at 13:50 in text/plain part"');
    expect(replylint(['--format', 'github', 'library/refund-reply.eml']).stdout).toContain('title=rude-phrasing (text/plain part)');
  });

  it('--input-format forces a format; stdin follows --stdin-filename', () => {
    const html = '<p>Hi Sam,</p><p>As I <b>said</b> on the phone, it ships.</p>';
    const forced = JSON.parse(replylint(['--format', 'json', '--input-format', 'html', '-'], html).stdout) as JsonResult[];
    expect(forced[0]!.messages.map((message) => [message.line, message.column, message.endColumn])).toEqual([[1, 18, 47]]);
    const named = JSON.parse(replylint(['--format', 'json', '--stdin-filename', 'macro.html', '-'], html).stdout) as JsonResult[];
    expect(named[0]!.messages).toEqual(forced[0]!.messages);
    // Read as plain text, the tags stay and split the phrase: nothing is found.
    const plain = JSON.parse(replylint(['--format', 'json', '-'], html).stdout) as JsonResult[];
    expect(plain[0]!.messages).toEqual([]);
  });

  it('exits 2 on an unknown --input-format', () => {
    const result = replylint(['--input-format', 'docx', 'library']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("argument 'docx' is invalid");
  });

  it('names a broken .eml and an unknown rule in a directive, exits 2, and lints the other files', () => {
    const result = replylint(['--format', 'json', 'broken.eml', 'bad-directive.md', 'library/shipping-delay.md']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('broken.eml: is not an email message');
    expect(result.stderr).toContain('bad-directive.md: line 3: replylint-disable names an unknown rule "weak-closng"');
    const files = JSON.parse(result.stdout) as JsonResult[];
    expect(files.map((file) => [file.filePath, file.messages[0]?.ruleId ?? null])).toEqual([
      ['broken.eml', null],
      ['bad-directive.md', null],
      [join('library', 'shipping-delay.md'), 'rude-phrasing'],
    ]);
  });
});

/**
 * The built `replylint` on help-desk exports: findings at their place in the export, named by
 * template; fixes escaped for the file; malformed exports exit 2 with the file, line and problem
 * named while the other files are still linted; field mappings from flags and configuration.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { readFixture } from './export-helpers.js';

const bin = fileURLToPath(new URL('../packages/cli/bin/replylint.js', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/exports/', import.meta.url));
// Only rude-phrasing: these tests are about where findings land, not about every rule.
const onlyRude = join(mkdtempSync(join(tmpdir(), 'replylint-exports-')), 'only-rude.json');
writeFileSync(onlyRude, JSON.stringify({ extends: [], rules: { 'rude-phrasing': 'warn' } }));

function replylint(args: string[], options: { cwd?: string; config?: boolean } = {}) {
  const result = spawnSync(process.execPath, [bin, ...(options.config ? [] : ['--config', onlyRude]), ...args], { cwd: options.cwd ?? fixtures, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; line: number; column: number; target?: string; message: string; fatal?: boolean; suggestions?: Array<{ fix: { range: [number, number]; text: string } }> }>;
}

describe('replylint on help-desk exports', () => {
  it('shows each finding at its place in the Zendesk export, with the macro\'s title', () => {
    const result = replylint(['zendesk-macros.json']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/16:53\s+warning\s+"As I already explained".*rude-phrasing\s+\(Billing::Refund delay\)/u);
    expect(result.stdout).toMatch(/16:114\s+warning\s+"Please calm down".*\(Billing::Refund delay\)/u);
    // The internal note says "calm down" too, but no customer reads it.
    expect(result.stdout).not.toContain('Internal handover');
  });

  it('fixes are the rewrite escaped for the JSON string, and apply cleanly', () => {
    const [file] = JSON.parse(replylint(['--format', 'json', 'zendesk-macros.json']).stdout) as JsonResult[];
    const calm = file!.messages.find((message) => message.line === 16 && message.column === 114)!;
    const { range, text } = calm.suggestions![0]!.fix;
    const source = readFixture('zendesk-macros.json');
    expect(source.slice(range[0], range[1])).toBe('Please calm down');
    const fixed = JSON.parse(source.slice(0, range[0]) + text + source.slice(range[1])) as { macros: Array<{ actions: Array<{ value: unknown }> }> };
    expect((fixed.macros[0]!.actions[2]!.value as string[])[1]).toContain('5–7 business days. I understand how frustrating this is and wait');
  });

  it('lints every format in one run; malformed exports exit 2 with file:line:column and the problem, the others are still reported', () => {
    const result = replylint(['--format', 'json', '*.json', '*.yaml', '*.csv', '*.jsonl', 'malformed/*', '--template-field', 'replies[].body', '--template-name-field', 'title']);
    expect(result.status).toBe(2);
    for (const problem of ['malformed/invalid.json:4:3: invalid JSON', 'malformed/invalid.yaml:5:1: invalid YAML', 'malformed/invalid.csv:2:3: invalid CSV', 'malformed/wrong-shape.json:1:1: no value at "replies[].body"', 'malformed/empty-macros.json:1:1: no value at "replies[].body"']) {
      expect(result.stderr).toContain(`replylint: ${problem}`);
    }
    const byFile = new Map((JSON.parse(result.stdout) as JsonResult[]).map((file) => [file.filePath, file]));
    expect(byFile.get('reply-library.yaml')!.messages.map((message) => `${message.line}:${message.column} ${message.target}`)).toEqual(['8:7 Refund delay', '8:68 Refund delay', "18:7 Can't log in"]);
    expect(byFile.get('malformed/invalid.json')!.messages).toEqual([expect.objectContaining({ fatal: true, line: 4, column: 3 })]);
  });

  it('detects each help desk by shape; a wrong shape or an empty export is a clear error', () => {
    const result = replylint(['--format', 'json', 'helpscout-saved-replies.json', 'freshdesk-canned-responses.json', 'intercom-macros.json', 'gorgias-macros.json', 'malformed/wrong-shape.json', 'malformed/empty-macros.json']);
    expect(result.status).toBe(2);
    const targets = (JSON.parse(result.stdout) as JsonResult[]).flatMap((file) => file.messages.filter((message) => message.ruleId).map((message) => `${file.filePath} ${message.target}`));
    expect(new Set(targets)).toEqual(new Set(['helpscout-saved-replies.json Refund status', 'freshdesk-canned-responses.json Delivery delay apology', 'intercom-macros.json Bug acknowledged', 'gorgias-macros.json Wrong size']));
    expect(result.stderr).toContain('replylint: malformed/wrong-shape.json:1:1: not a help-desk export replylint knows');
    expect(result.stderr).toContain('replylint: malformed/empty-macros.json:1:1: no templates to lint: "macros" is empty');
    const badPath = replylint(['--template-field', 'replies..body', 'reply-library.yaml']);
    expect(badPath.status).toBe(2);
    expect(badPath.stderr).toContain('"replies..body" is not a field path');
    const forced = replylint(['--input-format', 'zendesk', 'gorgias-macros.json']);
    expect(forced.status).toBe(2);
    expect(forced.stderr).toMatch(/gorgias-macros\.json:1:1: not a help-desk export replylint knows \(expected Zendesk macros:/u);
  });

  it('JSON Lines: --jsonl with --jsonl-field reads any file; a bad line is an error in place and the other lines are linted', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'replylint-jsonl-'));
    copyFileSync(join(fixtures, 'sent-replies.jsonl'), join(workspace, 'archive.txt'));
    const result = replylint(['--jsonl', '--jsonl-field', 'reply', 'archive.txt'], { cwd: workspace });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('replylint: archive.txt:3:38: invalid JSON: unterminated string');
    expect(result.stdout).toMatch(/1:51\s+warning\s+"As I already explained".*\(line 1 \(t-5001\)\)/u);
    expect(result.stdout).toMatch(/3:38\s+error\s+invalid JSON: unterminated string/u);
    expect(result.stdout).toMatch(/6:50\s+warning\s+"Please calm down".*\(line 6 \(t-5005\)\)/u);
  });

  it('a bad line is a SARIF notification at its place and a JUnit error; the findings of the other lines are results', () => {
    const sarif = JSON.parse(replylint(['--format', 'sarif', 'sent-replies.jsonl']).stdout);
    const schema = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    const ajv = new Ajv04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats.default(ajv);
    expect(ajv.validate(schema, sarif), JSON.stringify(ajv.errors)).toBe(true);
    const [run] = sarif.runs;
    expect(run.results.map((result: { locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) => result.locations[0]!.physicalLocation.region.startLine)).toEqual([1, 1, 6]);
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications.map((notification: { message: { text: string }; locations: Array<{ physicalLocation: { region: unknown } }> }) => [notification.message.text, notification.locations[0]!.physicalLocation.region])).toEqual([
      ['invalid JSON: unterminated string', { startLine: 3, startColumn: 38 }],
      ['no "reply", "body", "text", "content", "message" field in this record (name it with --jsonl-field)', { startLine: 4, startColumn: 1 }],
    ]);
    const junit = replylint(['--format', 'junit', 'sent-replies.jsonl']).stdout;
    expect(junit).toContain('<testsuite name="sent-replies.jsonl" tests="5" failures="3" errors="2"');
    expect(junit).toContain('<testcase classname="sent-replies.jsonl" name="replylint at 3:38"');
  });

  it('configuration templates map a library by glob, relative to the configuration file', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'replylint-templates-'));
    mkdirSync(join(workspace, 'library'));
    mkdirSync(join(workspace, 'other'));
    writeFileSync(join(workspace, '.replylintrc.json'), JSON.stringify({ extends: [], rules: { 'rude-phrasing': 'warn' }, templates: [{ files: 'library/*.yaml', field: 'replies[].body', name: 'title', platform: 'zendesk' }] }));
    copyFileSync(join(fixtures, 'reply-library.yaml'), join(workspace, 'library/replies.yaml'));
    copyFileSync(join(fixtures, 'reply-library.yaml'), join(workspace, 'other/replies.yaml'));
    const run = replylint(['library/replies.yaml', 'other/replies.yaml'], { cwd: workspace, config: true });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/library\/replies\.yaml\n\s+8:7\s+warning\s+"As I already explained".*\(Refund delay\)/u);
    expect(run.stderr).toContain('replylint: other/replies.yaml:2:1: not a help-desk export replylint knows');
    const badConfig = join(workspace, 'bad.json');
    writeFileSync(badConfig, JSON.stringify({ templates: [{ files: 'x.yaml', feild: 'body' }] }));
    const invalid = replylint(['--config', badConfig, 'library/replies.yaml'], { cwd: workspace, config: true });
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('(templates[0].feild): unknown key (expected one of: files, field, name, platform)');
  });
});

/**
 * Black-box tests of the built `replylint` executable's reports for CI: SARIF (validated
 * against the official SARIF 2.1.0 schema), GitHub workflow commands, JUnit XML,
 * --output-file, the quality score and the library summary line.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../packages/cli/bin/replylint.js', import.meta.url));

function replylint(args: string[], cwd = workspace) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, input: '', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The official schema (OASIS SARIF 2.1.0, as published on SchemaStore), shipped by Microsoft's SARIF SDK.
const require = createRequire(import.meta.url);
const sarifSchema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// One pattern in the official schema is not valid under the u flag, so Ajv compiles without it.
// (CommonJS packages: their classes are on `default` under Node's ESM interop.)
const ajv = new Ajv04.default({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(sarifSchema);

const RUDE = 'Hi Marcus,\n\nAs I said on the phone, the refund takes five days. Please calm down.\n\nBest,\nKai Andersen\n';
const CLEAN = 'Hi Marcus,\n\nI refunded the $40 charge this morning.\n\nBest,\nKai Andersen\n';
// CRLF and characters outside the BMP before the finding: SARIF columns and offsets are UTF-16.
const UNICODE = 'Hi Zoë 👋,\r\n\r\n😀 As I said on the phone, it ships today.\r\n\r\nBest,\r\nKai Andersen\r\n';
const RESPECT = 'Hi Sam,\n\nWith respect, the parcel left our warehouse on Monday.\n\nBest,\nKai Andersen\n';
// A team phrase whose message holds everything the formats must escape.
const AWKWARD_MESSAGE = '100% a reprimand: "<no>", & \'really\'\u0001\nrephrase it';
const CONFIG = { extends: [], rules: { 'rude-phrasing': ['warn', { add: [{ pattern: 'with respect', message: AWKWARD_MESSAGE }] }] } };
const AWKWARD_FILE = 'odd, name: 100%.txt';

let workspace: string;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'replylint-formats-'));
  writeFileSync(join(workspace, '.replylintrc.json'), JSON.stringify(CONFIG));
  writeFileSync(join(workspace, 'rude.txt'), RUDE);
  writeFileSync(join(workspace, 'clean.txt'), CLEAN);
  mkdirSync(join(workspace, 'saved replies'));
  writeFileSync(join(workspace, 'saved replies', 'unicode.txt'), UNICODE);
  writeFileSync(join(workspace, AWKWARD_FILE), RESPECT);
});

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  charOffset: number;
  charLength: number;
}

function sarif(args: string[]) {
  const result = replylint(['--format', 'sarif', ...args]);
  return { ...result, log: JSON.parse(result.stdout) as Record<string, any> };
}

describe('--format sarif', () => {
  it('is valid against the official SARIF 2.1.0 schema, with findings, fixes, failures and clean files', () => {
    const { log, status } = sarif(['--rule', 'rude-phrasing:error', 'rude.txt', 'clean.txt', 'saved replies/unicode.txt', AWKWARD_FILE, 'missing.txt']);
    expect(status).toBe(2);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
    expect(log).toMatchObject({ version: '2.1.0', $schema: 'https://json.schemastore.org/sarif-2.1.0.json' });
  });

  it('the schema check fails on a log the schema forbids', () => {
    const { log } = sarif(['rude.txt']);
    log.runs[0].results[0].level = 'warn';
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validateSarif(log)).toBe(false);
    expect(validateSarif.errors!.map((error) => error.instancePath)).toEqual(
      expect.arrayContaining(['/runs/0/results/0/level', '/runs/0/results/0/locations/0/physicalLocation/region/startLine']),
    );
  });

  it('describes every rule with its metadata, help URI and default level', () => {
    const { log } = sarif(['rude.txt']);
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'replylint', informationUri: expect.stringMatching(/^https:\/\//u) });
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+$/u);
    const ids = (driver.rules as Array<{ id: string }>).map((rule) => rule.id);
    expect(ids).toEqual(expect.arrayContaining(['rude-phrasing', 'canned-response', 'missing-agent-name', 'missing-timeframe', 'weak-closing']));
    const rude = driver.rules[ids.indexOf('rude-phrasing')];
    expect(rude).toMatchObject({
      shortDescription: { text: 'Condescending, blaming, dismissive or argumentative phrasing' },
      helpUri: expect.stringMatching(/\/rules\/rude-phrasing\.md$/u),
      defaultConfiguration: { level: 'warning' },
      properties: { category: 'tone', principle: expect.stringContaining('Courtesy') },
    });
    // The rationale from the rule's documentation, not a repeat of the one-liner.
    expect(rude.fullDescription.text).toMatch(/^A customer reading a reply cannot see your face/u);
    expect(rude.help.markdown).toMatch(/^# rude-phrasing\n/u);
  });

  it('locates each result by line, column and UTF-16 offset, and carries the rewrites as fixes', () => {
    const { log } = sarif(['--rule', 'rude-phrasing:error', 'rude.txt', 'saved replies/unicode.txt']);
    const run = log.runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.artifacts.map((artifact: any) => artifact.location)).toEqual([
      { uri: 'rude.txt', uriBaseId: '%SRCROOT%' },
      { uri: 'saved%20replies/unicode.txt', uriBaseId: '%SRCROOT%' },
    ]);
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/u);

    const [unicode] = (run.results as any[]).filter((result) => result.locations[0].physicalLocation.artifactLocation.index === 1);
    expect(unicode).toMatchObject({ ruleId: 'rude-phrasing', level: 'error' });
    expect(run.tool.driver.rules[unicode.ruleIndex].id).toBe('rude-phrasing');
    const region = unicode.locations[0].physicalLocation.region as SarifRegion;
    expect(UNICODE.slice(region.charOffset, region.charOffset + region.charLength)).toBe('As I said on the phone');
    // "😀 " is three UTF-16 code units on the third line.
    expect(region).toMatchObject({ startLine: 3, startColumn: 4, endLine: 3, endColumn: 26 });

    const [fix] = unicode.fixes;
    const { deletedRegion, insertedContent } = fix.artifactChanges[0].replacements[0];
    const fixed = UNICODE.slice(0, deletedRegion.charOffset) + insertedContent.text + UNICODE.slice(deletedRegion.charOffset + deletedRegion.charLength);
    expect(fixed).toBe(UNICODE.replace('As I said on the phone', 'To recap our call'));
    expect(fix.artifactChanges[0].artifactLocation.uri).toBe('saved%20replies/unicode.txt');
  });

  it('gives each file its quality score and reports unreadable files as notifications', () => {
    const { log } = sarif(['rude.txt', 'clean.txt', 'missing.txt']);
    const run = log.runs[0];
    expect(run.artifacts.map((artifact: any) => [artifact.location.uri, artifact.properties.score])).toEqual([
      ['rude.txt', 84],
      ['clean.txt', 100],
    ]);
    expect(run.results.every((result: any) => !('properties' in result))).toBe(true);
    expect(run.invocations[0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [{ level: 'error', message: { text: expect.stringContaining('no such file') }, locations: [{ physicalLocation: { artifactLocation: { uri: 'missing.txt' } } }] }],
    });
    expect(sarif(['clean.txt']).log.runs[0]).toMatchObject({ results: [], invocations: [{ executionSuccessful: true, toolExecutionNotifications: [] }] });
  });
});

describe('--format github', () => {
  it('prints one workflow command per finding with position, rule id and rewrite', () => {
    const result = replylint(['--format', 'github', 'rude.txt', 'clean.txt']);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      '::warning file=rude.txt,line=3,endLine=3,col=1,endColumn=23,title=rude-phrasing::"As I said on the phone" reminds the customer they were told already%0ASuggested rewrite: To recap our call',
      expect.stringMatching(/^::warning file=rude\.txt,line=3,endLine=3,col=53,endColumn=69,title=rude-phrasing::"Please calm down" .*%0ASuggested rewrite: /u),
      '',
    ]);
    expect(replylint(['--format', 'github', '--rule', 'rude-phrasing:error', 'rude.txt']).stdout).toMatch(/^::error file=rude\.txt,line=3,/u);
  });

  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    const { stdout } = replylint(['--format', 'github', AWKWARD_FILE]);
    expect(stdout).toBe(
      `::warning file=odd%2C name%3A 100%25.txt,line=3,endLine=3,col=1,endColumn=13,title=rude-phrasing::100%25 a reprimand: "<no>", & 'really'\u0001%0Arephrase it\n`,
    );
  });

  it('annotates a file that could not be read as an error on that file', () => {
    const result = replylint(['--format', 'github', 'missing.txt', 'clean.txt']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('::error file=missing.txt,title=replylint::missing.txt: no such file\n');
  });
});

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A strict parser for the subset of XML the JUnit report uses: it throws on anything not well-formed. */
function parseXml(xml: string): XmlElement {
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(xml)) throw new Error('a character XML 1.0 does not allow');
  const unescape = (text: string): string => {
    if (/[<]|&(?!(?:amp|lt|gt|quot|apos|#\d+);)/u.test(text)) throw new Error(`unescaped markup in ${JSON.stringify(text)}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    return text.replace(/&(#?\w+);/gu, (_, entity: string) => (entity.startsWith('#') ? String.fromCodePoint(Number(entity.slice(1))) : named[entity]!));
  };
  const document: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const open = [document];
  const token = /<\?xml [^?]*\?>|<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.-]+="[^"]*")*)\s*(\/?)>|([^<]+)/gy;
  while (token.lastIndex < xml.length) {
    const at = token.lastIndex;
    const match = token.exec(xml);
    if (!match) throw new Error(`not well-formed at ${at}: ${xml.slice(at, at + 40)}`);
    const [, closing, name, attributes, selfClosing, text] = match;
    const parent = open.at(-1)!;
    if (text !== undefined) parent.text += unescape(text);
    else if (closing) {
      if (open.pop()?.name !== name) throw new Error(`</${name}> closes ${parent.name}`);
    } else if (name !== undefined) {
      const pairs = [...attributes!.matchAll(/([\w.-]+)="([^"]*)"/gu)].map(([, key, value]) => [key!, unescape(value!)] as const);
      const element: XmlElement = { name, attributes: Object.fromEntries(pairs), children: [], text: '' };
      parent.children.push(element);
      if (!selfClosing) open.push(element);
    }
  }
  if (open.length !== 1 || document.children.length !== 1) throw new Error('unclosed elements or several roots');
  return document.children[0]!;
}

describe('--format junit', () => {
  it('writes one testsuite per file: a failing testcase per finding, a passing one for a clean file', () => {
    const result = replylint(['--format', 'junit', 'rude.txt', 'clean.txt', 'missing.txt']);
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /u);
    const root = parseXml(result.stdout);
    expect(root).toMatchObject({ name: 'testsuites', attributes: { tests: '4', failures: '2', errors: '1' } });
    const [rude, clean, missing] = root.children;
    expect(rude!.attributes).toMatchObject({ name: 'rude.txt', tests: '2', failures: '2', errors: '0' });
    expect(rude!.children[0]!.children).toEqual([{ name: 'property', attributes: { name: 'score', value: '84' }, children: [], text: '' }]);
    const [first] = rude!.children.filter((child) => child.name === 'testcase');
    expect(first!.attributes).toMatchObject({ classname: 'rude.txt', name: 'rude-phrasing at 3:1', file: 'rude.txt' });
    expect(first!.children[0]).toMatchObject({ name: 'failure', attributes: { type: 'warning', message: expect.stringContaining('"As I said on the phone"') } });
    expect(first!.children[0]!.text).toContain('rude.txt:3:1: "As I said on the phone" reminds the customer they were told already (rude-phrasing)\nSuggested rewrite: To recap our call');

    expect(clean!.attributes).toMatchObject({ name: 'clean.txt', tests: '1', failures: '0', errors: '0' });
    expect(clean!.children.find((child) => child.name === 'testcase')).toMatchObject({ attributes: { name: 'replylint' }, children: [] });
    expect(missing!.attributes).toMatchObject({ name: 'missing.txt', tests: '1', failures: '0', errors: '1' });
    expect(missing!.children[0]!.children[0]).toMatchObject({ name: 'error', text: expect.stringContaining('no such file') });
  });

  it('escapes markup and quotes, and replaces characters XML cannot hold', () => {
    const { stdout } = replylint(['--format', 'junit', AWKWARD_FILE]);
    const failure = parseXml(stdout).children[0]!.children.find((child) => child.name === 'testcase')!.children[0]!;
    expect(failure.attributes.message).toBe(AWKWARD_MESSAGE.replace('\u0001', '\uFFFD'));
    expect(failure.text).toContain(AWKWARD_MESSAGE.replace('\u0001', '\uFFFD'));
    expect(parseXml(stdout).children[0]!.attributes.name).toBe(AWKWARD_FILE);
  });
});

describe('--output-file', () => {
  it('writes the report only to the file, creating folders, and keeps the lint exit code', () => {
    const result = replylint(['--format', 'sarif', '--rule', 'rude-phrasing:error', '--output-file', 'reports/ci/replylint.sarif', 'rude.txt']);
    expect(result).toMatchObject({ status: 1, stdout: '', stderr: '' });
    const log = JSON.parse(readFileSync(join(workspace, 'reports/ci/replylint.sarif'), 'utf8'));
    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0].results).toHaveLength(2);
    // Written through a temporary file and a rename: nothing else is left in the folder.
    expect(readdirSync(join(workspace, 'reports/ci'))).toEqual(['replylint.sarif']);
  });

  it('replaces an existing report, keeping its permissions, and writes stylish output without colour', () => {
    const path = join(workspace, 'stylish-report.txt');
    writeFileSync(path, 'an old report that is much longer than the new one will be\n'.repeat(100));
    chmodSync(path, 0o640);
    const result = replylint(['-o', 'stylish-report.txt', 'rude.txt'], workspace);
    expect(result).toMatchObject({ status: 0, stdout: '' });
    const report = readFileSync(path, 'utf8');
    expect(report).toContain('✖ 2 problems (0 errors, 2 warnings)');
    expect(report).not.toContain('an old report');
    expect(report).not.toContain('\u001B[');
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('exits 2 naming the path when the report cannot be written', () => {
    const result = replylint(['--format', 'json', '--output-file', 'rude.txt/report.json', 'clean.txt']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cannot write the report to rude.txt/report.json');
  });
});

describe('quality score and summary', () => {
  it('gives each file a 0–100 score in the JSON output, null when it could not be linted', () => {
    const files = JSON.parse(replylint(['--format', 'json', 'rude.txt', 'clean.txt', 'missing.txt']).stdout) as Array<{ filePath: string; score: number | null }>;
    expect(files.map((file) => [file.filePath, file.score])).toEqual([
      ['rude.txt', 84],
      ['clean.txt', 100],
      ['missing.txt', null],
    ]);
    const asErrors = JSON.parse(replylint(['--format', 'json', '--rule', 'rude-phrasing:error', 'rude.txt']).stdout) as Array<{ score: number }>;
    expect(asErrors[0]!.score).toBe(60);
  });

  it('prints a summary line after the stylish output when more than one file was linted', () => {
    const several = replylint(['rude.txt', 'clean.txt', 'saved replies/unicode.txt']);
    expect(several.stdout).toMatch(/✖ 3 problems \(0 errors, 3 warnings\)\n3 templates, 2 with warnings, median score 92\n$/u);
    expect(replylint(['clean.txt', AWKWARD_FILE]).stdout).toMatch(/\n2 templates, 1 with warnings, median score 96\n$/u);
    expect(replylint(['--rule', 'rude-phrasing:error', 'rude.txt', 'clean.txt', 'missing.txt']).stdout).toMatch(
      /\n2 templates, 1 with errors, 0 with warnings, median score 80, 1 not linted\n$/u,
    );
    expect(replylint(['clean.txt', AWKWARD_FILE.replace('odd', 'absent')]).stdout).toBe('1 template, 0 with warnings, median score 100, 1 not linted\n');
    expect(replylint(['rude.txt']).stdout).not.toMatch(/templates?, /u);
  });

  it('counts each template of an export in the summary line, with its own score in JSON', () => {
    const exportsDir = fileURLToPath(new URL('./fixtures/exports/', import.meta.url));
    const [result] = JSON.parse(replylint(['--format', 'json', 'zendesk-macros.json'], exportsDir).stdout) as Array<{ replies: Array<{ target: string; score: number; errorCount: number; warningCount: number }> }>;
    expect(result!.replies.map((reply) => reply.target)).toEqual(['Billing::Refund delay', 'Shipping::Order shipped', 'Account::Password reset', 'General::Looking into it']);
    const { errorCount, warningCount, score } = result!.replies.find((reply) => reply.target === 'General::Looking into it')!;
    expect({ errorCount, warningCount, score }).toEqual({ errorCount: 0, warningCount: 2, score: 84 });
    const median = [...result!.replies.map((reply) => reply.score)].sort((a, b) => a - b).slice(1, 3).reduce((sum, value) => sum + value, 0) / 2;
    expect(replylint(['zendesk-macros.json'], exportsDir).stdout).toMatch(new RegExp(`\\n4 templates, 3 with errors, 1 with warnings, median score ${median}\\n$`, 'u'));
  });
});

describe('info severity (style advice)', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'replylint-info-'));
    writeFileSync(join(folder, '.replylintrc.json'), JSON.stringify({ extends: [], rules: { 'rude-phrasing': 'info' } }));
    writeFileSync(join(folder, 'rude.txt'), RUDE);
  });

  it('is shown as info, not counted as a warning, and fails nothing', () => {
    const stylish = replylint(['--max-warnings', '0', 'rude.txt'], folder);
    expect(stylish.status).toBe(0);
    expect(stylish.stdout).toMatch(/3:1 +info {5}"As I said on the phone"/u);
    expect(stylish.stdout).toContain('(0 errors, 0 warnings, 2 infos)');

    const [result] = JSON.parse(replylint(['--format', 'json', 'rude.txt'], folder).stdout) as Array<{ messages: Array<{ severity: number }>; warningCount: number; infoCount: number; score: number }>;
    expect(result!.messages.map((message) => message.severity)).toEqual([0, 0]);
    expect([result!.warningCount, result!.infoCount, result!.score]).toEqual([0, 2, 96]);
  });

  it('is a SARIF note, a GitHub notice and no JUnit failure', () => {
    const sarif = JSON.parse(replylint(['--format', 'sarif', 'rude.txt'], folder).stdout) as { runs: Array<{ results: Array<{ level: string }> }> };
    expect(validateSarif(sarif)).toBe(true);
    expect(sarif.runs[0]!.results.map((result) => result.level)).toEqual(['note', 'note']);
    expect(replylint(['--format', 'github', 'rude.txt'], folder).stdout).toMatch(/^::notice file=rude\.txt,line=3,/mu);
    const junit = replylint(['--format', 'junit', 'rude.txt'], folder).stdout;
    expect(junit).toContain('failures="0"');
    expect(junit).not.toContain('<failure');
  });
});

describe('TACTICS coverage in reports', () => {
  const exportsDir = fileURLToPath(new URL('./fixtures/exports/', import.meta.url));

  it('lists, per reply, the steps it takes and where, in JSON', () => {
    const [result] = JSON.parse(replylint(['--format', 'json', 'zendesk-macros.json'], exportsDir).stdout) as Array<{ tactics: Array<{ target: string; covered: string[]; missing: string[]; steps: Record<string, { line: number } | null> }> }>;
    const byTemplate = new Map(result!.tactics.map((reply) => [reply.target, reply]));
    expect([...byTemplate.keys()]).toEqual(['Billing::Refund delay', 'Shipping::Order shipped', 'Account::Password reset', 'General::Looking into it']);
    const reset = byTemplate.get('Account::Password reset')!;
    expect(reset.covered).toEqual(['takeAction', 'ownership']);
    expect(reset.covered.length + reset.missing.length).toBe(7);
    // Each covered step points into the export file, at its template's string.
    const source = readFileSync(join(exportsDir, 'zendesk-macros.json'), 'utf8').split('\n');
    expect(source[reset.steps.takeAction!.line - 1]).toContain('"value"');
    expect(byTemplate.get('Billing::Refund delay')!.covered).toEqual([]);
  });

  it('is a property of each SARIF artifact, and absent from the other formats', () => {
    const sarif = JSON.parse(replylint(['--format', 'sarif', 'clean.txt']).stdout) as { runs: Array<{ artifacts: Array<{ properties: { tactics: Array<{ covered: string[] }> } }> }> };
    expect(validateSarif(sarif)).toBe(true);
    expect(sarif.runs[0]!.artifacts[0]!.properties.tactics[0]!.covered).toEqual(expect.arrayContaining(['takeAction', 'ownership']));
    expect(replylint(['--format', 'junit', 'clean.txt']).stdout).not.toContain('tactics');
  });
});

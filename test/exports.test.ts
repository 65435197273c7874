/**
 * Help-desk exports: which replies each format yields, named how, and that every finding
 * lands on its phrase inside the string in the export file; rewrites written back with the
 * file's escaping; malformed exports give errors that name the place and the problem.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, validateConfig, type LintTarget } from '../packages/core/src/index.js';
import { loadYaml } from '../packages/core/src/sources/exports/yaml.js';
import { extract, lintTargets, readFixture, type PlacedFinding } from './export-helpers.js';

const { parse: parseYamlValue } = await loadYaml();

const FIXTURES: Array<[file: string, options: { field?: string; name?: string }]> = [
  ['zendesk-macros.json', {}],
  ['helpscout-saved-replies.json', {}],
  ['freshdesk-canned-responses.json', {}],
  ['intercom-macros.json', {}],
  ['gorgias-macros.json', {}],
  ['reply-library.yaml', { field: 'replies[].body', name: 'title' }],
  ['reply-library.csv', {}],
  ['sent-replies.jsonl', {}],
];

async function lintFixture(file: string, options: { field?: string; name?: string } = {}): Promise<{ text: string; targets: LintTarget[]; findings: PlacedFinding[] }> {
  const text = readFixture(file);
  const { targets } = await extract(text, { path: file, ...options });
  return { text, targets, findings: await lintTargets(text, targets) };
}

const lineOf = (text: string, line: number): string => text.split(/\r\n|\n/u)[line - 1]!;
const summary = (findings: PlacedFinding[], ruleId = 'rude-phrasing'): string[] => findings.filter((finding) => finding.ruleId === ruleId).map((finding) => `${finding.template} ${finding.line}:${finding.column} ${finding.actual}`);

describe('help-desk exports by shape', () => {
  it('Zendesk: comment actions of each macro, by title; internal notes are skipped', async () => {
    const { targets, findings } = await lintFixture('zendesk-macros.json');
    expect(targets.map((target) => target.name)).toEqual(['Billing::Refund delay', 'Shipping::Order shipped', 'Account::Password reset', 'General::Looking into it']);
    expect(targets.every((target) => target.document.kind === 'template' && target.document.platform === 'zendesk')).toBe(true);
    // The ["channel:all", text] form; an HTML comment (the 🚚 is a surrogate-pair escape) reads as its text.
    expect(targets[0]!.content.text).toMatch(/^Hi \{\{ticket\.requester\.first_name\}\},\n\nAs I already explained, refunds take 5–7/u);
    expect(targets[1]!.content.text).toContain('your order & its gift wrap left our warehouse today 🚚.');
    expect(summary(findings)).toEqual(['Billing::Refund delay 16:53 As I already explained', 'Billing::Refund delay 16:114 Please calm down']);
    expect(findings.some((finding) => finding.actual.includes('difficult'))).toBe(false);
  });

  it('Help Scout: saved replies are HTML, named by name', async () => {
    const { targets, findings } = await lintFixture('helpscout-saved-replies.json');
    expect(targets.map((target) => [target.name, target.document.platform])).toEqual([['Refund status', 'helpscout'], ['Invoice copy', 'helpscout'], ['Feature request', 'helpscout']]);
    expect(targets[2]!.content.text).toContain('Thanks for the idea — we will look into it.');
    expect(summary(findings)).toEqual(['Refund status 5:67 As I said before', 'Refund status 5:111 Please calm down']);
  });

  it('Freshdesk and Intercom: a plain-text body that repeats its HTML is linted once, as the HTML', async () => {
    for (const [file, platform] of [['freshdesk-canned-responses.json', 'freshdesk'], ['intercom-macros.json', 'intercom']] as const) {
      const { targets, findings } = await lintFixture(file);
      expect(targets).toHaveLength(2);
      expect(targets.every((target) => target.document.platform === platform)).toBe(true);
      expect(summary(findings)).toHaveLength(2);
    }
    const { findings } = await lintFixture('freshdesk-canned-responses.json');
    expect(summary(findings)).toEqual(['Delivery delay apology 7:82 As I already told you', 'Delivery delay apology 7:126 Please calm down']);
  });

  it('keeps both bodies when the plain text says something else, naming each field', async () => {
    const text = JSON.stringify([{ id: 1, title: 'Out of sync', content: 'Hi,\n\nPlease calm down.\n\nBest,\nNoor', content_html: '<p>Hi,</p><p>Thanks for waiting.</p><p>Best,<br>Noor</p>' }]);
    const { targets } = await extract(text, { path: 'canned.json' });
    expect(targets.map((target) => target.name)).toEqual(['Out of sync (content)', 'Out of sync (content_html)']);
  });

  it('inline comments in an HTML body switch rules off there, as in an .html file', async () => {
    const html = '<p>Hi,</p>\n<!-- replylint-disable-next-line rude-phrasing -- approved by legal -->\n<p>As I already explained, parcels over 30 kg go by freight.</p>\n<p>Please calm down.</p>\n<p>Best,<br>Noor</p>';
    const text = JSON.stringify({ macros: [{ title: 'Freight', actions: [{ field: 'comment_value_html', value: html }] }] }, null, 2);
    const { targets } = await extract(text, { path: 'macros.json' });
    expect(summary(await lintTargets(text, targets)).map((finding) => finding.replace(/ \d+:\d+/u, ''))).toEqual(['Freight Please calm down']);
  });

  it('Gorgias: response text actions of each macro; internal notes are skipped', async () => {
    const { targets, findings } = await lintFixture('gorgias-macros.json');
    expect(targets.map((target) => target.name)).toEqual(['Order status inquiry', 'Wrong size']);
    expect(targets.some((target) => target.content.text.includes('twice'))).toBe(false);
    expect(summary(findings)).toEqual(['Wrong size 29:64 As I already explained', 'Wrong size 29:111 Calm down']);
  });

  it('--input-format forces a shape: the wrong one is a clear error', async () => {
    const { targets, problems } = await extract(readFixture('gorgias-macros.json'), { path: 'gorgias-macros.json', format: 'zendesk' });
    expect(targets).toEqual([]);
    expect(problems).toEqual([{ line: 1, column: 1, message: expect.stringMatching(/^not a help-desk export replylint knows \(expected Zendesk macros: macros\[\]\.actions\[\]/u) }]);
    const yaml = await extract('macros:\n  - title: T\n    actions:\n      - field: comment_value\n        value: "Hi,\\n\\nPlease calm down."\n', { path: 'export.txt', format: 'yaml' });
    expect(yaml.targets.map((target) => [target.name, target.document.platform, target.content.text])).toEqual([['T', 'zendesk', 'Hi,\n\nPlease calm down.']]);
  });
});

describe('positions in the export file', () => {
  it.each(FIXTURES)('%s: every finding\'s line:column is where its text starts in the file', async (file, options) => {
    const { text, findings } = await lintFixture(file, options);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(lineOf(text, finding.line).slice(finding.column - 1).startsWith(finding.source)).toBe(true);
      // Phrases without escapes (JSON \, HTML &, YAML '' and "") are the very text of the file.
      if (!/\\|&|<|""|''/u.test(finding.source) && !/\n/u.test(finding.actual)) expect(finding.source).toBe(finding.actual);
    }
  });

  it('maps each decoded unit of a JSON string onto its escape', async () => {
    const { text, targets } = await lintFixture('zendesk-macros.json');
    const refund = targets[0]!.content;
    const dash = refund.text.indexOf('–');
    const range = refund.toSource(dash, dash + 1);
    expect(text.slice(range.start, range.end)).toBe('\\u2013');
    const quote = refund.text.indexOf('"Refund issued"');
    expect(text.slice(refund.toSource(quote, quote + 1).start, refund.toSource(quote, quote + 1).end)).toBe('\\"');
    const shipped = targets[1]!.content;
    const truck = shipped.text.indexOf('🚚');
    expect([0, 1].map((unit) => text.slice(shipped.toSource(truck + unit, truck + unit + 1).start, shipped.toSource(truck + unit, truck + unit + 1).end))).toEqual(['\\ud83d', '\\ude9a']);
    const ampersand = shipped.text.indexOf('&');
    expect(text.slice(shipped.toSource(ampersand, ampersand + 1).start, shipped.toSource(ampersand, ampersand + 1).end)).toBe('&amp;');
  });

  it('YAML: block, double-quoted (with \\u and \\U escapes), single-quoted and folded scalars', async () => {
    const { text, targets, findings } = await lintFixture('reply-library.yaml', { field: 'replies[].body', name: 'title' });
    expect(targets.map((target) => target.name)).toEqual(['Refund delay', 'Café voucher', "Can't log in", 'Folded apology']);
    expect(targets.map((target) => target.content.text)).toEqual((parseYamlValue(text) as { replies: Array<{ body: string }> }).replies.map((reply) => reply.body));
    const voucher = targets[1]!.content;
    const smile = voucher.text.indexOf('😀');
    expect(text.slice(voucher.toSource(smile, smile + 2).start, voucher.toSource(smile, smile + 2).end)).toBe('\\U0001F600');
    expect(summary(findings)).toEqual(['Refund delay 8:7 As I already explained', 'Refund delay 8:68 Please calm down', "Can't log in 18:7 As I said"]);
    expect(findings.find((finding) => finding.ruleId === 'missing-agent-name')).toMatchObject({ template: 'Folded apology', line: 35, column: 7, source: 'Support' });
  });

  it('CSV: quoted fields with "" and CRLF rows; names from the title column', async () => {
    const { text, targets, findings } = await lintFixture('reply-library.csv');
    expect(targets.map((target) => target.name)).toEqual(['Refund delay', 'Voucher', 'Short']);
    expect(targets[1]!.content.text).toBe('Hi {{first_name}},\r\n\r\nYour code is "WELCOME10" — enjoy 🎉.\r\n\r\nBest,\r\nNoor');
    const quote = targets[1]!.content.text.indexOf('"');
    expect(text.slice(targets[1]!.content.toSource(quote, quote + 1).start, targets[1]!.content.toSource(quote, quote + 1).end)).toBe('""');
    expect(summary(findings)).toEqual(['Refund delay 4:1 As I already explained', 'Refund delay 4:52 Please calm down']);
  });

  it('JSON Lines: each record is a draft, named by line and id; bad lines are problems at their line', async () => {
    const text = readFixture('sent-replies.jsonl');
    const { targets, problems } = await extract(text, { path: 'sent-replies.jsonl' });
    expect(targets.map((target) => [target.name, target.document.kind])).toEqual([['line 1 (t-5001)', 'draft'], ['line 2 (t-5002)', 'draft'], ['line 6 (t-5005)', 'draft']]);
    expect(problems).toEqual([
      { line: 3, column: 38, message: 'invalid JSON: unterminated string' },
      { line: 4, column: 1, message: 'no "reply", "body", "text", "content", "message" field in this record (name it with --jsonl-field)' },
    ]);
    expect(summary(await lintTargets(text, targets))).toEqual(['line 1 (t-5001) 1:51 As I already explained', 'line 1 (t-5001) 1:107 Please calm down', 'line 6 (t-5005) 6:50 Please calm down']);
    const named = await extract(text, { path: 'sent-replies.jsonl', field: 'agent' });
    expect(named.targets.map((target) => target.content.text)).toEqual(['noor', 'kai', 'noor', 'noor']);
  });
});

describe('rewrites written back into the export', () => {
  /** Replace the first occurrence of `phrase` in each target with `replacement`, as a fixer would. */
  function rewrite(text: string, target: LintTarget, phrase: string, replacement: string): string {
    const at = target.content.text.indexOf(phrase);
    expect(target.content.isContiguous(at, at + phrase.length)).toBe(true);
    const range = target.content.toSource(at, at + phrase.length);
    const encoded = target.encode!(replacement, at, at + phrase.length);
    expect(encoded, 'the rewrite is offered').toBeDefined();
    return text.slice(0, range.start) + encoded! + text.slice(range.end);
  }

  it('JSON: the string stays valid JSON with the new text; nothing else changes', async () => {
    const { text, targets } = await lintFixture('zendesk-macros.json');
    const fixed = rewrite(text, targets[0]!, 'Please calm down and wait', 'Thanks for bearing with us — "soon"\nreally');
    const macro = (JSON.parse(fixed) as { macros: Array<{ actions: Array<{ value: unknown }> }> }).macros[0]!;
    expect((macro.actions[2]!.value as string[])[1]).toContain('5–7 business days. Thanks for bearing with us — "soon"\nreally for the "Refund issued" email.');
    expect(fixed.slice(0, text.indexOf('Please calm down'))).toBe(text.slice(0, text.indexOf('Please calm down')));
  });

  it('HTML inside JSON: the rewrite is escaped for HTML, then for JSON', async () => {
    const { text, targets } = await lintFixture('zendesk-macros.json');
    const fixed = rewrite(text, targets[1]!, 'We will look into the delivery date', 'I will confirm the date by 5 pm <today> & "tell you"');
    const html = (JSON.parse(fixed) as { macros: Array<{ actions: Array<{ value: string }> }> }).macros[1]!.actions[0]!.value;
    expect(html).toContain('I will confirm the date by 5 pm &lt;today&gt; &amp; "tell you" and get back to you.');
  });

  it('YAML: each scalar style keeps its style and reads back as the new text', async () => {
    const { text, targets } = await lintFixture('reply-library.yaml', { field: 'replies[].body', name: 'title' });
    const edits: Array<[index: number, phrase: string, replacement: string]> = [
      [0, 'Please calm down.', "Thanks for your patience — it's \"nearly\" there.\nReally."],
      [1, 'voucher', 'code "x" \\ y'],
      [2, 'the login page is working', "the page isn't down\nat all"],
      [3, 'get back to you soon', 'write again by Friday\nnoon'],
    ];
    for (const [index, phrase, replacement] of edits) {
      const fixed = rewrite(text, targets[index]!, phrase, replacement);
      const bodies = (parseYamlValue(fixed) as { replies: Array<{ body: string }> }).replies.map((reply) => reply.body);
      expect(bodies[index]).toBe(targets[index]!.content.text.replace(phrase, replacement));
      expect(bodies.filter((_, other) => other !== index)).toEqual(targets.filter((_, other) => other !== index).map((target) => target.content.text));
    }
  });

  it('YAML: a rewrite that would change text outside its range is not offered', async () => {
    const text = 'replies:\n  - title: Short\n    body: |\n      Please calm down.\n  - title: Folded\n    body: \'Thanks, and please\n\n      calm down.\'\n';
    const { targets } = await extract(text, { path: 'library.yaml', field: 'replies[].body', name: 'title' });
    const [block, quoted] = targets as [LintTarget, LintTarget];
    const whole = block.content.text.indexOf('\n');
    // Emptying the block's only line would also drop its final line break (clip chomping reads no lines as "").
    expect(block.encode!('', 0, whole)).toBeUndefined();
    expect(block.encode!('Thanks for waiting.', 0, whole)).toBe('Thanks for waiting.');
    // Removing "please" would leave a blank before the line break, which folding takes away.
    const please = quoted.content.text.indexOf('please');
    expect(quoted.encode!('', please, please + 'please'.length)).toBeUndefined();
    expect(quoted.encode!('do', please, please + 'please'.length)).toBe('do');
  });

  it('CSV: quotes are doubled in quoted fields; unquoted fields take no rewrites', async () => {
    const { text, targets } = await lintFixture('reply-library.csv');
    const fixed = rewrite(text, targets[0]!, 'Please calm down.', 'Thanks for your "patience", truly.');
    const reparsed = await extract(fixed, { path: 'reply-library.csv' });
    expect(reparsed.targets[0]!.content.text).toBe(targets[0]!.content.text.replace('Please calm down.', 'Thanks for your "patience", truly.'));
    expect(targets[2]!.encode).toBeUndefined();
  });
});

describe('malformed exports', () => {
  it.each([
    ['malformed/invalid.json', 4, 3, 'invalid JSON: expected "," or "}" in an object, found "]"'],
    ['malformed/invalid.yaml', 5, 1, 'invalid YAML: Missing closing "quote'],
    ['malformed/invalid.csv', 2, 3, 'invalid CSV: a quoted field is never closed (a " is missing)'],
    ['malformed/empty-macros.json', 1, 1, 'no templates to lint: "macros" is empty'],
  ])('%s → a problem at %i:%i', async (file, line, column, message) => {
    const { targets, problems } = await extract(readFixture(file), { path: file });
    expect(targets).toEqual([]);
    expect(problems).toEqual([{ line, column, message }]);
  });

  it('a JSON export of something else names the shapes it could have been', async () => {
    const { problems } = await extract(readFixture('malformed/wrong-shape.json'), { path: 'wrong-shape.json' });
    expect(problems[0]!.message).toMatch(/^not a help-desk export replylint knows .*Zendesk macros.*Help Scout saved replies.*--template-field/u);
  });

  it('macros that only change fields or add internal notes: nothing to lint, said so', async () => {
    const text = JSON.stringify({ macros: [{ title: 'Close', actions: [{ field: 'status', value: 'solved' }] }, { title: 'Note', actions: [{ field: 'comment_mode_is_public', value: 'false' }, { field: 'comment_value', value: 'internal' }] }, { title: 'Channel only', actions: [{ field: 'comment_value', value: ['channel:all'] }] }] });
    const { problems } = await extract(text, { path: 'macros.json' });
    expect(problems.map((problem) => problem.message)).toEqual(['no templates to lint: 3 Zendesk macros without a reply to customers (internal notes and field changes only)']);
  });

  it('CSV rows with the wrong number of fields, stray quotes, and no reply column', async () => {
    const messages = async (text: string): Promise<string[]> => (await extract(text, { path: 'library.csv' })).problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`);
    expect(await messages('title,body\nA,hi,extra\n')).toEqual(['2:1 invalid CSV: this row has 3 fields, the header has 2']);
    expect(await messages('title,body\nA,say "hi"\n')).toEqual(['2:7 invalid CSV: a quote inside an unquoted field (quote the whole field and write the quote as "")']);
    const semicolons = await extract('title;body\r\nA;"Hi; ""there"""\r\nB;Fine\r\n', { path: 'excel.csv' });
    expect(semicolons.targets.map((target) => [target.name, target.content.text])).toEqual([['A', 'Hi; "there"'], ['B', 'Fine']]);
    expect(await messages('title,answer\nA,hi\n')).toEqual([expect.stringMatching(/^1:1 no column is named like a reply .*--template-field.*\(columns: title, answer\)$/u)]);
  });
});

describe('the generic mapping', () => {
  const library = 'library:\n  refund:\n    text: "Hi,\\n\\nPlease calm down."\n  voucher:\n    text: Your code is WELCOME10.\n';

  it('walks maps with * and lists with [], naming templates by key when no name field is given', async () => {
    const { targets } = await extract(library, { path: 'library.yaml', field: 'library.*.text' });
    expect(targets.map((target) => [target.name, target.content.text])).toEqual([['library.refund.text', 'Hi,\n\nPlease calm down.'], ['library.voucher.text', 'Your code is WELCOME10.']]);
    const top = await extract('[{"id": 7, "reply": {"body": "Hi"}}]', { path: 'replies.json', field: '[].reply.body', name: 'id', platform: 'front' });
    expect(top.targets.map((target) => [target.name, target.document])).toEqual([['7', { kind: 'template', platform: 'front' }]]);
  });

  it('a path that reaches nothing or something other than text is a clear problem', async () => {
    expect((await extract(library, { path: 'library.yaml', field: 'replies[].body' })).problems[0]!.message).toMatch(/^no value at "replies\[\]\.body"/u);
    expect((await extract('{"replies": [{"body": 3}]}', { path: 'r.json', field: 'replies[].body' })).problems[0]!.message).toBe('"replies[0].body" is a number, not text');
    expect((await extract(library, { path: 'library.yaml', field: 'library.*.text', name: 'a[' })).problems).toEqual([{ line: 1, column: 1, message: expect.stringMatching(/^"a\[" is not a field path/u) }]);
  });

  it('configuration: templates entries are validated, naming the key at fault', () => {
    expect(validateConfig({ templates: [{ files: 'macros/*.yaml', field: 'replies[].body', name: 'title', platform: 'zendesk' }] })).toBeTruthy();
    const problem = (templates: unknown): string => {
      try {
        validateConfig({ templates }, '.replylintrc.json');
      } catch (error) {
        return (error as ConfigError).message;
      }
      return 'valid';
    };
    expect(problem([{ files: 'a.json', feild: 'body' }])).toBe('.replylintrc.json (templates[0].feild): unknown key (expected one of: files, field, name, platform)');
    expect(problem([{ files: 'a.json' }])).toBe('.replylintrc.json (templates[0].field): "field" must be a field path such as replies[].body');
    expect(problem([{ files: [], field: 'body' }])).toBe('.replylintrc.json (templates[0].files): "files" must be a glob or a list of globs');
    expect(problem([{ files: 'a.json', field: 'body', platform: 'zendsk' }])).toMatch(/^\.replylintrc\.json \(templates\[0\]\.platform\): unknown platform "zendsk"/u);
    expect(problem([{ files: 'a.json', field: 'replies..body' }])).toMatch(/\(templates\[0\]\.field\): "replies\.\.body" is not a field path/u);
    expect(problem({ files: 'a.json' })).toMatch(/\(templates\): "templates" must be a list/u);
  });
});

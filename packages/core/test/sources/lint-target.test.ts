import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTargets, lint, lintTarget, MappedTextBuilder, nestTarget, textTarget, type LintMessage, type LintTarget } from '../../src/index.js';
import { EVERY_RULE, ONLY_RUDE } from './helpers.js';

const corpus = new URL('../../../../corpus/replies/', import.meta.url);
const replies = readdirSync(corpus).filter((name) => name.endsWith('.txt'));

/** Every field of a message, as a surface serialises it. */
const shape = (message: LintMessage): unknown => JSON.parse(JSON.stringify(message));

describe('lintTarget', () => {
  it('gives exactly what lint() gives for a plain-text draft', async () => {
    for (const name of replies) {
      const text = readFileSync(new URL(name, corpus), 'utf8');
      const expected = (await lint(text, { config: EVERY_RULE, path: name })).messages.map(shape);
      const actual = (await lintTarget(textTarget(text), { source: text, config: EVERY_RULE, path: name })).messages.map(shape);
      expect(actual, name).toEqual(expected);
    }
  });

  it('places messages, related spans and fixes in the source, and names the target', async () => {
    // "<b>" markup before the reply: the extracted text starts 3 units into the source.
    const source = '<b>Hi Sam,\n\nAs I said on the phone, the refund is on its way.\n\nBest,\nKai</b>';
    const text = source.slice(3, -4);
    const target: LintTarget = { content: new MappedTextBuilder().verbatim(text, 3).build(), document: { kind: 'template' }, name: 'Refund macro', encode: (replacement) => replacement.toUpperCase() };
    const { messages } = await lintTarget(target, { source, config: ONLY_RUDE, path: 'macros.html' });
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(source.slice(message!.startOffset, message!.endOffset)).toBe('As I said on the phone');
    expect([message!.line, message!.column]).toEqual([3, 1]);
    expect(message!.actual).toBe('As I said on the phone');
    expect(message!.target).toBe('Refund macro');
    expect(message!.fix).toEqual({ range: [message!.startOffset, message!.endOffset], text: 'TO RECAP OUR CALL' });
    expect(message!.suggestions?.[0]).toEqual({ desc: 'Replace with "To recap our call"', fix: message!.fix });
    expect(message!.file).toBe('macros.html');
  });

  it('maps related spans into the source', async () => {
    const text = 'Hi Sam,\n\nWe will look into it soon.\n\nBest,\nKai';
    const source = `     ${text}`;
    const target: LintTarget = { content: new MappedTextBuilder().verbatim(text, 5).build(), document: { kind: 'draft' } };
    const plain = (await lint(text, { config: EVERY_RULE })).messages.find((message) => message.related);
    const placed = (await lintTarget(target, { source, config: EVERY_RULE })).messages.find((message) => message.related);
    expect(plain).toBeDefined();
    expect(placed!.related).toEqual(plain!.related!.map((span) => ({ ...span, start: span.start + 5, end: span.end + 5 })));
  });

  it('offers no fix where the flagged words span markup, or where the target cannot encode', async () => {
    const source = 'Hi Sam,\n\nAs I said <i>on</i> the phone, the refund is on its way.\n\nBest,\nKai';
    const builder = new MappedTextBuilder().verbatim(source.slice(0, 19), 0).verbatim('on', 22).verbatim(source.slice(28), 28);
    const spanning: LintTarget = { content: builder.build(), document: { kind: 'template' }, encode: (text) => text };
    const [message] = (await lintTarget(spanning, { source, config: ONLY_RUDE })).messages;
    expect(source.slice(message!.startOffset, message!.endOffset)).toBe('As I said <i>on</i> the phone');
    expect(message!.actual).toBe('As I said on the phone');
    expect(message!.expected).toEqual(['To recap our call']);
    expect(message!.fix).toBeUndefined();
    expect(message!.suggestions).toBeUndefined();

    const text = 'Hi Sam,\n\nAs I said on the phone, the refund is on its way.\n\nBest,\nKai';
    const noEncode: LintTarget = { ...textTarget(text), encode: undefined };
    const [unencodable] = (await lintTarget(noEncode, { source: text, config: ONLY_RUDE })).messages;
    expect(unencodable!.fix).toBeUndefined();
    expect(unencodable!.expected).toEqual(['To recap our call']);
  });

  it('drops messages inside disabled ranges, for every rule or the rules named', async () => {
    const text = 'Hi Sam,\n\nAs I said on the phone, the refund is on its way.\n\nWe will get back to you soon.\n\nBest,\nThe Team';
    const lintWith = async (disabled: LintTarget['disabled']) =>
      (await lintTarget({ ...textTarget(text), disabled }, { source: text, config: EVERY_RULE })).messages.map((message) => message.ruleId);
    const all = await lintWith([]);
    expect(all).toEqual(expect.arrayContaining(['rude-phrasing', 'missing-timeframe', 'missing-agent-name']));
    const third = text.indexOf('We will');
    expect(await lintWith([{ start: 0, end: third }])).not.toContain('rude-phrasing');
    expect(await lintWith([{ start: 0, end: third }])).toContain('missing-timeframe');
    expect(await lintWith([{ start: 0, end: text.length, ruleIds: ['missing-agent-name'] }])).toEqual(all.filter((id) => id !== 'missing-agent-name'));
  });

  it('nests a target inside a string of its file: positions and rewrites go through both', async () => {
    const html = '<p>Hi Sam,</p><p>As I said on the phone &amp; by email, it ships.</p><p>Best,<br>Kai</p>';
    const source = `{ "body": "${html.replace(/"/gu, '\\"')}" }`;
    const start = source.indexOf('<p>');
    const outer = new MappedTextBuilder().verbatim(html, start).build();
    const [inner] = await extractTargets(html, { format: 'html' });
    const nested = nestTarget(inner!, outer, (text) => JSON.stringify(text).slice(1, -1));
    const [message] = (await lintTarget(nested, { source, config: ONLY_RUDE })).messages;
    expect(source.slice(message!.startOffset, message!.endOffset)).toBe('As I said on the phone');
    expect(message!.fix?.text).toBe('To recap our call');
    expect(nested.encode?.('"<b>"', 0, 1)).toBe('\\"&lt;b&gt;\\"');
    expect(nestTarget(inner!, outer).encode).toBeUndefined();
  });
});

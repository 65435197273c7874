import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../src/index.js';
import { flaggedSource, lintSource, only, sourceOf } from './helpers.js';

describe('Markdown input', () => {
  it('keeps prose and skips code, inline code, URLs, images, comments, raw HTML and front matter', async () => {
    const source = [
      '---',
      'title: As I said on the phone',
      '---',
      '',
      '# Your refund',
      '',
      'Run `calm down` or see <https://example.com/calm-down> and https://example.com/x, [the guide](https://example.com/guide "calm down") ![calm down](x.png).',
      '',
      '```',
      'As I said on the phone',
      '```',
      '',
      '    As I said before',
      '',
      '<!-- As I said on the phone -->',
      '<div>As I said on the phone</div>',
      '',
      'Thanks <span>for</span> writing.',
    ].join('\n');
    const { content } = await only(source, 'reply.md');
    expect(content.text).toBe('Your refund\n\nRun  or see  and , the guide .\n\nThanks for writing.');
  });

  it('keeps blank lines between blocks so the email model finds greeting, body, closing and signature', async () => {
    const source = 'Hi **Sam**,\n\nYour refund of *$40* went out today.\n\n- It shows in 3 days\n- You get an email\n\nBest,  \nKai Andersen\n';
    const { content } = await only(source, 'reply.md');
    expect(content.text).toBe('Hi Sam,\n\nYour refund of $40 went out today.\n\nIt shows in 3 days\nYou get an email\n\nBest,\nKai Andersen');
    const model = parseEmail(content.text);
    expect(model.greeting?.text).toBe('Hi Sam,');
    expect(model.closing?.text).toBe('Best,');
    expect(model.signature.map((line) => line.text)).toEqual(['Kai Andersen']);
  });

  it('drops emphasis markers without breaking words, and maps every character to its source', async () => {
    const source = 'We re**fund**ed it _to\tyour_ card 🎉 &amp; \\*more\\*.';
    const { content } = await only(source, 'reply.md');
    expect(content.text).toBe('We refunded it to\tyour card 🎉 & *more*.');
    const at = (needle: string) => sourceOf(source, content, needle);
    expect(at('refunded')).toBe('re**fund**ed');
    expect(content.isContiguous(content.text.indexOf('refunded'), content.text.indexOf('refunded') + 8)).toBe(false);
    expect(at('to\tyour')).toBe('to\tyour');
    expect(at('🎉')).toBe('🎉');
    expect(at('&')).toBe('&amp;');
    expect(at('*more*')).toBe('\\*more\\*');
  });

  it('reports on the Markdown line and column, with CRLF line ends', async () => {
    const source = '# Reply\r\n\r\nHi Sam,\r\n\r\nThanks for *waiting*. As I said on the phone, it is fixed.\r\n\r\nBest,\r\nKai\r\n';
    const messages = await lintSource(source, 'reply.md');
    expect(flaggedSource(source, messages)).toEqual(['As I said on the phone']);
    expect([messages[0]!.line, messages[0]!.column]).toEqual([5, 23]);
    // Plain words in the source: the rewrite replaces them.
    expect(messages[0]!.fix).toEqual({ range: [messages[0]!.startOffset, messages[0]!.endOffset], text: 'To recap our call' });
  });

  it('keeps blockquotes as quoted history, never flagged', async () => {
    const source = 'Hi Sam,\n\nThe refund went out today.\n\n> As I said on the phone, calm down.\n> You are wrong.\nAs I said, a lazy line is quoted too.\n\nBest,\nKai\n';
    expect(await lintSource(source, 'reply.md')).toEqual([]);
    expect((await only(source, 'reply.md')).content.text).toContain('> You are wrong.\n> As I said, a lazy line');
  });

  it('escapes Markdown in rewrites and offers none across markup', async () => {
    const source = 'Hi Sam,\n\nAs I said *on* the phone, the refund went out.\n\nBest,\nKai\n';
    const [message] = await lintSource(source, 'reply.md');
    expect(flaggedSource(source, [message!])).toEqual(['As I said *on* the phone']);
    expect(message!.actual).toBe('As I said on the phone');
    expect(message!.fix).toBeUndefined();
  });

  it('skips bare URLs but not the punctuation after them, nor e-mail addresses', async () => {
    const { content } = await only('See www.example.com/help. Or https://example.com/a_(b)?c=1! Mail <help@example.com>.', 'a.md');
    expect(content.text).toBe('See . Or ! Mail help@example.com.');
  });

  it('reads an inline <br> as a line break', async () => {
    expect((await only('Best,<br>Kai', 'a.md')).content.text).toBe('Best,\nKai');
  });

  it('is a template, not a draft', async () => {
    expect((await only('Hi', 'a.md')).document.kind).toBe('template');
    expect((await only('Hi', 'a.markdown')).document.kind).toBe('template');
    expect((await only('Hi', 'a.txt')).document.kind).toBe('draft');
  });
});

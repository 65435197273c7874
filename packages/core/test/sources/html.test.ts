import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../src/index.js';
import { CORE_RULES, flaggedSource, lintSource, only, sourceOf } from './helpers.js';

describe('HTML input', () => {
  it('reads a help-desk template as a reply: paragraphs, line breaks, placeholders', async () => {
    const source = '<p>Hi {{ticket.requester.first_name}},</p>\n<p>Your refund went out today.</p>\n<p>Best,<br>\n{{current_user.first_name}}</p>\n';
    const { content, document } = await only(source, 'macro.html');
    expect(document.kind).toBe('template');
    expect(content.text).toBe('Hi {{ticket.requester.first_name}},\n\nYour refund went out today.\n\nBest,\n{{current_user.first_name}}');
    const model = parseEmail(content.text);
    expect(model.greeting?.text).toBe('Hi {{ticket.requester.first_name}},');
    expect(model.closing?.text).toBe('Best,');
    // A template: its only problem is Zendesk's blank name when the requester has none.
    expect((await lintSource(source, 'macro.html', CORE_RULES)).map((message) => message.ruleId)).toEqual(['malformed-placeholder']);
  });

  it('skips script, style and head; collapses whitespace; decodes entities', async () => {
    const source = '<!doctype html><html><head><title>As I said</title><style>p { color: red }</style></head>\n<body><script>calmDown()</script><div>Thanks   for\n\t writing&nbsp;in &amp; caf&eacute; &#x1F389;</div></body></html>';
    const { content } = await only(source, 'page.htm');
    expect(content.text).toBe('Thanks for writing\u00a0in & café 🎉');
    const at = (needle: string) => sourceOf(source, content, needle);
    expect(at('for writing')).toBe('for\n\t writing');
    expect(at('&')).toBe('&amp;');
    expect(at('é')).toBe('&eacute;');
    expect(at('🎉')).toBe('&#x1F389;');
  });

  it('lays out Gmail-style divs and lists on their own lines, and quotes blockquotes', async () => {
    const source = '<div>Hi Sam,</div><div><br></div><div>It is <b>fixed</b>.</div><ul><li>One</li><li>Two</li></ul><blockquote><div>As I said on the phone</div><div>calm down</div></blockquote><div>Kai</div>';
    const { content } = await only(source, 'reply.html');
    expect(content.text).toBe('Hi Sam,\n\n\nIt is fixed.\n\nOne\nTwo\n\n> As I said on the phone\n> calm down\n\nKai');
    expect(await lintSource(source, 'reply.html')).toEqual([]);
  });

  it('reports on the HTML line and column, CRLF included, and writes rewrites back escaped', async () => {
    const source = '<p>Hi Sam,</p>\r\n<p>Thanks for waiting.\r\n   As I said on the phone, it is fixed.</p>\r\n<p>Best,<br>Kai</p>';
    const messages = await lintSource(source, 'reply.html');
    expect(flaggedSource(source, messages)).toEqual(['As I said on the phone']);
    expect([messages[0]!.line, messages[0]!.column]).toEqual([3, 4]);
    expect(messages[0]!.fix?.text).toBe('To recap our call');
  });

  it('offers no fix across tags and keeps nested inline markup in one word', async () => {
    const source = '<p>Hi Sam,</p><p>As I said <em>on <strong>the</strong></em> phone, it is fixed.</p><p>Best,<br>Kai</p>';
    const [message] = await lintSource(source, 'reply.html');
    expect(flaggedSource(source, [message!])).toEqual(['As I said <em>on <strong>the</strong></em> phone']);
    expect(message!.actual).toBe('As I said on the phone');
    expect(message!.fix).toBeUndefined();
    const { content } = await only('<p>re<b>fund</b>ed</p>', 'a.html');
    expect(content.text).toBe('refunded');
  });

  it('skips hidden elements (email preheaders) and bare URLs, keeping link text', async () => {
    const source = '<div style="display: none">As I said on the phone</div><p hidden>calm down</p><p>Track it at <a href="https://x.example/t">https://x.example/t</a>, or read <a href="https://x.example/faq">the FAQ</a>.</p>';
    expect((await only(source, 'a.html')).content.text).toBe('Track it at , or read the FAQ.');
  });

  it('accepts broken HTML as a browser would', async () => {
    const { content } = await only('<p>Hi Sam,<p>It is <b>fixed.<div>Kai', 'broken.html');
    // A <div> closes the open <p>, as in a browser.
    expect(content.text).toBe('Hi Sam,\n\nIt is fixed.\n\nKai');
  });
});

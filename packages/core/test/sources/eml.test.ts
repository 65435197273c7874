import { describe, expect, it } from 'vitest';
import { extractTargets, SourceError } from '../../src/index.js';
import { flaggedSource, lintSource, only } from './helpers.js';

const HEADERS = 'From: Kai Andersen <kai@example.com>\r\nTo: sam@example.com\r\nSubject: Your refund\r\nMIME-Version: 1.0\r\n';
const BODY = 'Hi Sam,\r\n\r\nAs I said on the phone, the refund went out.\r\n\r\nBest,\r\nKai\r\n';

const multipart = (...parts: string[]) => `${HEADERS}Content-Type: multipart/alternative; boundary="b1"\r\n\r\npreamble\r\n${parts.map((part) => `--b1\r\n${part}\r\n`).join('')}--b1--\r\n`;

describe('.eml input', () => {
  it('lints the text/plain part of a 7bit message exactly in place, as a draft, naming the part', async () => {
    const source = `${HEADERS}Content-Type: text/plain; charset=utf-8\r\n\r\n${BODY}`;
    const target = await only(source, 'reply.eml');
    expect(target.document.kind).toBe('draft');
    expect(target.name).toBe('text/plain part');
    const messages = await lintSource(source, 'reply.eml');
    expect(flaggedSource(source, messages)).toEqual(['As I said on the phone']);
    expect([messages[0]!.line, messages[0]!.column, messages[0]!.target]).toEqual([9, 1, 'text/plain part']);
    expect(messages[0]!.fix?.text).toBe('To recap our call');
  });

  it('prefers text/plain over HTML in multipart/alternative', async () => {
    const source = multipart(`Content-Type: text/html\r\n\r\n<p>Hi Sam, thanks.</p>`, `Content-Type: text/plain\r\n\r\n${BODY}`);
    const messages = await lintSource(source, 'reply.eml');
    expect(flaggedSource(source, messages)).toEqual(['As I said on the phone']);
    expect(messages[0]!.target).toBe('text/plain part');
  });

  it('decodes quoted-printable and maps it back, soft breaks and =XX included, without fixes', async () => {
    const qp = 'Hi Sam,\r\n\r\nCaf=C3=A9 news: as I said on the ph=\r\none, the refund went out.\r\n\r\nBest,\r\nKai\r\n';
    const source = multipart(`Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${qp}`);
    const { content } = await only(source, 'reply.eml');
    expect(content.text).toContain('Café news: as I said on the phone, the refund');
    const cafe = content.toSource(content.text.indexOf('é'), content.text.indexOf('é') + 1);
    expect(source.slice(cafe.start, cafe.end)).toBe('=C3=A9');
    const messages = await lintSource(source, 'reply.eml');
    expect(flaggedSource(source, messages)).toEqual(['as I said on the ph=\r\none']);
    expect(messages[0]!.actual).toBe('as I said on the phone');
    expect(messages[0]!.fix).toBeUndefined();
  });

  it('decodes base64 and points at the encoded line', async () => {
    const encoded = Buffer.from(BODY.replace(/\r\n/gu, '\n')).toString('base64').replace(/(.{20})/gu, '$1\r\n');
    const source = `${HEADERS}Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${encoded}\r\n`;
    const [message] = await lintSource(source, 'reply.eml');
    expect(message!.actual).toBe('As I said on the phone');
    // The message starts at the 4-character group that encodes the flagged text's first byte.
    const byte = BODY.replace(/\r\n/gu, '\n').indexOf('As I said');
    const symbolOffsets = [...encoded].flatMap((char, index) => (/[\r\n]/u.test(char) ? [] : [source.indexOf(encoded) + index]));
    expect(message!.startOffset).toBe(symbolOffsets[Math.floor(byte / 3) * 4]);
    expect(message!.fix).toBeUndefined();
  });

  it('falls back to the HTML part through the HTML extractor', async () => {
    const source = multipart(`Content-Type: text/html; charset=utf-8\r\n\r\n<p>Hi Sam,</p><p>As I said on the phone, the refund went out.</p><p>Best,<br>Kai</p>`);
    const messages = await lintSource(source, 'reply.eml');
    expect(flaggedSource(source, messages)).toEqual(['As I said on the phone']);
    expect(messages[0]!.target).toBe('text/html part');
  });

  it('rejects a file that is not an email, or one with no text part', async () => {
    await expect(extractTargets('just some words\n', { path: 'x.eml' })).rejects.toThrow(SourceError);
    await expect(extractTargets('just some words\n', { path: 'x.eml' })).rejects.toThrow(/not an email message/u);
    const imageOnly = `${HEADERS}Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n`;
    await expect(extractTargets(imageOnly, { path: 'x.eml' })).rejects.toThrow('has no text/plain or text/html part to lint');
  });

  it('decodes quoted-printable in the part\'s charset, and finds a part nested in multipart/mixed', async () => {
    const inner = `Content-Type: multipart/alternative; boundary="b2"\r\n\r\n--b2\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nHi Ren=E9,\r\n\r\nAs I said on the phone, the refund went out.\r\n\r\nBest,\r\nKai\r\n--b2--`;
    const source = `${HEADERS}Content-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\n${inner}\r\n--b1\r\nContent-Type: text/plain; name="terms.txt"\r\nContent-Disposition: attachment; filename="terms.txt"\r\n\r\nAs I said before, these are the terms.\r\n--b1--\r\n`;
    const { content } = await only(source, 'reply.eml');
    const e = content.toSource(content.text.indexOf('é'), content.text.indexOf('é') + 1);
    expect(source.slice(e.start, e.end)).toBe('=E9');
    const messages = await lintSource(source, 'reply.eml');
    expect(flaggedSource(source, messages)).toEqual(['As I said on the phone']);
  });

  it('points at the part\'s body, with no fix, when the decoded text cannot be matched to it', async () => {
    // A charset TextDecoder does not know: the =XX bytes cannot be matched to what postal-mime decoded.
    const source = `${HEADERS}Content-Type: text/plain; charset=x-unknown\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nHi Ren=E9,\r\n\r\nAs I said on the phone, the refund went out.\r\n`;
    const [message] = await lintSource(source, 'reply.eml');
    expect(message?.actual).toBe('As I said on the phone');
    expect(message!.startOffset).toBe(source.indexOf('Hi Ren'));
    expect(message!.fix).toBeUndefined();
  });
});

/**
 * missing-thanks beyond its documented examples: the exported detector, what the rule does
 * not count as thanks, and where the finding lands.
 */
import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../../../test/helpers.js';
import { analyzeReply } from '../src/lint.js';
import { findThanks } from '../src/rules/missing-thanks.js';

const reply = (body: string, closing = 'Best,'): string => ['Hi Ana,', '', body, '', closing, 'Kai Andersen'].join('\n');
const SORRY = "I'm sorry the parcel was late.";

describe('findThanks', () => {
  it('points at the thanks the agent wrote', () => {
    const text = reply(`${SORRY} Many thanks for the photos.`);
    const range = findThanks(analyzeReply(text))!;
    expect(text.slice(range.start, range.end)).toBe('Many thanks');
  });

  it('counts a closing that thanks for something, not a bare sign-off', () => {
    const thankful = reply(SORRY, 'Thank you for your patience,');
    expect(findThanks(analyzeReply(thankful))).toEqual({ start: thankful.indexOf('Thank you'), end: thankful.indexOf('Kai') - 1 });
    expect(findThanks(analyzeReply(reply(SORRY, 'Thanks,')))).toBeUndefined();
    expect(findThanks(analyzeReply(reply(SORRY, 'Many thanks,')))).toBeUndefined();
  });

  it.each([
    ['a request', `${SORRY} I'd appreciate it if you could send a photo.`],
    ['a conditional', `${SORRY} We would be grateful for a photo of the label.`],
    ['"thanks to"', `${SORRY} Thanks to the new courier, it arrives tomorrow.`],
    ['quotation marks', `${SORRY} Reply "thank you" to close the ticket.`],
  ])('does not count %s', (_, body) => {
    expect(findThanks(analyzeReply(reply(body)))).toBeUndefined();
  });

  it('never reads the quoted history', () => {
    const text = `${reply(SORRY)}\n\nOn Mon, 3 Jun 2024 at 09:00, Ana Ruiz <ana@example.com> wrote:\n> Thanks so much for your help!`;
    expect(findThanks(analyzeReply(text))).toBeUndefined();
  });
});

describe('missing-thanks', () => {
  it('reports the greeting line, or the first body sentence without a greeting', async () => {
    expect((await lintWithRule(reply(SORRY), 'missing-thanks')).map((m) => [m.actual, m.line])).toEqual([['Hi Ana,', 1]]);
    const noGreeting = `${SORRY} The courier delivers it tomorrow.\n\nBest,\nKai Andersen`;
    expect((await lintWithRule(noGreeting, 'missing-thanks')).map((m) => m.actual)).toEqual([SORRY]);
  });

  it('keeps exact offsets with CRLF line breaks', async () => {
    const text = reply(SORRY).replace(/\n/gu, '\r\n');
    const [message] = await lintWithRule(`\r\n${text}`, 'missing-thanks');
    expect([message!.line, message!.column, message!.actual]).toEqual([2, 1, 'Hi Ana,']);
  });

  it('does not judge a reply that shows nothing the customer raised', async () => {
    expect(await lintWithRule(reply('Your order 4410 left our warehouse today.'), 'missing-thanks')).toEqual([]);
  });

  it('judges a reply with quoted history even when it does not apologise', async () => {
    const text = `${reply('Your order 4410 left our warehouse today.')}\n\nOn Mon, 3 Jun 2024 at 09:00, Ana Ruiz <ana@example.com> wrote:\n> Where is my order?`;
    expect(await lintWithRule(text, 'missing-thanks')).toHaveLength(1);
  });

  it('passes chat turns but not an email of the same length', async () => {
    expect(await lintWithRule(`${SORRY} It arrives tomorrow. – Kai`, 'missing-thanks')).toEqual([]);
    expect(await lintWithRule(reply(`${SORRY} It arrives tomorrow.`), 'missing-thanks')).toHaveLength(1);
  });
});

/**
 * canned-response beyond its documented examples: team options, rewrites, and where the
 * reply-level finding lands.
 */
import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../../../test/helpers.js';

const lines = (...text: string[]): string => text.join('\n');

describe('options', () => {
  it('add a team phrase and allow a built-in one', async () => {
    const text = 'We are experiencing a high volume of emails. Rest assured, your parcel ships today.';
    const options = { add: ['we are experiencing (a)? high volume of (requests|emails)'], allow: ['rest assured'] };
    const messages = await lintWithRule(text, 'canned-response', options);
    expect(messages.map((message) => message.actual)).toEqual(['We are experiencing a high volume of emails']);
  });

  it('allow silences the stand-alone filler too', async () => {
    const text = 'Thank you for your patience and understanding.';
    expect(await lintWithRule(text, 'canned-response')).toHaveLength(1);
    expect(await lintWithRule(text, 'canned-response', { allow: ['thank you for your patience and understanding'] })).toEqual([]);
  });
});

describe('boilerplate phrases', () => {
  it('offers a rewrite for officialese with an honest one, a note for the rest', async () => {
    const [regret] = await lintWithRule('We regret to inform you that the sale has ended.', 'canned-response');
    expect(regret!.expected).toEqual(["I'm sorry to say that", 'Unfortunately,']);
    const [apology] = await lintWithRule('We apologize for any inconvenience.', 'canned-response');
    expect(apology!.expected).toEqual([]);
    expect(apology!.note).toMatch(/specific problem/u);
  });

  it('reports each phrase once, with offsets into CRLF text', async () => {
    const text = 'Hi Ana,\r\n\r\nYour card ships today.\r\nWe value your business and we value your feedback.\r\n\r\nKai';
    const messages = await lintWithRule(text, 'canned-response');
    expect(messages.map((message) => [message.actual, text.slice(message.startOffset, message.endOffset), message.line])).toEqual([
      ['We value your business', 'We value your business', 4],
      ['we value your feedback', 'we value your feedback', 4],
    ]);
  });

  it('never reports inside quotation marks or quoted history', async () => {
    const text = lines('Hi Ana,', '', 'Your refund of €49 went out today.', '', 'Kai', '', '> We apologize for any inconvenience. Rest assured!');
    expect(await lintWithRule(text, 'canned-response')).toEqual([]);
  });
});

describe('boilerplate replies', () => {
  const canned = (body: string, quoted: string[] = []): string => lines('Hi Marcus,', '', body, '', 'Best,', 'Dana', ...quoted);

  it('reports once, on the first body paragraph', async () => {
    const text = lines('Hi Marcus,', '', 'Thanks for your message!', '', 'We are looking into it and will get back to you soon.', '', 'Best,', 'Dana');
    const messages = await lintWithRule(text, 'canned-response');
    expect(messages.map((message) => [message.line, message.actual])).toEqual([[3, 'Thanks for your message!']]);
    expect(messages[0]!.message).toMatch(/mostly boilerplate/u);
  });

  it('reports the reply as well as a phrase on the same line', async () => {
    const body = 'Thank you for your email. We value your feedback and will get back to you.';
    const messages = await lintWithRule(canned(body), 'canned-response');
    expect(messages.map((message) => [message.line, message.actual])).toEqual([
      [3, body],
      [3, 'We value your feedback'],
    ]);
  });

  it.each([
    ['a number', 'Thanks for your message! Order 4471 is with the courier, and we will get back to you soon.'],
    ['a day', 'Thanks for your message! We are looking into it and will get back to you on Monday.'],
    ['an action taken', 'Thanks for your message! I checked and we are looking into it.'],
    ['a named thing', 'Thanks for your message! We are looking into the Vitamix and will get back to you.'],
    ['a data placeholder', 'Thanks for your message! We are looking into {{ticket.order_id}} and will get back to you.'],
    ['a reference to the message', 'Thanks for your message! As you mentioned, we are looking into it.'],
    ['a deep link', 'Thanks for your message! We are looking into it: https://status.example.com/incidents/42'],
  ])('passes with %s', async (_, body) => {
    expect(await lintWithRule(canned(body), 'canned-response')).toEqual([]);
  });

  it('does not count the company thanked for being contacted or chosen as a specific', async () => {
    const stock = 'Your feedback has been passed on to the appropriate department.';
    for (const thanks of ['Thank you for contacting Westbridge Water Services.', 'Thanks for choosing the Bank of Lagos!', 'Thanks for flying with Aeroluz.']) {
      expect((await lintWithRule(canned(`${thanks} ${stock}`), 'canned-response')).map((message) => message.line)).toEqual([3]);
    }
  });

  it.each([
    ['a name after the company', 'Thank you for contacting Westbridge Water Services about the Oakfield mains.'],
    ['a day after a promise to contact', 'Thanks for contacting Westbridge Water! Someone will contact you Monday.'],
  ])('still finds %s', async (_, body) => {
    expect(await lintWithRule(canned(`${body} Your feedback has been passed on to the appropriate department.`), 'canned-response')).toEqual([]);
  });

  it('does not count the customer name or the company in the signature as specifics', async () => {
    const text = lines('Hi Marcus,', '', 'Thanks for contacting Acme, Marcus! We are looking into it and will get back to you.', '', 'Best,', 'Dana', 'Acme');
    expect((await lintWithRule(text, 'canned-response')).map((message) => message.line)).toEqual([3]);
  });

  it('passes when the reply uses words from the quoted message', async () => {
    const quoted = ['', 'On Mon, 3 Mar 2025, Marcus Lee <marcus@example.com> wrote:', '> The blender lid cracked.'];
    const body = 'Thanks for your message! We are looking into the blender and will get back to you.';
    expect(await lintWithRule(canned(body, quoted), 'canned-response')).toEqual([]);
    expect(await lintWithRule(canned(body.replace('the blender', 'it')), 'canned-response')).toHaveLength(1);
  });
});

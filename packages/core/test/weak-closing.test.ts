/**
 * weak-closing beyond its documented examples: which sentence is "last", the note and the
 * pointer to an earlier resolution.
 */
import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../../../test/helpers.js';

const reply = (...body: string[]): string => ['Hi Marcus,', '', ...body, '', 'Best,', 'Kai'].join('\n');

describe('the last substantive sentence', () => {
  it('skips polite closers, however many', async () => {
    const text = reply('Sorry again for the delay.', '', "Let me know if you have any questions. Hope this helps! Have a great day!");
    const messages = await lintWithRule(text, 'weak-closing');
    expect(messages.map((message) => [message.line, message.actual])).toEqual([[3, 'Sorry again for the delay.']]);
  });

  it('reports once, on the final sentence only', async () => {
    const text = reply('Unfortunately we cannot refund it.', 'We are unable to offer a replacement either.');
    expect((await lintWithRule(text, 'weak-closing')).map((message) => message.actual)).toEqual(['We are unable to offer a replacement either.']);
  });

  it('ignores a negative the customer wrote inside quotation marks', async () => {
    expect(await lintWithRule(reply('You wrote "sorry to bother you", but it was no bother: I have reset your password.'), 'weak-closing')).toEqual([]);
    expect(await lintWithRule(reply('Your note said "unfortunately it broke".'), 'weak-closing')).toEqual([]);
  });

  it('has nothing to report on a reply without a body', async () => {
    expect(await lintWithRule('Thanks!', 'weak-closing')).toEqual([]);
    expect(await lintWithRule('', 'weak-closing')).toEqual([]);
  });
});

describe('steps forward and the clause they stand in', () => {
  it.each([
    ['what an apology is for', "I'm sorry your refund was issued to the expired card."],
    ['what a refusal covers', 'We cannot reopen tickets that were resolved over a year ago.'],
    ['a reason after a refusal', 'We cannot change the address because the parcel has already been dispatched.'],
    ['the clause a sentence adverb governs', 'Unfortunately, your order was shipped before we saw your message.'],
  ])('does not count a step inside %s', async (_, sentence) => {
    expect(await lintWithRule(reply(sentence), 'weak-closing')).toHaveLength(1);
  });

  it.each([
    ['a comma', "Sorry for the trouble, I've refunded the fee."],
    ['a semicolon', 'Apologies for the wait; your order was shipped this morning.'],
    ['"but"', "We can't refund it but we have issued a voucher."],
    ['"and" with the subject left out', 'We are sorry for the delay and have now shipped the order.'],
  ])('counts a step after %s', async (_, sentence) => {
    expect(await lintWithRule(reply(sentence), 'weak-closing')).toEqual([]);
  });

  it('finds a refusal with an adverb after its subject', async () => {
    for (const sentence of ['We therefore cannot extend the warranty.', 'We are currently unable to ship to Iceland.', "We don't normally refund shipping."]) {
      expect(await lintWithRule(reply(sentence), 'weak-closing')).toHaveLength(1);
    }
  });

  it('takes a charge waived as good news', async () => {
    expect(await lintWithRule(reply("We won't charge you for the second repair."), 'weak-closing')).toEqual([]);
    expect(await lintWithRule(reply("We won't refund the second repair."), 'weak-closing')).toHaveLength(1);
  });
});

describe('the report', () => {
  it('quotes the principle and names the kind of ending', async () => {
    const [apology] = await lintWithRule(reply('Sorry again for the mix-up.'), 'weak-closing');
    expect(apology!.message).toMatch(/ends on an apology/u);
    expect(apology!.note).toMatch(/remembers your last words best/u);
    const [refusal] = await lintWithRule(reply('We are unable to do more at this time.'), 'weak-closing');
    expect(refusal!.message).toMatch(/ends on a refusal/u);
    const [regret] = await lintWithRule(reply('Unfortunately, the sale has ended.'), 'weak-closing');
    expect(regret!.message).toMatch(/ends on bad news/u);
  });

  it('points at an earlier resolution to move to the end', async () => {
    const text = reply("I've refunded the $42 to your card.", 'The courier has been warned.', 'Sorry again for the trouble.');
    const [message] = await lintWithRule(text, 'weak-closing');
    expect(message!.related?.map((span) => text.slice(span.start, span.end))).toEqual(["I've refunded the $42 to your card."]);
  });

  it('has no pointer when nothing earlier resolves anything', async () => {
    const [message] = await lintWithRule(reply('I looked at your account.', 'Sorry, we cannot change the plan.'), 'weak-closing');
    expect(message!.related).toBeUndefined();
  });
});

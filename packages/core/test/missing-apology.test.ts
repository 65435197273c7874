/**
 * missing-apology beyond its documented examples: the complaint families, what only looks
 * like a complaint, where the report and its related information stand.
 */
import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../../../test/helpers.js';

const thread = (reply: string, customer: string, newline = '\n'): string =>
  ['Hi Alex,', '', reply, '', 'Best,', 'Kai', '', 'On Mon, 3 Jun 2024 at 09:00, Alex Kim <alex@example.com> wrote:', ...customer.split('\n').map((line) => `> ${line}`)].join(newline);
const FIX = "I've sent a new one today by express, and it arrives on Thursday.";

describe('complaints in the customer message', () => {
  it.each([
    ['delay', 'It has been three weeks and my order is still not here.'],
    ['damage', 'The lamp arrived with a cracked base.'],
    ['damage', 'The boiler in our flat has been leaking since Monday.'],
    ['billing', 'You took two payments for the same order.'],
    ['non-delivery', 'The tracking says it was delivered but I never received it.'],
    ['wrong item', 'This is not what I ordered: you sent a blue one.'],
    ['outage', 'I can not log in to my account since the update.'],
    ['anger', 'Honestly, this is unacceptable.'],
    ['repeated contact', 'I have already emailed you twice about this.'],
  ])('reports a reply that ignores %s: %s', async (family, customer) => {
    const messages = await lintWithRule(thread(FIX, customer), 'missing-apology');
    expect(messages).toHaveLength(1);
    expect(messages[0]!.reason).toContain(`${family}:`);
  });

  it.each([
    ['a negated problem', 'The lamp arrived fine, nothing was broken. Can I order a second one?'],
    ['a supposed problem', 'What happens if my parcel is late?'],
    ['a worry', 'I was worried it would arrive damaged, but it looks great.'],
    ['a how-to question', 'How do I return a faulty item?'],
    ['a happy customer', 'Everything arrived on time and works perfectly. Thank you!'],
    ['a future order', 'Will my order arrive before Friday if I order today?'],
    ['the words of someone else, in quotation marks', 'Your site says "no delays this week", so can I order today?'],
  ])('does not take %s for a complaint', async (_, customer) => {
    expect(await lintWithRule(thread(FIX, customer), 'missing-apology')).toEqual([]);
  });
});

describe('apologies and acknowledgements', () => {
  it.each([
    "I'm so sorry the lamp arrived broken.",
    'Apologies for the trouble with your order.',
    'I completely understand how frustrating this must be.',
    'That is not the experience we want you to have.',
    'Thanks for letting us know about the cracked base.',
    'You were right, and that should never have happened.',
  ])('passes a reply that says: %s', async (acknowledgement) => {
    expect(await lintWithRule(thread(`${acknowledgement} ${FIX}`, 'The lamp arrived with a cracked base.'), 'missing-apology')).toEqual([]);
  });

  it('accepts an apologising closing', async () => {
    const text = ['Hi Alex,', '', FIX, '', 'Apologies again,', 'Kai', '', '> The lamp arrived with a cracked base.'].join('\n');
    expect(await lintWithRule(text, 'missing-apology')).toEqual([]);
  });

  it('does not count thanks for patience as an acknowledgement', async () => {
    expect(await lintWithRule(thread(`Thanks for your patience. ${FIX}`, 'The lamp arrived with a cracked base.'), 'missing-apology')).toHaveLength(1);
  });
});

describe('the report', () => {
  it('stands on the first body sentence and points at the complaint in the quote', async () => {
    const text = thread(`${FIX} Keep the old one.`, 'Hello.\nThe lamp arrived with a cracked base.', '\r\n');
    const [message] = await lintWithRule(text, 'missing-apology');
    expect(message!.actual).toBe(FIX);
    expect(message!.line).toBe(3);
    const related = message!.related![0]!;
    expect(text.slice(related.start, related.end)).toBe('The lamp arrived with a cracked base.');
  });

  it('is silent without quoted text, whatever the reply says', async () => {
    expect(await lintWithRule(`Hi Alex,\n\nYour parcel was late and arrived damaged. ${FIX}\n\nBest,\nKai`, 'missing-apology')).toEqual([]);
  });

  it('reads only the latest customer message, not older history or the support team', async () => {
    const older = thread(FIX, 'Thanks, all good now.\n\nOn Sun, 2 Jun 2024 at 10:00, Alex Kim <alex@example.com> wrote:\n> The lamp arrived with a cracked base.');
    expect(await lintWithRule(older, 'missing-apology')).toEqual([]);
    const team = ['Hi Alex,', '', FIX, '', 'Best,', 'Kai', '', 'On Mon, 3 Jun 2024 at 09:00, Acme Support <support@acme.example> wrote:', '> We are sorry your order was delayed.'].join('\n');
    expect(await lintWithRule(team, 'missing-apology')).toEqual([]);
  });
});

describe('the customer\'s own slip', () => {
  it.each(['I entered the wrong address at checkout, can you change it?', 'I ordered the wrong colour by mistake.'])('is no complaint: %s', async (customer) => {
    expect(await lintWithRule(thread(FIX, customer), 'missing-apology')).toEqual([]);
  });
});

/**
 * unanswered-question beyond its documented examples: which question is reported, answers in
 * other words, questions that need no answer, and compromise loaded only when needed.
 */
import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../../../test/helpers.js';
import { analyzeReply } from '../src/index.js';
import unansweredQuestion from '../src/rules/unanswered-question.js';

const thread = (reply: string, customer: string): string =>
  ['Hi Alex,', '', reply, '', 'Best,', 'Kai', '', 'On Mon, 3 Jun 2024 at 09:00, Alex Kim <alex@example.com> wrote:', ...customer.split('\n').map((line) => `> ${line}`)].join('\n');

describe('questions and their answers', () => {
  it('reports the unanswered one of two questions, pointing at it in the quote', async () => {
    const text = thread('Your refund of £20 was issued today and reaches your card by Friday.', 'When will I get my refund? Also, do you ship to Canada?');
    const messages = await lintWithRule(text, 'unanswered-question');
    expect(messages.map((message) => message.reason)).toEqual(['The customer asked "Also, do you ship to Canada?" and the reply does not answer it']);
    const related = messages[0]!.related![0]!;
    expect(text.slice(related.start, related.end)).toBe('Also, do you ship to Canada?');
    expect(messages[0]!.actual).toBe('Your refund of £20 was issued today and reaches your card by Friday.');
  });

  it.each([
    ['a form of the word', 'Can I change the delivery address?', "I've updated the address on your order to 5 Elm Road."],
    ['the support vocabulary', 'When do I get my money back?', 'The refund went out this morning.'],
    ['a time for "when"', 'When is the engineer coming?', 'He is booked for Thursday between 8 am and noon.'],
    ['a number for "how much"', 'How much does the express option cost?', 'Express is €9.90 per parcel.'],
    ['a yes/no opener', 'Is the blender dishwasher safe?', 'Yes, every part except the motor base.'],
    ['a yes/no phrase', 'Do I need to return the old one?', "There's no need to send it back."],
    ['an indirect request', 'Please let me know whether the hotel has parking.', 'The hotel has an underground car park, €18 a night.'],
  ])('takes %s as an answer', async (_, customer, reply) => {
    expect(await lintWithRule(thread(reply, customer), 'unanswered-question')).toEqual([]);
  });

  it.each([
    ['"I need to know"', 'I need to know if the tent is waterproof.'],
    ['"could you tell me"', 'Could you tell me which charger fits the X2 laptop?'],
  ])('finds a request for information without a question mark: %s', async (_, customer) => {
    expect(await lintWithRule(thread('Your order ships on Monday.', customer), 'unanswered-question')).toHaveLength(1);
  });

  it.each([
    'What is wrong with you people?',
    'Is this a joke?',
    'How hard can it be to send a parcel?',
    'How are you?',
    'You said "why not try the app?" but the app is broken.',
  ])('needs no answer to: %s', async (customer) => {
    expect(await lintWithRule(thread("I've resent the parcel by express today.", customer), 'unanswered-question')).toEqual([]);
  });

  it('leaves questions answered in place, between the paragraphs, alone', async () => {
    const text = 'Hi Alex,\n\n> Do you ship to Canada?\n\nWe do, in 5 to 7 days.\n\n> Can I pay by invoice?\n\nOnly with a business account.\n\nKai';
    expect(await lintWithRule(text, 'unanswered-question')).toEqual([]);
  });
});

describe('compromise', () => {
  const run = async (text: string): Promise<number> => {
    let loads = 0;
    const visitors = unansweredQuestion.create({
      reply: analyzeReply(text),
      options: undefined,
      report: () => undefined,
      nlp: () => {
        loads++;
        return import('compromise').then((module) => module.default);
      },
    });
    await visitors.reply?.();
    return loads;
  };

  it('is loaded only when the customer message asks something', async () => {
    expect(await run('Hi Alex,\n\nYour order ships on Monday.\n\nKai')).toBe(0);
    expect(await run(thread('Your order ships on Monday.', 'Thanks, that is all.'))).toBe(0);
    expect(await run(thread('Your order ships on Monday.', 'Do you ship to Canada?'))).toBe(1);
  });
});

describe('what the question is about', () => {
  it('takes the topic of the sentence before for "How do I do that?"', async () => {
    const customer = 'I need to unlock my phone before my trip. How do I do that?';
    expect(await lintWithRule(thread('Our stores are open until 6 pm.', customer), 'unanswered-question')).toHaveLength(1);
    expect(await lintWithRule(thread('To unlock your phone, open My Account → Device → Unlock.', customer), 'unanswered-question')).toEqual([]);
  });

  it('asks nothing with a statement that ends in a question mark', async () => {
    expect(await lintWithRule(thread('The parcel goes out again on Monday.', 'Nobody even knocked. Now I have to wait until next week?'), 'unanswered-question')).toEqual([]);
  });

  it('counts a request for the details an answer needs as addressing the question', async () => {
    expect(await lintWithRule(thread('Could you send me your order number so I can check?', 'When will my parcel arrive?'), 'unanswered-question')).toEqual([]);
  });

  it('answers a request with what was done about it', async () => {
    expect(await lintWithRule(thread('A replacement leg is on its way and arrives Thursday.', 'Can you send a new one?'), 'unanswered-question')).toEqual([]);
  });
});

/**
 * missing-next-step beyond its documented examples: the kinds of step, what is no step, when
 * a reply without one is reported, and the exported detector.
 */
import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../../../test/helpers.js';
import { analyzeReply, findNextStep } from '../src/index.js';

const reply = (...body: string[]): string => ['Hi Marcus,', '', ...body, '', 'Best,', 'Kai'].join('\n');
const REFUSAL = 'Unfortunately we cannot refund opened items.';

describe('steps', () => {
  it.each([
    ['something done', "I've credited €10 to your account."],
    ['a promise', 'Our courier will collect it from your door.'],
    ['a timeline', 'The fix goes live in the app tomorrow.'],
    ['an instruction', 'Bring it to any of our stores with the receipt.'],
    ['an instruction after a lead-in', 'To swap it, reply with the size you need.'],
    ['a list of steps', 'Here is how:\n1. Log in to your account.\n2. Open Orders.'],
    ['a question for the customer', 'Would the blue one work for you instead?'],
    ['a closure', 'Nothing more is needed from you.'],
  ])('counts %s', async (_, sentence) => {
    expect(await lintWithRule(reply(REFUSAL, sentence), 'missing-next-step')).toEqual([]);
  });

  it.each([
    ['a polite closer', "Let me know if you have any questions!"],
    ['a refusal dressed as a step', "There's nothing more we can do."],
    ['a vague hand-off', 'Your complaint has been forwarded to the relevant department.'],
    ['handing on feedback', "I've passed your comments on to the team."],
    ['a request not to reply', 'Please do not reply to this email.'],
    ['words in quotation marks', 'You asked us to "send a replacement tomorrow".'],
  ])('does not count %s', async (_, sentence) => {
    expect(await lintWithRule(reply(REFUSAL, sentence), 'missing-next-step')).toHaveLength(1);
  });
});

describe('the report', () => {
  it('stands on the last sentence before the polite closers', async () => {
    const messages = await lintWithRule(reply('We looked at the photos.', REFUSAL, '', 'Let me know if you have any questions.'), 'missing-next-step');
    expect(messages.map((message) => [message.line, message.actual])).toEqual([[4, REFUSAL]]);
  });

  it('is silent on an answer that carries its specifics, and reports boilerplate', async () => {
    expect(await lintWithRule(reply('The Starter plan allows 2 GB per file.'), 'missing-next-step')).toEqual([]);
    expect(await lintWithRule(reply('Thank you for contacting us. We value your business.'), 'missing-next-step')).toHaveLength(1);
  });

  it('reports an answer to a complaint that gives no way forward', async () => {
    const text = `${reply('The heating is serviced every year in September.')}\n\n> The radiators have been cold for a week.`;
    expect(await lintWithRule(text, 'missing-next-step')).toHaveLength(1);
  });

  it('has nothing to report without a body', async () => {
    expect(await lintWithRule('', 'missing-next-step')).toEqual([]);
  });
});

describe('findNextStep', () => {
  it('returns the first step, its kind and its exact range', () => {
    const text = reply('Thanks for your message.', 'Your parcel is in the post and arrives on Friday.');
    const step = findNextStep(analyzeReply(text));
    expect(step && [text.slice(step.start, step.end), step.kind]).toEqual(['Your parcel is in the post and arrives on Friday.', 'action']);
    expect(findNextStep(analyzeReply(reply(REFUSAL)))).toBeUndefined();
  });
});

describe('conditions', () => {
  it('does not take a step inside a condition for one', async () => {
    expect(await lintWithRule(reply('We cannot change the address once a parcel is in transit.'), 'missing-next-step')).toHaveLength(1);
  });

  it('takes a polite "if you could" for the request it is', async () => {
    expect(await lintWithRule(reply('Sorry for the trouble. I would appreciate it if you could share a screenshot of the error.'), 'missing-next-step')).toEqual([]);
  });
});

/**
 * missing-timeframe beyond its documented examples: where the finding lands, what it says,
 * and the boundaries between a commitment, an offer and a list of instructions.
 */
import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../../../test/helpers.js';

const lint = (text: string) => lintWithRule(text, 'missing-timeframe');
const flagged = async (text: string): Promise<string[]> => (await lint(text)).map((message) => message.actual as string);
const expectFlagged = async (text: string, expected: string[]): Promise<void> => {
  expect(await flagged(text)).toEqual(expected);
};

describe('reports', () => {
  it('name the vague time and point at it', async () => {
    const text = 'Thanks! We will get back to you soon.';
    const [message] = await lint(text);
    expect(message!.actual).toBe('We will get back to you');
    expect(message!.reason).toBe('"We will get back to you" promises a follow-up, but "soon" does not say when');
    expect(message!.related).toEqual([{ start: text.indexOf('soon'), end: text.indexOf('soon') + 4, message: '"soon" is not a time' }]);
    expect(message!.expected).toEqual([]);
    expect(message!.note).toMatch(/within 24 hours/u);
  });

  it('say plainly when there is no time at all', async () => {
    const [message] = await lint('I will look into it.');
    expect(message!.reason).toBe('"I will look into it" promises a follow-up without saying when');
    expect(message!.related).toBeUndefined();
  });

  it('come once per sentence, on its first promise', async () => {
    expect(await flagged("I'll check with the warehouse, chase the courier and keep you posted.")).toEqual(["I'll check"]);
    expect(await flagged("I'll check with the warehouse. I'll keep you posted.")).toEqual(["I'll check", "I'll keep you posted"]);
  });

  it('land where a promise starts on a wrapped line, and read it as one line in the message', async () => {
    const text = 'Dear Ana,\r\n\r\nThe payment is being worked out now, and we will\r\nwrite to you with the amount.\r\n\r\nBest,\r\nKai';
    const [message] = await lint(text);
    expect(text.slice(message!.startOffset, message!.endOffset)).toBe('we will\r\nwrite to you');
    expect([message!.line, message!.column]).toEqual([3, 42]);
    expect(message!.reason).toBe('"we will write to you" promises a follow-up without saying when');
  });

  it('keep exact offsets with CRLF line ends and emoji', async () => {
    const text = 'Hi Ana,\r\n\r\n😊 Thanks for the photos! Our returns team will be in touch.\r\n\r\nBest,\r\nKai';
    const [message] = await lint(text);
    expect(text.slice(message!.startOffset, message!.endOffset)).toBe('Our returns team will be in touch');
    expect([message!.line, message!.column]).toEqual([3, 27]);
  });
});

describe('times', () => {
  it.each([
    'I will call you at 3:30pm.',
    "We'll reply within 48h.",
    'I will email you on 3 May.',
    'The replacement will be dispatched on the 14th.',
    'We will update you within {{sla}}.',
    'I will refund it by {{ticket.due_date}}.',
    "I'll get back to you in a couple of hours.",
    'Our engineer will call you tomorrow morning.',
    "I'll chase the courier right away.",
  ])('a concrete time keeps the promise: %s', async (text) => {
    expect(await flagged(text)).toEqual([]);
  });

  it.each(['We will contact you at some point.', 'I will follow up later.', 'You will receive an update in due course.'])(
    'a vague time does not: %s',
    async (text) => {
      expect(await flagged(text)).toHaveLength(1);
    },
  );

  it('looks for the time in the next sentence of the same paragraph only', async () => {
    expect(await flagged("I'll call you back. It will be before 5 pm.")).toEqual([]);
    expect(await flagged("I'll call you back.\n\nOur office closes at 5 pm.")).toEqual(["I'll call you"]);
  });

  it.each([
    'Expect a call before 5 pm.',
    'That should be by Friday.',
    'You can expect it within two working days.',
    'We aim to have it done by Thursday.',
    'Typically this takes 3 days.',
    'The replacement usually arrives within 48 hours.',
    'Probably tomorrow morning.',
  ])('the next sentence completes the promise: %s', async (next) => {
    expect(await flagged(`We'll send a replacement. ${next}`)).toEqual([]);
  });

  it.each([
    'Our shop is open 10 am to 6 pm.',
    'If you would rather collect it, our depot is open until 7 pm.',
    'Your order was placed on 3 May.',
    'The original parcel was delivered on Monday.',
    'Monday to Friday, 9 am to 5 pm.',
  ])('a time of something else in the next sentence does not: %s', async (next) => {
    expect(await flagged(`We'll send a replacement as soon as possible. ${next}`)).toEqual(["We'll send"]);
  });

  it('counts a time before the promise only in its own clause', async () => {
    expect(await flagged('On Monday, our engineer will call you.')).toEqual([]);
    expect(await flagged('The fault was logged on Monday, and our engineer will call you.')).toEqual(['our engineer will call you']);
    expect(await flagged('Your order shipped today and will arrive soon.')).toEqual(['will arrive']);
  });

  it('reads a dated event as the time', async () => {
    for (const text of [
      "I'll confirm by email when the upgrade is finished tonight.",
      "We'll let you know once the stock arrives that afternoon.",
      'The team will call you when the repair is done on the 3rd.',
    ]) {
      expect(await flagged(text)).toEqual([]);
    }
  });

  it('does not read "may" as a month', async () => {
    expect(await flagged('We will investigate and may need more details.')).toEqual(['We will investigate']);
  });
});

describe('commitments, offers and instructions', () => {
  it('a contingency is an offer or may never fall due; a trailing "if needed" still promises', async () => {
    expect(await flagged("I'll switch it to the larger size if you prefer.")).toEqual([]);
    expect(await flagged("We'll let you know if anything changes.")).toEqual([]);
    expect(await flagged('We will investigate and refund the charge if needed.')).toEqual(['We will investigate']);
  });

  it.each<[string, string[]]>([
    ["We'll let you know when it ships.", ["We'll let you know"]],
    ["I'll follow up once I hear back from the courier.", ["I'll follow up"]],
    ['The lab will email you when the results are ready.', ['The lab will email you']],
    ["I've rebooked the job. The fitter will ring you once the new slot is confirmed.", ['The fitter will ring you']],
  ])('an event the team controls does not make it conditional: %s', expectFlagged);

  it.each<[string, string[]]>([
    ['We will refund you once your return is received.', []],
    ['Once a claim has been submitted, our team will review it.', []],
    ['Please sign the attached form.\n\nThanks! Once the form is received, we will activate the account.', []],
    ['Once the form is received, we will activate the account.', ['we will activate']],
  ])("an event is the customer's when it is theirs or the reply asked for it: %s", expectFlagged);

  it.each<[string, string[]]>([
    ["We'll have an answer for you soon.", ["We'll have"]],
    ["I'll be with you shortly.", ["I'll be with you"]],
    ['The depot will be closed shortly for stocktaking.', []],
    ['We will see you soon!', []],
    ["We'll miss you, and we hope to hear from you soon.", []],
    ['We offer next-day delivery, so your order will reach you promptly.', []],
  ])("a vague time makes any of the team's verbs a promise, not a state or a pleasantry: %s", expectFlagged);

  it.each<[string, string[]]>([
    ['Your request will be assessed by one of our specialists.', ['Your request will be assessed']],
    ['Your card will be charged by the bank.', []],
    ['We will go through the logs and then reply.', ['We will go through the logs and then reply']],
    ['We will need the serial number and then replace it.', []],
  ])('a passive promise names the team, a joined verb follows up: %s', expectFlagged);

  it('a softener after a subject or an auxiliary does not make an instruction', async () => {
    expect(await flagged('Writing again will not make it faster. Our team will contact you.')).toEqual(['Our team will contact you']);
    expect(await flagged('Could you please send the receipt? We will then check the charge.')).toEqual([]);
  });

  it('what the customer supplies first decides it', async () => {
    expect(await flagged('Once we receive your photos, we will arrange a replacement.')).toEqual([]);
    expect(await flagged('Please send us your order number. We will then check the status.')).toEqual([]);
    expect(await flagged('After entering your email, you will receive a reply.')).toEqual([]);
  });

  it("the writer's own gerund does not", async () => {
    expect(await flagged('After reviewing your case, we will issue a refund.')).toEqual(['we will issue a refund']);
  });

  it("steps for the customer are a procedure; the writer's own plan is not", async () => {
    const procedure = 'Here is how:\n\n1. Log in to your account.\n2. Submit the claim form.\n3. Our team will review it and contact you.';
    expect(await flagged(procedure)).toEqual([]);
    const plan = 'Here is what happens next:\n\n1. I will refund the order.\n2. Our courier will collect the parcel.';
    expect(await flagged(plan)).toEqual(['I will refund', 'Our courier will collect']);
  });

  it('ability, wishes and denials are not promises', async () => {
    for (const text of ["We'll be able to check it.", 'I will need your order number to look into this.', "We won't charge you again."]) {
      expect(await flagged(text)).toEqual([]);
    }
  });

  it('a quoted promise is not flagged, the writer\'s own in the same sentence is', async () => {
    expect(await flagged('You were told "we will call you back", so I will escalate this.')).toEqual(['I will escalate']);
  });
});

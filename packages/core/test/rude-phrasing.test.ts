/**
 * rude-phrasing beyond its documented examples: each family of phrasing with its innocent
 * neighbours, the reported span, and the spellings the tokenizer does not unify.
 */
import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../../../test/helpers.js';

const reply = (body: string): string => ['Hi Sam,', '', body, '', 'Best,', 'Kai'].join('\n');
const reported = async (body: string): Promise<string[]> => (await lintWithRule(reply(body), 'rude-phrasing')).map((message) => message.actual as string);

/** Each family: sentences with the exact texts reported, and the nearest innocent phrasing. */
const families: Record<string, { flags: Array<[string, string[]]>; passes: string[] }> = {
  'reminders (I/we, passive, aimed at the customer, exasperated)': {
    flags: [
      ['As we have already pointed out, the warranty ended in March.', ['As we have already pointed out']],
      ['As we stated in our last message, the booking cannot be moved.', ['As we stated in our last message']],
      ["As I'd already mentioned, the store closes at 6.", ["As I'd already mentioned"]],
      ['As I have stated several times, the deposit is non-refundable.', ['As I have stated several times']],
      ['As has already been explained, the voucher expired on 1 May.', ['As has already been explained']],
      ['As was already made clear, we do not accept returns after 30 days.', ['As was already made clear']],
      ['Again, as stated in our earlier correspondence, the fee stands.', ['as stated in our earlier correspondence']],
      ['As advised in our last email, the item must be unused.', ['As advised in our last email']],
      ['As you have already been told, the offer is closed.', ['As you have already been told']],
      ['As you should already know, passwords are case-sensitive.', ['As you should already know']],
      ['As you will recall from our last email, the sale has ended.', ['As you will recall']],
      ['You were already informed of the change by email on 3 May.', ['You were already informed']],
      ['This has been explained to you multiple times.', ['been explained to you multiple times']],
      ['We have explained this to you more than once.', ['We have explained this to you more than once']],
      ["I've told you repeatedly that the package is lost.", ["I've told you repeatedly"]],
      ["We've been over this already: the router stays with us.", ['been over this already']],
      ['How many times do I have to explain that the sale is over?', ['How many times do I have to explain']],
      ['Once again, I must repeat that the warranty has expired.', ['must repeat']],
      ['Let me explain this one more time: the discount is for new customers.', ['explain this one more time']],
      ['This is the third time I have written to explain the charge.', ['This is the third time I have written']],
    ],
    passes: [
      "As we discussed, I've sent the new link.",
      "As we agreed yesterday, I've moved your delivery to Friday.",
      'As promised in my last email, here is your refund confirmation.',
      "As we mentioned we would, we've added the credit to your account.",
      "As you mentioned in your email, the lid was cracked, so I've sent a new one.",
      'As you may know, we moved to a new office in May.',
      "As it was mentioned by several customers, we've fixed the checkout bug.",
      'As it was explained to me by the warehouse, the pallet was damaged in transit.',
      "As you were charged twice, I've refunded the extra $19.99.",
      'I have already explained the situation to our warehouse team, and they are repacking your order.',
      'We have now explained the problem to the manufacturer, who will replace the unit by Friday.',
      'It has been noted on your account that you prefer phone calls.',
      "You were informed by text on Monday, but the message may have gone to an old number, so I've updated it.",
      "I'm sorry you were not informed about the schedule change.",
      "I told you I'd call back today, and here is the update: the part arrived.",
      'How many times did the error appear before the app closed?',
      'Let me repeat your order back to you: two blue mugs and a teapot.',
      'Could you explain once more what happened when the app closed?',
      "This is the second time we've let you down, and I'm truly sorry.",
    ],
  },
  'blame': {
    flags: [
      ['You must have typed the wrong email address when you signed up.', ['You must have typed the wrong']],
      ['You must have ordered it twice.', ['You must have ordered']],
      ['You gave us the wrong postcode.', ['You gave us the wrong']],
      ['You entered an incorrect PIN three times, so the card is locked.', ['You entered an incorrect']],
      ['The order was cancelled because you never confirmed the address.', ['you never confirmed']],
      ['Since you did not return the form, the claim was closed.', ['Since you did not return']],
      ["As you didn't attend the appointment, the fee applies.", ["As you didn't attend"]],
      ['You never replied to our email, so the ticket was closed.', ['You never replied']],
      ["You shouldn't have cancelled the order before it shipped.", ["You shouldn't have cancelled"]],
      ['That was entirely your mistake.', ['That was entirely your mistake']],
      ["You didn't read the terms, so the charge stands.", ["You didn't read the"]],
    ],
    passes: [
      'You must have been so frustrated by the delay.',
      "You must have put up with a lot this week, and I'm sorry.",
      "You must have received our letter by now; if not, I've attached a copy.",
      "You didn't need to send the form again; we already have it.",
      "You didn't do anything wrong: the error was ours.",
      "Since you didn't receive the parcel, I've refunded it in full.",
      "Since you haven't paid yet, you can still cancel for free.",
      "As you did not use the voucher, I've extended it to June.",
      "As you didn't hear back from us, I've escalated your case.",
      "If you entered the wrong address, reply with the right one and I'll fix it.",
      "It looks like you entered an old card number, so I've sent a link to update it.",
      'You may have entered an old address; could you check it?',
      "You shouldn't have been charged, and I've refunded it today.",
      "You shouldn't have to wait this long.",
      'You never need to pay for returns with us.',
    ],
  },
  'dismissal (feelings, hand-offs, repeated contact, dead ends)': {
    flags: [
      ['Please try to keep calm while we look into it.', ['Please try to keep calm']],
      ["I understand you're upset, but you need to stay calm.", ['you need to stay calm']],
      ["There's no need to get so worked up about a late parcel.", ["There's no need to get so worked up"]],
      ['There is no need for that kind of language.', ['There is no need for that kind of language']],
      ["Please don't get so angry with our agents.", ["Please don't get so angry"]],
      ['Further emails about this will not change the outcome.', ['Further emails about this will not change']],
      ["Opening more tickets won't speed anything up.", ["Opening more tickets won't speed"]],
      ["Emailing us again and again won't get you a refund any sooner.", ["Emailing us again and again won't get"]],
      ['There is no point chasing us, the courier has the parcel.', ['There is no point chasing us']],
      ["Refunds for third-party sellers are not something we deal with; that's a question for the seller.", ["are not something we deal with; that's a question for"]],
      ['Billing disputes are not something our team handles.', ['are not something our team handles']],
      ['That is a question for your bank.', ['is a question for your']],
      ["You'll have to take that up with the airline.", ['take that up with']],
      ['Lost luggage is not our department.', ['is not our department']],
      ["We don't handle those requests here.", ["We don't handle those requests here"]],
      ["We cannot help you with that; you'll need to speak to your bank.", ['We cannot help you with that']],
      ["You'll just have to wait like everyone else.", ["You'll just have to wait"]],
      ["If you're unhappy, you're free to take your business elsewhere.", ['take your business elsewhere']],
    ],
    passes: [
      'Please stay on the line while I transfer you.',
      'If you smell gas, stay calm, open the windows and call us on 0800 111 999.',
      "Please keep calm and follow the steward's instructions during the evacuation drill.",
      'Sit back and relax while we prepare your order.',
      "There's no need to worry: your data is safe.",
      'There is no need to contact us again; the refund is on its way.',
      'Sending us a photo of the label will help us speed things up.',
      "Upgrading to express shipping won't make customs any faster, so I wouldn't pay for it.",
      'More emails will follow with your tracking details.',
      "This isn't something we handle here, so I've forwarded it to our billing team, who will reply by Friday.",
      "This isn't something we handle often, so I've checked with our manager and the refund is approved.",
      "That's a great question for our product team, and I've forwarded it to them.",
      "I'll take this up with the warehouse manager today.",
      "I can't help with the password myself, but I've asked IT to reset it within the hour.",
      "We can't help noticing you've been a member for 10 years, so here's a gift.",
      'This is a known issue for the Android app and a fix ships on Monday.',
      'The delay was caused by a storm, which was outside our control.',
      "You'll just need to sign for the parcel when it arrives.",
    ],
  },
  'arguing who is right (infallible systems and teams)': {
    flags: [
      ['Our fraud detection system never gets these things wrong.', ['system never gets these things wrong']],
      ['The meter is never wrong, so the reading stands.', ['meter is never wrong']],
      ['The GPS data is always accurate, so the driver was at your door.', ['data is always accurate']],
      ['Our billing software is 100% accurate.', ['software is 100% accurate']],
      ["The numbers don't lie: the payment was made twice.", ["numbers don't lie"]],
      ["Our technicians don't make mistakes like that.", ["technicians don't make mistakes"]],
      ['The scanners cannot be wrong.', ['scanners cannot be wrong']],
      ['We never make mistakes with refunds.', ['We never make mistakes']],
      ['I am not wrong about this.', ['I am not wrong']],
    ],
    passes: [
      'Our system shows your parcel left the depot on Monday.',
      "Our records show two orders, so I've cancelled the duplicate.",
      "The tracking system was wrong, and I'm sorry for the confusion.",
      "Our system doesn't always get this right, so I checked the warehouse log by hand.",
      "The system made a mistake, and I've corrected your bill.",
      'Please make sure the meter readings are always accurate.',
      "Please confirm your size so we don't make a mistake with the exchange.",
      'Our team is always happy to help.',
      'Our team will never share your data.',
      'Our drivers never leave parcels outside without a photo.',
      'We never charge for returns.',
      "If I'm not mistaken, your order was placed on 4 May.",
      "You were right, and I'm sorry for the confusion.",
    ],
  },
};

for (const [family, { flags, passes }] of Object.entries(families)) {
  describe(family, () => {
    it.each(flags)('flags: %s', async (body, expected) => {
      expect(await reported(body)).toEqual(expected);
    });
    it.each(passes)('passes: %s', async (body) => {
      expect(await reported(body)).toEqual([]);
    });
  });
}

describe('the report', () => {
  it('gives the family its message and note, and a rewrite where one exists', async () => {
    const [reminder] = await lintWithRule(reply('As was stated in our previous reply, the course starts on Monday.'), 'rude-phrasing');
    expect(reminder!.message).toBe('"As was stated in our previous reply" reminds the customer they were told already');
    expect(reminder!.expected).toEqual(['To recap']);
    expect(reminder!.note).toMatch(/tone is lost/u);
    const [infallible] = await lintWithRule(reply('Our scanners never make mistakes.'), 'rude-phrasing');
    expect(infallible!.message).toMatch(/argues over who is right/u);
    expect(infallible!.expected).toEqual([]);
  });

  it('reports the span on the line where the phrase starts', async () => {
    const text = reply('Thanks for the photos.\nSending us more emails about this will not make customs release it faster.');
    const [message] = await lintWithRule(text, 'rude-phrasing');
    expect([message!.line, message!.actual]).toEqual([4, 'Sending us more emails about this will not make']);
  });

  it('reports a hand-off that names who to ask instead once, not once per clause', async () => {
    expect(await reported('Warranty repairs are not something this store handles; that is a matter for the manufacturer.')).toEqual([
      'are not something this store handles; that is a matter for',
    ]);
  });
});

describe('spellings and quotations', () => {
  it('reads "cannot" like "can not" and "can\'t"', async () => {
    for (const body of ['We cannot do anything more for you.', "We can't do anything more for you.", 'The logs cannot lie.']) {
      expect(await reported(body)).toHaveLength(1);
    }
  });

  it("leaves the customer's own words alone", async () => {
    expect(await reported('You wrote "you never replied to my email", and you were right: I\'m sorry, the refund is done.')).toEqual([]);
    expect(await reported("You said “the meter is never wrong”, but it was, and I've corrected the bill.")).toEqual([]);
  });
});

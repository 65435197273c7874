/**
 * The email model: every region kind (greeting, body, closing, signature, quoted history,
 * placeholders) with offsets checked against the original text.
 */
import { describe, expect, it } from 'vitest';
import { parseEmail, type EmailModel, type Region } from '../src/email.js';
import { findPlaceholders, maskPlaceholders } from '../src/placeholders.js';

const reply = (...lines: string[]): string => lines.join('\n');

/** Every region's text is exactly the slice of the original text its offsets point at. */
function expectExactOffsets(model: EmailModel): void {
  const regions: Region[] = [
    ...(model.greeting ? [model.greeting] : []),
    ...model.body,
    ...(model.closing ? [model.closing] : []),
    ...model.signature,
    ...model.quoted,
  ];
  for (const region of regions) expect(model.text.slice(region.start, region.end)).toBe(region.text);
  const ordered = [...regions].sort((a, b) => a.start - b.start);
  for (let index = 1; index < ordered.length; index++) expect(ordered[index]!.start).toBeGreaterThanOrEqual(ordered[index - 1]!.end);
  for (const placeholder of model.placeholders) expect(model.text.slice(placeholder.start, placeholder.end)).toBe(placeholder.raw);
}

function parse(text: string): EmailModel {
  const model = parseEmail(text);
  expectExactOffsets(model);
  return model;
}

const texts = (regions: readonly Region[]): string[] => regions.map((region) => region.text);

describe('greeting', () => {
  it.each([
    ['Hi Marcus,', 'Hi Marcus,'],
    ['Dear Ms. Okafor,', 'Dear Ms. Okafor,'],
    ['Hello,', 'Hello,'],
    ['Hey there', 'Hey there'],
    ['Hi {{ticket.requester.first_name}},', 'Hi {{ticket.requester.first_name}},'],
    ['Good morning Priya!', 'Good morning Priya!'],
    ['Привет, Анна!', 'Привет, Анна!'],
    ['Hola Mateo,', 'Hola Mateo,'],
  ])('%s', (line, greeting) => {
    const model = parse(reply(line, '', 'Your refund is on its way.', '', 'Best,', 'Kai'));
    expect(model.greeting?.text).toBe(greeting);
    expect(texts(model.body)).toEqual(['Your refund is on its way.']);
  });

  it('takes only the lead-in of a greeting that runs on into the body', () => {
    const model = parse(reply("Hi Marcus, thanks for the photos. I've sent a new label.", '', 'Cheers,', 'Kai'));
    expect(model.greeting?.text).toBe('Hi Marcus,');
    expect(texts(model.body)).toEqual(["thanks for the photos. I've sent a new label."]);
  });

  it('is absent when the reply opens with its message', () => {
    const model = parse(reply('Your order shipped this morning.', '', 'Kai'));
    expect(model.greeting).toBeUndefined();
    expect(texts(model.body)).toEqual(['Your order shipped this morning.']);
  });

  it.each([['Welcome back, Ana!'], ['Good morning team,'], ['Greetings {{customer.first_name}},']])('%s addresses someone', (line) => {
    expect(parse(reply(line, '', 'Your trial runs for another 30 days.')).greeting?.text).toBe(line);
  });

  it.each([['Welcome back to the beta programme, we have reset your trial so it runs for another 30 days.'], ['Morning deliveries are full this week']])(
    'does not take "%s" for a greeting',
    (line) => {
      const model = parse(reply(line, '', 'Kai'));
      expect(model.greeting).toBeUndefined();
      expect(model.body[0]!.text).toBe(line);
    },
  );
});

describe('body', () => {
  it('keeps paragraphs apart and lines of one paragraph together', () => {
    const model = parse(
      reply('Hi Ana,', '', 'I checked with the warehouse.', 'Your parcel left this morning.', '', 'The tracking number is 1Z999.', '', 'Best,', 'Kai'),
    );
    expect(texts(model.body)).toEqual(['I checked with the warehouse.\nYour parcel left this morning.', 'The tracking number is 1Z999.']);
  });

  it('is the whole of a chat-style snippet', () => {
    const model = parse('Your refund is on its way.');
    expect(texts(model.body)).toEqual(['Your refund is on its way.']);
    expect(model.closing).toBeUndefined();
    expect(model.signature).toEqual([]);
  });

  it('is a lone "Thanks!" rather than a closing', () => {
    const model = parse('Thanks!');
    expect(texts(model.body)).toEqual(['Thanks!']);
    expect(model.closing).toBeUndefined();
  });

  it('keeps a list after "the following:" out of the signature', () => {
    const model = parse(reply('Hi Ana,', '', 'Please confirm the following:', '', 'Order Number', 'Billing Address'));
    expect(texts(model.body)).toEqual(['Please confirm the following:', 'Order Number\nBilling Address']);
    expect(model.signature).toEqual([]);
  });

  it('keeps bulleted and numbered steps out of the signature', () => {
    const bullets = parse(reply('Hi Ana,', '', 'To reset it:', '- Open Settings', '- Tap Reset'));
    expect(bullets.signature).toEqual([]);
    expect(texts(bullets.body)).toEqual(['To reset it:\n- Open Settings\n- Tap Reset']);
    const numbered = parse(reply('Hi Ana,', '', 'Here is how.', '', '1. Open Settings', '2. Tap Reset'));
    expect(numbered.signature).toEqual([]);
  });

  it('keeps a P.S. after the signature as body', () => {
    const model = parse(reply('Hi Ana,', '', 'Your refund is done.', '', 'Best,', 'Kai', '', 'P.S. Your voucher code is WELCOME10.'));
    expect(model.closing?.text).toBe('Best,');
    expect(texts(model.signature)).toEqual(['Kai']);
    expect(texts(model.body)).toEqual(['Your refund is done.', 'P.S. Your voucher code is WELCOME10.']);
  });
});

describe('closing', () => {
  it.each([
    ['Best regards,', 'Kai Andersen'],
    ['Thanks,', 'Kai'],
    ['Cheers,', 'Priya'],
    ['Warmly,', 'Nguyễn Thị Lan'],
    ['Talk soon,', 'Oluwaseun'],
    ['Viele Grüße,', 'Jonas'],
    ['Enjoy your weekend!', 'Zhang Wei'],
    ['Kind regards', 'Siobhan Murphy'],
    ['С уважением,', 'Анна Иванова'],
    ['よろしくお願いします。', '佐藤太郎'],
    ['مع التحية،', 'فاطمة'],
    ['Looking forward to hearing from you,', 'Kai'],
    ['Warm regards from all of us,', 'The Acme Family'],
    ['Until next time,', 'Kai'],
    ['Cheers! 🙌', 'Mei 😊'],
  ])('%s', (closing, name) => {
    const model = parse(reply('Hi Ana,', '', 'Your replacement ships today.', '', closing, name));
    expect(model.closing?.text).toBe(closing);
    expect(texts(model.signature)).toEqual([name]);
    expect(texts(model.body)).toEqual(['Your replacement ships today.']);
  });

  it.each([['Thanks,'], ['Best regards,'], ['Have a lovely day!'], ['Thanks so much!']])('%s with no name after it', (closing) => {
    const model = parse(reply('Hi Ana,', '', 'Your replacement ships today.', '', closing));
    expect(model.closing?.text).toBe(closing);
    expect(model.signature).toEqual([]);
  });

  it('splits "Cheers, Kai" into closing and signature', () => {
    const model = parse(reply('Hi Ana,', '', 'Your replacement ships today.', '', 'Cheers, Kai'));
    expect(model.closing?.text).toBe('Cheers,');
    expect(texts(model.signature)).toEqual(['Kai']);
  });

  it('splits "Thanks, the Acme support team" into closing and signature', () => {
    const model = parse(reply('Hi Ana,', '', 'Done.', '', 'Thanks, the Acme support team'));
    expect(model.closing?.text).toBe('Thanks,');
    expect(texts(model.signature)).toEqual(['the Acme support team']);
  });

  it.each([
    ['Cheers, Kai', 'Cheers,', 'Kai'],
    // A closing sentence before a signing dash: the signature starts at the dash.
    ['Cheers! – Kai', 'Cheers!', '– Kai'],
  ])('splits a sign-off after the last sentence of a one-line reply: %s', (signOff, closing, signature) => {
    const model = parse(reply('Hi Ana,', '', `Your replacement ships today. ${signOff}`));
    expect(texts(model.body)).toEqual(['Your replacement ships today.']);
    expect(model.closing?.text).toBe(closing);
    expect(texts(model.signature)).toEqual([signature]);
  });

  it('keeps "Thanks," that starts a sentence in the body', () => {
    const model = parse(reply('Hi Ana,', '', 'We checked. Thanks, we will refund it.'));
    expect(model.closing).toBeUndefined();
    expect(texts(model.body)).toEqual(['We checked. Thanks, we will refund it.']);
  });

  it('takes a lower-case name under a closing as the signature', () => {
    const model = parse(reply('hey ana', '', 'fixed it for you.', '', 'cheers,', 'kai'));
    expect(model.closing?.text).toBe('cheers,');
    expect(texts(model.signature)).toEqual(['kai']);
  });

  it('keeps the closing\'s own punctuation before a dash: "Thanks! – Kai"', () => {
    const model = parse(reply('Hi Ana,', '', 'Your replacement ships today.', '', 'Thanks! – Kai'));
    expect(model.closing?.text).toBe('Thanks!');
    expect(texts(model.signature)).toEqual(['– Kai']);
  });

  it('reads a reply of nothing but "Thanks, Kai" as a body signed by Kai', () => {
    const model = parse('Thanks, Kai');
    expect(model.closing).toBeUndefined();
    expect(texts(model.body)).toEqual(['Thanks,']);
    expect(texts(model.signature)).toEqual(['Kai']);
  });

  it('reads "Thanks!" under a greeting and a blank line as the body, as without the blank line', () => {
    for (const text of [reply('Hi Ana,', '', 'Thanks!'), reply('Hi Ana,', 'Thanks!')]) {
      const model = parse(text);
      expect(model.closing).toBeUndefined();
      expect(texts(model.body)).toEqual(['Thanks!']);
    }
  });

  describe('body lines that are not closings', () => {
    it.each([
      ['Let me know if that works for you.'],
      ['Thanks for your patience while we sort this out.'],
      ['Thank you for choosing Acme, and enjoy the new headphones.'],
      ['Have a look at the attached invoice and let me know if anything is off.'],
      ['Best of all, the upgrade is free.'],
      ['Sorry again!'],
      ['Let me know!'],
    ])('%s', (last) => {
      const model = parse(reply('Hi Ana,', '', 'Your replacement ships today.', '', last));
      expect(model.closing).toBeUndefined();
      expect(model.signature).toEqual([]);
      expect(texts(model.body)).toEqual(['Your replacement ships today.', last]);
    });

    it('keeps a final sentence that starts with "Thanks" in the body above the signature', () => {
      const model = parse(reply('Hi Ana,', '', 'Your replacement ships today.', 'Thanks for your patience while we sort this out.', 'Kai'));
      expect(model.closing).toBeUndefined();
      expect(texts(model.signature)).toEqual(['Kai']);
      expect(texts(model.body)).toEqual(['Your replacement ships today.\nThanks for your patience while we sort this out.']);
    });
  });
});

describe('signature', () => {
  it('reads name, title, company and phone lines', () => {
    const model = parse(reply('Hi Ana,', '', 'Done.', '', 'Best regards,', 'Kai Andersen', 'Support Lead, Acme', '+1 555 123 4567', 'kai@acme.com'));
    expect(texts(model.signature)).toEqual(['Kai Andersen', 'Support Lead, Acme', '+1 555 123 4567', 'kai@acme.com']);
  });

  it('reads title and company lines in sentence case under a closing and a name', () => {
    const model = parse(reply('Hi Ana,', '', 'Done.', '', 'Best,', 'Kai Andersen', 'Senior support engineer', 'Acme, customer care'));
    expect(model.closing?.text).toBe('Best,');
    expect(texts(model.signature)).toEqual(['Kai Andersen', 'Senior support engineer', 'Acme, customer care']);
    expect(texts(model.body)).toEqual(['Done.']);
  });

  it('starts after the "-- " delimiter', () => {
    const model = parse(reply('Hi Ana,', '', 'Done.', '', '-- ', 'Kai Andersen', 'Acme Support'));
    expect(model.closing).toBeUndefined();
    expect(texts(model.signature)).toEqual(['Kai Andersen', 'Acme Support']);
    expect(texts(model.body)).toEqual(['Done.']);
  });

  it('keeps a closing above the "-- " delimiter', () => {
    const model = parse(reply('Hi Ana,', '', 'Done.', '', 'Thanks,', 'Kai', '-- ', 'Acme Support | acme.com'));
    expect(model.closing?.text).toBe('Thanks,');
    expect(texts(model.signature)).toEqual(['Kai', 'Acme Support | acme.com']);
  });

  it('ignores a "--" that separates parts of the body', () => {
    const model = parse(reply('Hi Ana,', '', 'Part one of the answer.', '--', 'Part two of the answer.', '', 'Best,', 'Kai'));
    expect(texts(model.body)).toEqual(['Part one of the answer.\n--\nPart two of the answer.']);
    expect(texts(model.signature)).toEqual(['Kai']);
  });

  it.each([['– Kai Andersen, Support'], ['- Kai'], ['Kai from Acme Support'], ['Kai (he/him)'], ['{{current_user.first_name}}'], ['王芳']])(
    'reads %s under the body without a closing',
    (line) => {
      const model = parse(reply('Hi Ana,', '', 'Your order is on its way.', line));
      expect(model.closing).toBeUndefined();
      expect(texts(model.signature)).toEqual([line]);
      expect(texts(model.body)).toEqual(['Your order is on its way.']);
    },
  );

  it('reads a company line with a lower-case legal form: "Harbour & Vale Bank plc"', () => {
    const model = parse(reply('Dear Mr Thompson,', '', 'Your new rate applies from 1 May.', '', 'Yours sincerely,', 'Harbour & Vale Bank plc'));
    expect(model.closing?.text).toBe('Yours sincerely,');
    expect(texts(model.signature)).toEqual(['Harbour & Vale Bank plc']);
  });

  it('reads a name ending in an initial after a dash: "– Kai A."', () => {
    const model = parse(reply('Hi Ana,', '', 'Your order is on its way.', '– Kai A.'));
    expect(texts(model.signature)).toEqual(['– Kai A.']);
    expect(texts(model.body)).toEqual(['Your order is on its way.']);
  });

  describe('a dash and a name at the end of the last line', () => {
    // The body ends before the dash; the signature keeps it, as a "– Kai" line of its own does.
    it.each([
      ['Sorted! The new charger left our warehouse this morning. – Mateus', 'Sorted! The new charger left our warehouse this morning.', '– Mateus'],
      ['All set, the plan renews next month — Aiko T.', 'All set, the plan renews next month', '— Aiko T.'],
      ['All set, the plan renews on 3 June — Aiko', 'All set, the plan renews on 3 June', '— Aiko'],
      ['The label is in your inbox. ~Priya', 'The label is in your inbox.', '~Priya'],
      ['The label is in your inbox. -Jonas', 'The label is in your inbox.', '-Jonas'],
      ['Fixed on our side :) – Nguyễn Thị Lan', 'Fixed on our side :)', '– Nguyễn Thị Lan'],
      ['Your parcel is on its way 📦 – {{current_user.first_name}}', 'Your parcel is on its way 📦', '– {{current_user.first_name}}'],
      ['您的订单已发货。 – 王芳', '您的订单已发货。', '– 王芳'],
      ['Your table is booked for eight. – Guest Relations', 'Your table is booked for eight.', '– Guest Relations'],
      ['Thanks for bearing with us — Ama Owusu', 'Thanks for bearing with us', '— Ama Owusu'],
      ['The code works again. – June', 'The code works again.', '– June'],
    ])('%s', (line, body, signature) => {
      const model = parse(reply('Hi Ana,', '', line));
      expect(model.greeting?.text).toBe('Hi Ana,');
      expect(texts(model.body)).toEqual([body]);
      expect(model.closing).toBeUndefined();
      expect(texts(model.signature)).toEqual([signature]);
    });

    it('in a one-line chat reply, with CRLF after it', () => {
      const text = 'Done! The refund of €18.40 went out today. – Lena\r\n';
      const model = parse(text);
      expect(texts(model.body)).toEqual(['Done! The refund of €18.40 went out today.']);
      expect(model.signature[0]).toMatchObject({ text: '– Lena', start: text.indexOf('–') });
    });

    it('only on the last line', () => {
      const model = parse(reply('Hi Ana,', '', 'Your refund went out today. – Lena', 'The tracking link follows by email.'));
      expect(model.signature).toEqual([]);
    });

    it.each([
      ['a dash inside a sentence', 'The fee – about €5 – is waived.'],
      ['a dash before a clause', 'We have reset your password – you can log in now'],
      ['a range of days', 'Our phone lines are open Mon – Fri'],
      ['a range of days with full stops', 'Our phone lines are open Mon. – Fri.'],
      ['a range of months named like people', 'The pool is open from June – August'],
      ['a range of hours', 'The engineer will arrive between 9 – 11 am'],
      ['a range without spaces', 'The engineer will arrive 9–11 am'],
      ['a pair of places', 'Direct trains run London – Paris'],
      ['a number after the dash', 'You can collect it from our depot – Unit 4'],
      ['a phone number after the dash', 'Please call our support line – 0800 123 4567'],
      ['a date after a full sentence', 'Your plan renews soon. – Friday 3 May'],
    ])('not %s', (_kind, line) => {
      const model = parse(reply('Hi Ana,', '', line));
      expect(model.signature).toEqual([]);
      expect(texts(model.body)).toEqual([line]);
    });

    it('not a signature line that holds a dash itself', () => {
      for (const signature of ['Kai A. – Support Lead', 'The Acme team – Billing', 'Kai Andersen – Acme']) {
        const model = parse(reply('Hi Ana,', '', 'Done.', '', 'Best,', signature));
        expect(model.closing?.text).toBe('Best,');
        expect(texts(model.signature)).toEqual([signature]);
      }
    });
  });

  it('keeps mail-client and legal footers in the signature, not the body', () => {
    const footer = 'This email and any attachments are confidential and intended solely for the addressee.';
    const model = parse(reply('Hi Ana,', '', 'Done.', '', 'Best,', 'Kai', '', 'Sent from my iPhone', '', footer));
    expect(model.closing?.text).toBe('Best,');
    expect(texts(model.signature)).toEqual(['Kai', 'Sent from my iPhone', footer]);
    expect(texts(model.body)).toEqual(['Done.']);
  });

  it('does not take an unpunctuated body line for a closing', () => {
    const model = parse(reply('Hi Ana,', '', 'Your order shipped', 'Kai'));
    expect(model.signature).toEqual([]);
    expect(texts(model.body)).toEqual(['Your order shipped\nKai']);
  });
});

describe('quoted history', () => {
  const above = reply('Hi Ana,', '', 'Your order is on its way.', '', 'Best,', 'Kai', '');

  it('starts at "On <date>, <name> wrote:"', () => {
    const model = parse(reply(above, 'On Mon, 3 Mar 2025 at 10:02, Ana Lima <ana@example.com> wrote:', '> Where is my order?', '>', '> Thanks,', '> Ana'));
    expect(model.quotedAuthor).toBe('Ana Lima');
    expect(model.quotedText).toBe('Where is my order?\n\nThanks,\nAna');
    expect(texts(model.quoted)).toEqual(['On Mon, 3 Mar 2025 at 10:02, Ana Lima <ana@example.com> wrote:\n> Where is my order?\n>\n> Thanks,\n> Ana']);
    expect(texts(model.signature)).toEqual(['Kai']);
  });

  it('reads a reply header wrapped over two lines', () => {
    const model = parse(reply(above, 'On Monday, March 3, 2025 at 10:02 AM Ana Lima', '<ana@example.com> wrote:', '> Where is my order?'));
    expect(model.quotedAuthor).toBe('Ana Lima');
    expect(model.quotedText).toBe('Where is my order?');
    expect(texts(model.signature)).toEqual(['Kai']);
  });

  it('reads "-----Original Message-----" with its fields', () => {
    const model = parse(reply(above, '-----Original Message-----', 'From: Ana Lima', 'Sent: Monday, March 3, 2025 10:02', 'Subject: Order', '', 'Where is my order?'));
    expect(model.quoted[0]!.text.startsWith('-----Original Message-----')).toBe(true);
    expect(model.quotedAuthor).toBe('Ana Lima');
    expect(model.quotedText).toBe('Where is my order?');
  });

  it('reads an Outlook "From: … Sent: … To: … Subject:" block', () => {
    const model = parse(
      reply(above, 'From: Ana Lima <ana@example.com>', 'Sent: Monday, March 3, 2025 10:02 AM', 'To: support@acme.com', 'Subject: Where is my order?', '', 'It has been a week.'),
    );
    expect(model.quotedAuthor).toBe('Ana Lima');
    expect(model.quotedText).toBe('It has been a week.');
    expect(texts(model.body)).toEqual(['Your order is on its way.']);
  });

  it('reads "Begin forwarded message:"', () => {
    const model = parse(reply('Forwarding this to you.', '', 'Begin forwarded message:', '', 'From: Ana Lima', 'Subject: Refund', '', 'Can I get a refund?'));
    expect(texts(model.body)).toEqual(['Forwarding this to you.']);
    expect(model.quotedAuthor).toBe('Ana Lima');
    expect(model.quotedText).toBe('Can I get a refund?');
  });

  it('reads a German reply header with the name after "schrieb"', () => {
    const model = parse(reply(above, 'Am 03.03.2025 um 10:02 schrieb Ana Lima <ana@example.com>:', '> Wo ist meine Bestellung?'));
    expect(model.quotedAuthor).toBe('Ana Lima');
    expect(model.quotedText).toBe('Wo ist meine Bestellung?');
  });

  it('keeps inline `>` quotes out of the body, in order', () => {
    const model = parse(reply('Hi Ana,', '', '> The box was damaged.', '> The screen is cracked.', '', "I'm sorry: a replacement ships today.", '', 'Best,', 'Kai'));
    expect(texts(model.quoted)).toEqual(['> The box was damaged.\n> The screen is cracked.']);
    expect(model.quotedText).toBe('The box was damaged.\nThe screen is cracked.');
    expect(texts(model.body)).toEqual(["I'm sorry: a replacement ships today."]);
  });

  it('leaves a reply with nothing but quoted text without body', () => {
    const model = parse(reply('> Where is my order?', '> Ana'));
    expect(model.body).toEqual([]);
    expect(model.quotedText).toBe('Where is my order?\nAna');
  });
});

describe('placeholders', () => {
  it.each([
    ['{{ticket.requester.first_name}}', 'mustache', 'ticket.requester.first_name', 'customer-name', undefined],
    ['{{customer.first_name|fallback:"there"}}', 'mustache', 'customer.first_name', 'customer-name', 'there'],
    ['{%customer.firstName,fallback=there%}', 'liquid-tag', 'customer.firstName', 'customer-name', 'there'],
    ['{% if ticket.via == "web" %}', 'liquid-tag', 'if ticket.via == "web"', 'other', undefined],
    ['%{ticket.number}', 'percent', 'ticket.number', 'other', undefined],
    ['#{ticket.customer.firstname}', 'hash', 'ticket.customer.firstname', 'customer-name', undefined],
    ['[Customer Name]', 'bracket', 'Customer Name', 'customer-name', undefined],
    ['[[MISSING TOKEN]]', 'double-bracket', 'MISSING TOKEN', 'other', undefined],
    ['{{delivery_date}}', 'mustache', 'delivery_date', 'date', undefined],
    // Agents: whoever sends the reply.
    ['{{current_user.first_name}}', 'mustache', 'current_user.first_name', 'agent-name', undefined],
    ['{%user.fullName%}', 'liquid-tag', 'user.fullName', 'agent-name', undefined],
    ['{{agent.name}}', 'mustache', 'agent.name', 'agent-name', undefined],
    ['{{ticket.assignee.name}}', 'mustache', 'ticket.assignee.name', 'agent-name', undefined],
    ['{{ticket.agent.name}}', 'mustache', 'ticket.agent.name', 'agent-name', undefined],
    ['%{staff.name}', 'percent', 'staff.name', 'agent-name', undefined],
    ['#{user.firstname}', 'hash', 'user.firstname', 'agent-name', undefined],
    ['[Your name]', 'bracket', 'Your name', 'agent-name', undefined],
    ['[Agent Name]', 'bracket', 'Agent Name', 'agent-name', undefined],
  ])('%s', (raw, syntax, name, role, fallback) => {
    const text = `Hi there, ${raw} — see you.`;
    const [placeholder, ...others] = findPlaceholders(text);
    expect(others).toEqual([]);
    expect(placeholder).toMatchObject({ raw, syntax, name, role, start: 10, end: 10 + raw.length });
    expect(placeholder!.fallback).toBe(fallback);
  });

  it.each([['[sic]'], ['[1]'], ['[link](https://acme.com)'], ['[x]']])('%s is not a placeholder', (text) => {
    expect(findPlaceholders(`It says ${text} here.`)).toEqual([]);
  });

  it('masks placeholders with same-length runs so that offsets still hold', () => {
    const text = 'Hi {{customer.name}}, your code is %{code}.';
    const masked = maskPlaceholders(text, findPlaceholders(text));
    expect(masked).toBe(`Hi ${'x'.repeat(17)}, your code is ${'x'.repeat(7)}.`);
    expect(masked.length).toBe(text.length);
  });

  it('are listed on the model with offsets into the reply', () => {
    const model = parse(reply('Hi {{ticket.requester.first_name}},', '', 'Your refund of {{refund.amount}} is done.', '', 'Thanks,', '{{current_user.first_name}}'));
    expect(model.placeholders.map((placeholder) => placeholder.role)).toEqual(['customer-name', 'other', 'agent-name']);
    expect(texts(model.signature)).toEqual(['{{current_user.first_name}}']);
  });
});

describe('offsets in the original text', () => {
  it('hold with CRLF line endings', () => {
    const text = ['Hi Marcus,', '', 'Your refund is done.', 'It shows in 3 days.', '', 'Best regards,', 'Kai Andersen', '', 'On Mon, 3 Mar 2025, Marcus <m@x.io> wrote:', '> Refund?'].join('\r\n');
    const model = parse(text);
    expect(model.greeting?.text).toBe('Hi Marcus,');
    expect(texts(model.body)).toEqual(['Your refund is done.\r\nIt shows in 3 days.']);
    expect(model.closing?.start).toBe(text.indexOf('Best regards,'));
    expect(texts(model.signature)).toEqual(['Kai Andersen']);
    expect(model.quotedText).toBe('Refund?');
  });

  it('hold with tabs and indentation', () => {
    const model = parse(['\tHi Ana,', '', '\tDone.', '', '\tThanks,', '\tKai'].join('\n'));
    expect(model.greeting?.text).toBe('Hi Ana,');
    expect(model.closing?.text).toBe('Thanks,');
    expect(texts(model.signature)).toEqual(['Kai']);
  });

  it('hold with emoji, accents and non-Latin scripts', () => {
    const text = reply('Olá João,', '', 'O reembolso 💸 já foi feito — até já! 🎉', '', 'Cumprimentos,', 'Nguyễn Thị Lan', '王芳 · 客服');
    const model = parse(text);
    expect(texts(model.body)).toEqual(['O reembolso 💸 já foi feito — até já! 🎉']);
    expect(model.closing?.text).toBe('Cumprimentos,');
    expect(texts(model.signature)).toEqual(['Nguyễn Thị Lan', '王芳 · 客服']);
    expect(model.signature[1]!.start).toBe(text.indexOf('王芳'));
  });

  it('hold for empty and blank input', () => {
    for (const text of ['', '\n\n', '   ', '\r\n']) {
      const model = parse(text);
      expect(model.body).toEqual([]);
      expect(model.signature).toEqual([]);
    }
  });
});

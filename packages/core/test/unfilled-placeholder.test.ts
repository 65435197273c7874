/**
 * unfilled-placeholder beyond its documented examples: drafts only, every platform's syntax,
 * and the look-alikes it must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../../../test/helpers.js';

const reply = (...body: string[]): string => ['Hi Marcus,', '', ...body, '', 'Best,', 'Kai Andersen'].join('\n');
const flagged = async (text: string): Promise<string[]> => (await lintWithRule(text, 'unfilled-placeholder')).map((message) => message.actual!);

describe('unrendered placeholders in a draft', () => {
  it.each([
    ['{{ticket.requester.first_name}}'],
    ['{{ticket.requester.first_name | capitalize}}'],
    ['{%customer.firstName,fallback=there%}'],
    ['{{first_name|fallback:"there"}}'],
    ['{{ contact.firstname }}'],
    ['%{ticket.number}'],
    ['#{ticket.customer.firstname}'],
    ['[[MISSING TOKEN - COMPANY]]'],
    ['{% if ticket.via == "web" %}'],
    ['*|FNAME|*'],
    ['%FIRSTNAME%'],
    ['<<First Name>>'],
    ['${first_name}'],
    ['{first_name}'],
    ['{order_id}'],
  ])('%s', async (placeholder) => {
    expect(await flagged(reply(`Your ticket ${placeholder} is solved.`))).toEqual([placeholder]);
  });

  it('is silent on templates, where placeholders are the point', async () => {
    const text = 'Hi [Customer Name], your ticket {{ticket.id}} is solved. TODO: XXX\n\nBest,\n{{current_user.name}}';
    expect(await lintWithRule(text, 'unfilled-placeholder', undefined, { kind: 'template' })).toEqual([]);
    expect(await lintWithRule(text, 'unfilled-placeholder', undefined, { kind: 'template', platform: 'zendesk' })).toEqual([]);
  });

  it('reports at the slot, with its line and column, as an error-class defect', async () => {
    const [message, ...others] = await lintWithRule('Hi Ana,\r\n\r\nYour refund of £XX.XX is on its way.\r\n\r\nBest,\r\nKai', 'unfilled-placeholder');
    expect(others).toEqual([]);
    expect([message!.line, message!.column, message!.actual]).toEqual([3, 16, '£XX.XX']);
  });
});

describe('slots written for a person', () => {
  it.each([['[Customer Name]'], ['[customer name]'], ['[date]'], ['[Order Number]'], ['[Insert tracking link]'], ['<insert date>'], ['<Customer Name>'], ['[Date of delivery]']])(
    '%s',
    async (slot) => {
      expect(await flagged(reply(`The parcel for ${slot} is ready.`))).toEqual([slot]);
    },
  );

  it.each([
    ['[sic]'],
    ['[1]'],
    ['[EXTERNAL]'],
    ['[Ticket #4411]'],
    ['[Company Confidential]'],
    ['[see the photo]'],
    ['[release notes](https://example.com/notes)'],
    ['<ana@example.com>'],
    ['<https://example.com/track>'],
    ['<code>'],
    ['[Product]'],
  ])('not %s', async (text) => {
    expect(await flagged(reply(`The parcel ${text} is ready.`))).toEqual([]);
  });
});

describe("writer's markers", () => {
  it.each([['It ships within [X] business days.'], ['It ships within XX days.'], ['Read [link to the article] first.']])('%s', async (line) => {
    expect(await flagged(reply(line))).toHaveLength(1);
  });

  it.each([['Press [X] to close the window.'], ['Tick [X] when done.'], ['The XX chromosome.']])('not %s', async (line) => {
    expect(await flagged(reply(line))).toEqual([]);
  });

  it('reads a field name in capitals in the greeting, not in the body', async () => {
    expect(await flagged('Hi FIRST_NAME,\n\nYour order ships today.\n\nBest,\nKai')).toEqual(['FIRST_NAME']);
    expect(await flagged('Hi Ana,\n\nPut your NAME in capitals on the form.\n\nBest,\nKai')).toEqual([]);
  });

  it.each([['TODO: add the tracking link'], ['[TODO]'], ['Tracking: TODO'], ['FIXME check the amount'], ['Refund: XXX'], ['Delivered on XX/XX/XXXX.'], ['It costs $XX.'], ['The fee is £?? a month.']])(
    '%s',
    async (line) => {
      expect(await flagged(reply(line))).toHaveLength(1);
    },
  );

  it.each([
    ['Your card ending XXXX-1234 was refunded.'],
    ['The card XXXX XXXX XXXX 1234 is blocked.'],
    ['The account **** XXXX 9921 is closed.'],
    ['Add it to your TODO list.'],
    ['The TODO app syncs now.'],
    ['Todo list items sync now.'],
    ['Thanks xxx'],
    ['The XXL size is back in stock.'],
    ['The set {a, b} and ${total} and {n} are maths.'],
    ['Take 10% OFF% now, or 20%.'],
    ['Why was I charged?? Sorry about that.'],
  ])('not %s', async (line) => {
    expect(await flagged(reply(line))).toEqual([]);
  });
});

describe('buttons, menus and code', () => {
  it.each([
    ['Click [Billing Details] to see the invoice.'],
    ['Open [Settings] > [Account Name] and save.'],
    ['Use the [Order Number] field on the form.'],
    ['Write `{{ product.title | escape }}` instead of `{{ product.title }}` in your theme.'],
  ])('not %s', async (line) => {
    expect(await flagged(reply(line))).toEqual([]);
  });
});

describe("someone else's words", () => {
  it('leaves slots in quotation marks and quoted history alone', async () => {
    const text = [
      'Hi Omar,',
      '',
      'Sorry that our newsletter said "Dear [Customer Name]" this morning.',
      '',
      'Best,',
      'Kai',
      '',
      'On Tue, 4 Mar 2025 at 09:12, Omar <omar@example.com> wrote:',
      '> It says Hi {{first_name}} lol',
    ].join('\n');
    expect(await flagged(text)).toEqual([]);
  });
});

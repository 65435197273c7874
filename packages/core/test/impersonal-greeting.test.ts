/**
 * impersonal-greeting beyond its documented examples: the rewrites it proposes (and applies
 * as a fix), and whose name counts as the customer's.
 */
import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../../../test/helpers.js';

const quoted = (author: string): string => `\n\nOn Tue, 4 Jun 2024 at 10:12, ${author} wrote:\n> Can I have a window seat?`;
const reply = (greeting: string, tail = quoted('Marcus Lee <marcus@example.com>')): string => `${greeting}\n\nYour seat is now 12C.\n\nBest,\nKai Andersen${tail}`;

describe('rewrites', () => {
  it.each([
    ['Hello,', 'Hello Marcus,'],
    ['Hi there!', 'Hi Marcus!'],
    ['Good morning,', 'Good morning Marcus,'],
    ['Dear Customer,', 'Dear Marcus Lee,'],
    ['Dear valued customer,', 'Dear Marcus Lee,'],
    ['To whom it may concern,', 'Dear Marcus Lee,'],
    ['Hola,', 'Hola Marcus,'],
  ])('%s → %s, as the fix', async (greeting, rewrite) => {
    const [message] = await lintWithRule(reply(greeting), 'impersonal-greeting');
    expect(message!.expected).toEqual([rewrite]);
    expect(message!.fix).toEqual({ range: [0, greeting.length], text: rewrite });
  });

  it('uses the customer-name placeholder of a template', async () => {
    const text = 'Hi there,\n\nThe reading for {{ticket.requester.first_name}} is saved.\n\nBest,\n{{current_user.name}}';
    expect((await lintWithRule(text, 'impersonal-greeting'))[0]!.expected).toEqual(['Hi {{ticket.requester.first_name}},']);
  });

  it('keeps an honorific from the quote header with the full name', async () => {
    const [message] = await lintWithRule(reply('Hello,', quoted('Dr. Amara Okafor <amara@example.com>')), 'impersonal-greeting');
    expect(message!.expected).toEqual(['Hello Dr. Amara Okafor,']);
  });

  it('reports a category without a rewrite when no name is known', async () => {
    const [message] = await lintWithRule(reply('Dear Sir/Madam,', ''), 'impersonal-greeting');
    expect([message!.actual, message!.expected, message!.fix]).toEqual(['Dear Sir/Madam,', [], undefined]);
  });
});

describe('whose name is known', () => {
  it.each([
    ['a team', 'Acme Support <support@acme.example>'],
    ['a company', 'Northwind Bank <noreply@northwind.example>'],
    ['the agent who signs', 'Kai Andersen <kai@acme.example>'],
    ['an address only', 'marcus@example.com'],
  ])('a nameless greeting passes when the quoted author is %s', async (_, author) => {
    expect(await lintWithRule(reply('Hello,', quoted(author)), 'impersonal-greeting')).toEqual([]);
  });

  it.each([
    ['Dear premium member,', true],
    ['Dear Madam,', true],
    ['Dear Mr Guest,', false],
    ['Hi Marcus,', false],
  ])('%s is impersonal: %s', async (greeting, impersonal) => {
    expect(await lintWithRule(reply(greeting, ''), 'impersonal-greeting')).toHaveLength(impersonal ? 1 : 0);
  });

  it('reads "Madame, Monsieur," on the first line though it is no greeting shape the model knows', async () => {
    const messages = await lintWithRule('Madame, Monsieur,\n\nVotre colis arrive jeudi.\n\nCordialement,\nAmélie Laurent', 'impersonal-greeting');
    expect(messages.map((message) => message.actual)).toEqual(['Madame, Monsieur,']);
  });
});

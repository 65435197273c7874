/**
 * missing-agent-name beyond its documented examples: option validation, requireFullName,
 * and where the single finding lands.
 */
import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../../../test/helpers.js';
import { validateConfig } from '../src/config.js';
import rule from '../src/rules/missing-agent-name.js';

const signed = (...signature: string[]): string => ['Hi Ana,', '', 'Your replacement ships today.', '', 'Best,', ...signature].join('\n');

describe('options', () => {
  it('default to requireFullName: false', () => {
    expect(rule.options!.defaults).toEqual({ requireFullName: false });
    expect(rule.options!.parse({})).toEqual({ requireFullName: false });
    expect(rule.options!.parse({ requireFullName: true })).toEqual({ requireFullName: true });
  });

  it.each([
    [{ requireFullname: true }, /unknown option "requireFullname"/u],
    [{ requireFullName: 'yes' }, /"requireFullName" must be true or false/u],
    [['requireFullName'], /options must be an object/u],
  ])('reject %j naming the key', (options, message) => {
    expect(() => rule.options!.parse(options)).toThrow(message);
    expect(() => validateConfig({ rules: { 'missing-agent-name': ['warn', options] } })).toThrow(message);
  });
});

describe('requireFullName', () => {
  it.each([['Kai'], ['Kai A.'], ['{{current_user.first_name}}'], ['[Your First Name]'], ['Mei 😊']])('flags the first name alone: %s', async (name) => {
    const messages = await lintWithRule(signed(name), 'missing-agent-name', { requireFullName: true });
    expect(messages.map((message) => [message.actual, message.line])).toEqual([[name, 6]]);
    expect(messages[0]!.reason).toMatch(/full name/u);
    expect(await lintWithRule(signed(name), 'missing-agent-name')).toEqual([]);
  });

  it.each([['Kai Andersen'], ['J. Smith'], ['Ms. Okafor'], ['王芳'], ['Nguyễn Thị Lan'], ['{{agent.name}}'], ['{{agent.first_name}} {{agent.last_name}}'], ['[Your name]'], ['Kai', 'Kai Andersen, Support Lead']])(
    'passes a full name: %s',
    async (...name) => {
      expect(await lintWithRule(signed(...name), 'missing-agent-name', { requireFullName: true })).toEqual([]);
    },
  );
});

describe('where the finding lands', () => {
  it('on the first signature line of a team signature', async () => {
    const messages = await lintWithRule(signed('Customer Care Team', 'Acme Ltd.', 'care@acme.com'), 'missing-agent-name');
    expect(messages.map((message) => [message.actual, message.line, message.column])).toEqual([['Customer Care Team', 6, 1]]);
    expect(messages[0]!.reason).toMatch(/^Signed by a team/u);
  });

  it('on the closing when nothing follows it, above quoted history', async () => {
    const text = ['Hi Ana,', '', 'Done.', '', 'Thanks,', '', 'On Mon, 3 Mar 2025, Ana <ana@example.com> wrote:', '> Is it done?', '> Kai Andersen'].join('\r\n');
    const messages = await lintWithRule(text, 'missing-agent-name');
    expect(messages.map((message) => [message.actual, message.line])).toEqual([['Thanks,', 5]]);
  });

  it('on the last body line, indented, with CRLF', async () => {
    const text = ['Hi Ana,', '', '\tYour replacement ships today.', '\tThe tracking link follows by email. 📦', ''].join('\r\n');
    const messages = await lintWithRule(text, 'missing-agent-name');
    expect(messages.map((message) => [message.actual, message.line, message.column])).toEqual([['The tracking link follows by email. 📦', 4, 2]]);
  });

  it('on the greeting of a reply that is nothing else', async () => {
    const messages = await lintWithRule('Hi Ana,\n', 'missing-agent-name');
    expect(messages.map((message) => message.actual)).toEqual(['Hi Ana,']);
  });

  it('nowhere for empty input', async () => {
    expect(await lintWithRule('', 'missing-agent-name')).toEqual([]);
    expect(await lintWithRule('> only quoted text', 'missing-agent-name')).toEqual([]);
  });

  it('not on a thank-you to the customer the reply greets', async () => {
    const messages = await lintWithRule('Hi Marcus,\n\nYour refund is done. Thanks, Marcus!', 'missing-agent-name');
    expect(messages.map((message) => message.line)).toEqual([3]);
  });
});

describe('teams and companies', () => {
  it.each([['Customer Services'], ['Client Service'], ['Member Services'], ['Guest Relations'], ['Patient Enquiries'], ['Complaints'], ['Escalations'], ['Loyalty Programme']])(
    'flags the team %s',
    async (team) => {
      const messages = await lintWithRule(signed(team), 'missing-agent-name');
      expect(messages.map((message) => [message.actual, message.line, message.reason.startsWith('Signed by a team')])).toEqual([[team, 6, true]]);
    },
  );

  it.each([
    ['Customer Services', 'Harbour & Vale Bank plc'],
    ['Guest Relations', 'Lantern and Quay Hotels Ltd'],
    ['Member Services', 'Coastline Building Society'],
    ['Client Services', 'Foster & Reid'],
  ])('flags a team over a company line: %s / %s', async (team, company) => {
    const messages = await lintWithRule(signed(team, company), 'missing-agent-name');
    expect(messages.map((message) => [message.actual, message.line])).toEqual([[team, 6]]);
  });

  it.each([['Foster & Reid Ltd'], ['Harbour and Vale Bank'], ['Okafor & Sons'], ['Greenway Credit Union']])('flags the company %s alone', async (company) => {
    expect((await lintWithRule(signed(company), 'missing-agent-name')).map((message) => message.actual)).toEqual([company]);
  });

  it.each([['Kai & Lena'], ['Kai and the Acme team'], ['Kai Andersen, Foster & Reid Ltd'], ['Kai Andersen', 'Harbour & Vale Bank plc'], ['Kai Andersen', 'Customer Services']])(
    'passes people: %s',
    async (...signature) => {
      expect(await lintWithRule(signed(...signature), 'missing-agent-name')).toEqual([]);
    },
  );
});

describe('a dash sign-off at the end of a chat reply', () => {
  it.each([
    ['Done! The refund of €18.40 went out today. – Lena'],
    ['All set, your plan renews next month — Kai A.'],
    ['The label is in your inbox. ~Priya'],
    ['The label is in your inbox. -Jonas'],
    ['Your parcel is on its way 📦 – {{current_user.first_name}}'],
  ])('passes %s', async (text) => {
    expect(await lintWithRule(text, 'missing-agent-name')).toEqual([]);
  });

  it('flags a team after the dash, on the team', async () => {
    const messages = await lintWithRule('Your table is booked for eight. – Guest Relations', 'missing-agent-name');
    expect(messages.map((message) => [message.actual, message.column])).toEqual([['– Guest Relations', 33]]);
  });

  it.each([['The fee – about €5 – is waived.'], ['Our phone lines are open Mon – Fri'], ['The engineer will arrive between 9 – 11 am']])(
    'flags %s: the dash signs nothing',
    async (text) => {
      expect((await lintWithRule(text, 'missing-agent-name')).map((message) => message.actual)).toEqual([text]);
    },
  );

  it('flags the first name after a dash under requireFullName', async () => {
    const messages = await lintWithRule('Done! The refund went out today. – Lena', 'missing-agent-name', { requireFullName: true });
    expect(messages.map((message) => message.actual)).toEqual(['– Lena']);
  });
});

/**
 * missing-reference beyond its documented examples: the pattern option and its validation.
 */
import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../../../test/helpers.js';
import { validateConfig } from '../src/config.js';

const reply = (body: string): string => `Hi Jo,\n\nThanks for the photos. ${body}\n\nBest,\nLena Fischer`;

describe('pattern', () => {
  it("replaces the built-in shapes with the team's own", async () => {
    const options = { pattern: '\\bCS-\\d{6}\\b' };
    expect(await lintWithRule(reply('Your claim CS-204117 is approved.'), 'missing-reference', options)).toEqual([]);
    expect((await lintWithRule(reply('Your claim 204117 is approved.'), 'missing-reference', options)).map((m) => m.actual)).toEqual(['Your claim']);
    expect(await lintWithRule(reply('Your claim 204117 is approved.'), 'missing-reference')).toEqual([]);
  });

  it('still counts a reference placeholder', async () => {
    expect(await lintWithRule(reply('Your claim {{ticket.id}} is approved.'), 'missing-reference', { pattern: 'CS-\\d+' })).toEqual([]);
  });

  it.each([
    [{ pattern: '(' }, /"pattern" is not a valid regular expression/u],
    [{ pattern: 'x*' }, /"pattern" matches empty text/u],
    [{ pattern: 42 }, /"pattern" must be a regular expression/u],
    [{ regex: 'CS-\\d+' }, /unknown option "regex"/u],
  ])('rejects %j naming the key', (options, message) => {
    expect(() => validateConfig({ rules: { 'missing-reference': ['warn', options] } })).toThrow(message);
    expect(() => validateConfig({ rules: { 'missing-reference': ['warn', options] } })).toThrow(/rules\.missing-reference\[1\]/u);
  });
});

describe('quoted history', () => {
  it('does not supply the reference', async () => {
    const text = `${reply('Your refund is on its way.')}\n\nOn Mon, 3 Jun 2024 at 09:00, Jo Park <jo@example.com> wrote:\n> Where is the refund for order 55120?`;
    expect((await lintWithRule(text, 'missing-reference')).map((m) => m.actual)).toEqual(['Your refund']);
  });
});

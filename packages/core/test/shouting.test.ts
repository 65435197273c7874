/**
 * shouting beyond its documented examples: option validation, and (property) that every
 * rewrite replaces exactly the flagged text with the same words in ordinary case, and that
 * the rewritten reply no longer shouts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../../../test/helpers.js';
import { validateConfig } from '../src/config.js';
import rule from '../src/rules/shouting.js';

describe('options', () => {
  it('accept a list of words, upper-cased', () => {
    expect(rule.options!.parse({ allow: ['Acme'] })).toEqual({ allow: ['ACME'] });
  });

  it.each([
    [{ allowed: ['ACME'] }, /unknown option "allowed"/u],
    [{ allow: 'ACME' }, /"allow" must be a list of words/u],
    [{ allow: [''] }, /"allow" must be a list of words/u],
  ])('reject %j naming the key', (options, message) => {
    expect(() => validateConfig({ rules: { shouting: ['warn', options] } })).toThrow(message);
  });

  it('silences the words it allows', async () => {
    const text = 'Hi Ana,\n\nYour NEXUS plan renews today.\n\nBest,\nKai Andersen';
    expect(await lintWithRule(text, 'shouting')).toHaveLength(1);
    expect(await lintWithRule(text, 'shouting', { allow: ['Nexus'] })).toEqual([]);
  });
});

const applyFixes = (text: string, fixes: Array<{ range: [number, number]; text: string }>): string =>
  [...fixes].sort((a, b) => b.range[0] - a.range[0]).reduce((result, fix) => result.slice(0, fix.range[0]) + fix.text + result.slice(fix.range[1]), text);

describe('rewrites', () => {
  it.each([
    ['PLEASE, I NEED THE RECEIPT TODAY.', ['Please', 'I need the receipt today']],
    ["I'M VERY SORRY about the delay.", ["I'm very sorry"]],
    ['Send the PDF NOW, please.', ['now']],
  ])('%s', async (sentence, rewrites) => {
    const messages = await lintWithRule(`Hi Ana,\n\n${sentence}\n\nBest,\nKai Andersen`, 'shouting');
    expect(messages.map((message) => message.expected?.[0])).toEqual(rewrites);
  });

  const word = fc.constantFrom('PLEASE', 'DO', 'NOT', 'IMPORTANT', 'NOW', 'PDF', 'VAT', 'your', 'order', 'ships', 'today', 'AB12CD', 'Thanks', 'FREE', 'URGENT', '{{ticket.id}}');
  const sentence = fc.tuple(fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom('.', '!', '!!', '!!!', '?')).map(([words, end]) => words.join(' ') + end);
  const body = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((sentences) => sentences.join(' '));
  const lineBreak = fc.constantFrom('\n', '\r\n');

  it('replaces the flagged text with the same words, and leaves nothing to report', async () => {
    await fc.assert(
      fc.asyncProperty(body, lineBreak, async (text, eol) => {
        const reply = ['Hi Ana,', '', text, '', 'Best,', 'Kai Andersen'].join(eol);
        const messages = await lintWithRule(reply, 'shouting');
        for (const message of messages) {
          expect(message.fix!.range).toEqual([message.startOffset, message.endOffset]);
          if (/^[!！‼]/u.test(message.actual!)) expect(message.fix!.text).toBe('!');
          else expect(message.fix!.text.toLowerCase()).toBe(message.actual!.toLowerCase());
        }
        const fixed = applyFixes(reply, messages.map((message) => message.fix!));
        expect(await lintWithRule(fixed, 'shouting')).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

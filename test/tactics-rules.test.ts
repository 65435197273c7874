/**
 * channel-deflection, negative-language, over-promise and passive-ownership beyond their
 * documentation examples: team options, the suggestions they offer (applied to the text, they
 * must read right), and exact positions in replies with CRLF, tabs and emoji.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeReply, lint, resolveConfig } from '../packages/core/src/index.js';
import { inCondition } from '../packages/core/src/wording.js';
import { lintWithRule } from './helpers.js';

const TACTICS = ['channel-deflection', 'negative-language', 'over-promise', 'passive-ownership'];

const apply = (text: string, start: number, end: number, rewrite: string): string => text.slice(0, start) + rewrite + text.slice(end);

describe('team options', () => {
  it('channel-deflection: "allow" silences a phrase, "add" reports a team phrase as an instruction only', async () => {
    const dm = 'Please send us a DM with your order number.';
    expect(await lintWithRule(dm, 'channel-deflection', { allow: ['send us a (dm|direct message)'] })).toEqual([]);
    const chatbot = { add: ['(use|try) our chatbot'] };
    expect((await lintWithRule('Please use our chatbot to change the date.', 'channel-deflection', chatbot)).map((m) => m.actual)).toEqual(['use our chatbot']);
    expect(await lintWithRule('If the page is down, use our chatbot to change the date.', 'channel-deflection', chatbot)).toEqual([]);
  });

  it('over-promise: "allow" silences the certainty words as well as the never-again phrases', async () => {
    const text = 'Your parcel will arrive tomorrow, guaranteed. This will never happen again.';
    expect((await lintWithRule(text, 'over-promise')).map((m) => m.actual)).toEqual(['guaranteed', 'will never happen again']);
    expect((await lintWithRule(text, 'over-promise', { allow: ['guaranteed'] })).map((m) => m.actual)).toEqual(['will never happen again']);
  });

  it('negative-language rejects an unknown option with its name', () => {
    expect(() => resolveConfig({ rules: { 'negative-language': ['warn', { block: ['x'] }] } })).toThrow(/block/u);
  });
});

describe('the rules stay out of one another’s way', () => {
  it('an ending on regret is reported once, by weak-closing', async () => {
    const config = resolveConfig({ extends: 'replylint:all' });
    const text = 'Hi Tom,\n\nI checked the order again. Unfortunately, we can’t refund it.\n\nBest,\nKai';
    const { messages } = await lint(text, { config });
    expect(messages.filter((m) => m.ruleId === 'weak-closing' || m.ruleId === 'negative-language').map((m) => m.ruleId)).toEqual(['weak-closing']);
  });

  it('none of the four rules reports quoted history', async () => {
    const config = resolveConfig({ extends: [], rules: Object.fromEntries(TACTICS.map((id) => [id, 'warn'])) });
    const quote = '> Unfortunately mistakes were made. Please call our billing team. It will arrive tomorrow, guaranteed.';
    const text = `Hi Ana,\n\nYour refund went out today.\n\nBest,\nKai\n\nOn Mon, 3 Mar 2025, Ana <ana@example.com> wrote:\n${quote}`;
    expect((await lint(text, { config })).messages).toEqual([]);
  });
});

describe('inCondition', () => {
  const at = (text: string, word: string): boolean => {
    const sentence = analyzeReply(text).paragraphs[0]!.sentences[0]!;
    return inCondition(sentence, sentence.tokens.findIndex((token) => token.norm === word));
  };
  it('reads a condition before the words, after them in their clause, inverted, or by reference', () => {
    expect(at('If it happens again, call us.', 'call')).toBe(true);
    expect(at('Call us if it happens again.', 'call')).toBe(true);
    expect(at('Should the problem persist, call us.', 'call')).toBe(true);
    expect(at('5. Should the problem persist, call us.', 'call')).toBe(true);
    expect(at('In that case, call us.', 'call')).toBe(true);
    expect(at('Call us, and I will check if the line is fixed.', 'call')).toBe(false);
    expect(at('Call us on Monday.', 'call')).toBe(false);
  });
});

// ── Suggestions and positions ───────────────────────────────────────────────────────────

const word = fc.constantFrom('the', 'blue', 'kettle', 'parcel', 'order', 'sold', 'out', 'left', 'today', 'warehouse', 'your', 'café', '🎉');
// A clause opens on a word (sentences that open lowercase run into the one before).
const clause = fc.tuple(fc.constantFrom('the', 'blue', 'your', 'café'), fc.array(word, { minLength: 1, maxLength: 5 })).map(([first, words]) => [first, ...words].join(' '));
const sentence = clause.map((text) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`);
const lineBreak = fc.constantFrom('\n', '\r\n');
const prefix = fc.constantFrom('', '👋 ', '\t', 'Thanks — ');

describe('suggestions, applied, read right', () => {
  it('negative-language drops a sentence-opening regret adverb and capitalises what follows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('Unfortunately', 'Regrettably', 'Sadly'), fc.constantFrom(', ', ' '), clause, lineBreak, async (adverb, gap, body, nl) => {
        const text = `Hi Ana,${nl}${nl}${adverb}${gap}${body}. I've refunded you today.${nl}${nl}Best,${nl}Kai`;
        const [message] = await lintWithRule(text, 'negative-language');
        expect(message?.actual?.startsWith(adverb)).toBe(true);
        const fixed = apply(text, message!.startOffset, message!.endOffset, message!.expected![0]!);
        expect(fixed).toBe(text.replace(`${adverb}${gap}${body}`, body.charAt(0).toUpperCase() + body.slice(1)));
      }),
      { numRuns: 60 },
    );
  });

  it('passive-ownership turns "your <matter> has been escalated" into "I\'ve escalated your <matter>"', async () => {
    const matter = fc.constantFrom('request', 'case', 'complaint', 'ticket', 'query', 'claim');
    const verb = fc.constantFrom('escalated', 'forwarded', 'referred', 'transferred');
    await fc.assert(
      fc.asyncProperty(prefix, matter, verb, lineBreak, async (lead, noun, participle, nl) => {
        const text = `Hi Ana,${nl}${nl}${lead}Your ${noun} has been ${participle} to our billing team.${nl}${nl}Best,${nl}Kai`;
        const [message] = await lintWithRule(text, 'passive-ownership');
        expect(message?.actual).toBe(`Your ${noun} has been ${participle}`);
        expect(apply(text, message!.startOffset, message!.endOffset, message!.expected![0]!)).toContain(`I've ${participle} your ${noun} to our billing team.`);
      }),
      { numRuns: 40 },
    );
  });
});

describe('positions', () => {
  const trigger = fc.constantFrom(
    'Please call our billing team on 0800 123.',
    'Unfortunately, we can’t refund opened items.',
    'Your parcel will arrive tomorrow, guaranteed.',
    'Mistakes were made with your booking.',
    'Your account has been suspended.',
    'This will never happen again.',
  );
  it('every report points at the words it quotes, in the original text', async () => {
    const config = resolveConfig({ extends: [], rules: Object.fromEntries(TACTICS.map((id) => [id, 'warn'])) });
    await fc.assert(
      fc.asyncProperty(prefix, fc.array(fc.tuple(trigger, sentence), { minLength: 1, maxLength: 4 }), lineBreak, async (lead, parts, nl) => {
        const body = parts.map(([flagged, filler]) => `${lead}${flagged} ${filler}`).join(nl);
        const text = `Hi Ana,${nl}${nl}${body}${nl}${nl}I've sent the new one today.${nl}${nl}Best,${nl}Kai`;
        const { messages } = await lint(text, { config });
        expect(messages.length).toBeGreaterThan(0);
        for (const message of messages) expect(text.slice(message.startOffset, message.endOffset)).toBe(message.actual);
      }),
      { numRuns: 40 },
    );
  });
});

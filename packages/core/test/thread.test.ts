/**
 * The customer's latest message under a reply: which quoted text it is, and offsets that
 * point at the original input whatever the quote markers and line breaks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeReply, latestCustomerMessage, lint, resolveConfig } from '../src/index.js';

const sentencesOf = (text: string): string[] => latestCustomerMessage(analyzeReply(text))?.sentences.map((sentence) => sentence.text.replace(/\s+/gu, ' ')) ?? [];
const REPLY = 'Hi Alex,\n\nYour order ships today.\n\nBest,\nKai\n\n';

describe('latestCustomerMessage', () => {
  it('reads the first message under an "On … wrote:" header, up to the next header', () => {
    const text = `${REPLY}On Mon, 3 Jun 2024 at 09:00, Alex Kim <alex@example.com> wrote:\n> Where is my order?\n> It is late.\n>\n> On Sun, 2 Jun 2024, Kai <kai@shop.example> wrote:\n> > Your order is confirmed.`;
    expect(sentencesOf(text)).toEqual(['Where is my order?', 'It is late.']);
  });

  it('stops at a deeper level of ">"', () => {
    expect(sentencesOf(`${REPLY}> Thanks, it works.\n> > Why is it broken?`)).toEqual(['Thanks, it works.']);
  });

  it('reads forwarded and Outlook messages under their fields, without the recipient', () => {
    const text = `${REPLY}From: Alex Kim <alex@example.com>\nSent: Monday, 3 June 2024 09:00\nTo: help@shop.example\nSubject: Late order\n\nWhere is my order?`;
    expect(sentencesOf(text)).toEqual(['Where is my order?']);
  });

  it('has no customer message when the quoted one comes from the support team', () => {
    for (const header of ['On Mon, 3 Jun 2024, Shop Support <kai@shop.example> wrote:', 'On Mon, 3 Jun 2024, Kai <support@shop.example> wrote:']) {
      expect(latestCustomerMessage(analyzeReply(`${REPLY}${header}\n> Your order is confirmed.`))).toBeUndefined();
    }
    expect(latestCustomerMessage(analyzeReply(`${REPLY}> Your order is confirmed.\n>\n> Customer Care Team`))).toBeUndefined();
  });

  it('marks a message quoted piece by piece between the reply paragraphs', () => {
    const message = latestCustomerMessage(analyzeReply('Hi Alex,\n\n> Do you ship to Canada?\n\nWe do.\n\nKai'));
    expect(message?.interleaved).toBe(true);
  });

  it('is undefined without quoted text', () => {
    expect(latestCustomerMessage(analyzeReply(REPLY))).toBeUndefined();
  });
});

// Customer lines from words that exercise the rules, under varied markers and line breaks.
const word = fc.constantFrom('my', 'order', 'is', 'late', 'broken', 'charged', 'twice', 'can', 'I', 'change', 'the', 'date', 'when', 'refund', '😀', 'café', '\t', 'é');
const customerLine = fc.tuple(fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom('.', '?', '!', '', ' ?')).map(([words, end]) => `${words.join(' ')}${end}`);
const marker = fc.constantFrom('> ', '>', ' > ', '>\t');
const lineBreak = fc.constantFrom('\n', '\r\n');
const quotedThread = fc
  .tuple(fc.array(customerLine, { minLength: 1, maxLength: 6 }), marker, lineBreak, fc.boolean())
  .map(([lines, mark, eol, header]) => {
    const quote = lines.map((line) => `${mark}${line}`).join(eol);
    const head = header ? `On Mon, 3 Jun 2024 at 09:00, Alex Kim <alex@example.com> wrote:${eol}` : '';
    return `Hi Alex,${eol}${eol}Thanks for writing.${eol}${eol}Best,${eol}Kai${eol}${eol}${head}${quote}`;
  });

describe('offsets of the customer message', () => {
  it('point at the quoted words in the original input, markers left out', () => {
    fc.assert(
      fc.property(quotedThread, (text) => {
        const message = latestCustomerMessage(analyzeReply(text));
        for (const sentence of message?.sentences ?? []) {
          const original = text.slice(sentence.start, sentence.end);
          // The sentence is the original with its quote markers blanked: same length, same words.
          expect(original.length).toBe(sentence.text.length);
          expect(original.replace(/^[ \t]*>/gmu, ' ').replace(/\s+/gu, ' ')).toBe(sentence.text.replace(/\s+/gu, ' '));
          for (const token of sentence.tokens) expect(text.slice(token.start, token.end)).toBe(token.raw);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('give reports outside the quote and related information inside it', async () => {
    const config = resolveConfig({ extends: [], rules: { 'missing-apology': 'warn', 'unanswered-question': 'warn', 'missing-next-step': 'warn' } });
    await fc.assert(
      fc.asyncProperty(quotedThread, async (text) => {
        const { messages, model } = await lint(text, { config });
        const inQuote = (start: number, end: number): boolean => model.quoted.some((quote) => start >= quote.start && end <= quote.end);
        for (const message of messages) {
          expect(model.quoted.some((quote) => message.startOffset < quote.end && message.endOffset > quote.start)).toBe(false);
          for (const related of message.related ?? []) expect(inQuote(related.start, related.end)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

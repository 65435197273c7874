/**
 * Shapes of a whole reply that several rules judge by: a chat turn (too short to owe the
 * customer thanks or a case number), and the opening where whole-reply findings land.
 */
import type { Reply } from './rule.js';
import type { Sentence } from './text.js';
import type { Range } from './wording.js';

export type { Range };

/** Chat turns stay short; more words than this is a message with a body. */
const CHAT_TURN_MAX_WORDS = 40;

/**
 * A chat turn: one body paragraph of at most 40 words and no sign-off line ("Done! Your
 * refund went out today. – Lena"). An email with a closing is never a chat turn.
 */
export function isChatTurn(reply: Reply): boolean {
  const { model, paragraphs } = reply;
  if (model.closing || paragraphs.length > 1) return false;
  const words = paragraphs.reduce((count, paragraph) => count + paragraph.sentences.reduce((sum, sentence) => sum + sentence.tokens.length, 0), 0);
  return words <= CHAT_TURN_MAX_WORDS;
}

/** The first body sentence (above any P.S.), if the reply has a body. */
export function firstSentence(reply: Reply): Sentence | undefined {
  for (const paragraph of reply.paragraphs) {
    const sentence = paragraph.sentences.find((candidate) => candidate.tokens.length > 0);
    if (sentence) return sentence;
  }
  return undefined;
}

/** The greeting line, else the first body sentence: where the reply opens. */
export function openingRange(reply: Reply): Range | undefined {
  const greeting = reply.model.greeting;
  if (greeting) return { start: greeting.start, end: greeting.end };
  const sentence = firstSentence(reply);
  return sentence && { start: sentence.start, end: sentence.end };
}

/**
 * What the customer reads last, just before the sign-off, is what they remember: it should
 * be the resolution or the next step, not an apology, a refusal or regret. The rule finds
 * the last substantive body sentence (polite closers such as "Let me know if you have any
 * questions" are skipped) and compares where its last negative cue and its last forward
 * step stand: "Sorry for the wait; your replacement ships today" ends on the step and passes,
 * "I've refunded it, but unfortunately we can't ship a replacement" ends on the refusal.
 */
import { defineRule } from '../rule.js';
import { negativeCues, stepsForward, type BadNews as Kind, type NegativeCue, type StepForward } from '../steps.js';
import type { Sentence } from '../text.js';
import { isPoliteCloser } from '../wording.js';

// Words that open a clause of its own: "we can't refund it, but I've added a credit".
const CLAUSE_OPENERS = new Set(['but', 'so', 'and', 'yet', 'however', 'instead', 'although', 'though', 'meanwhile', 'whereas']);
const CLAUSE_PUNCTUATION = /[,;:()\u2013\u2014]|\s-\s/u;
// A sentence adverb governs the whole clause after its comma: "Unfortunately, your order was shipped".
const SENTENCE_ADVERBS = new Set(['unfortunately', 'sadly', 'regrettably', 'regretfully', 'alas']);

/**
 * Is the step in the clause a negative cue opens — what is apologised for or refused ("I regret
 * that we could not spot it before the statement was issued", "we cannot restore data that was
 * removed")? Then it is part of the bad news, not a step forward.
 */
function insideNegativeClause(sentence: Sentence, cue: NegativeCue, stepFrom: number): boolean {
  const { tokens, text } = sentence;
  if (stepFrom < cue.to) return false;
  for (let index = cue.to; index <= stepFrom; index++) {
    const token = tokens[index]!;
    const gap = text.slice(tokens[index - 1]!.end - sentence.start, token.start - sentence.start);
    const governs = index === cue.to && cue.to - cue.from === 1 && SENTENCE_ADVERBS.has(tokens[cue.from]!.norm);
    if ((CLAUSE_PUNCTUATION.test(gap) && !governs) || CLAUSE_OPENERS.has(token.norm)) return false;
  }
  return true;
}

/** Where the sentence's steps forward start, outside any negative cue ("the best we can offer") and its clause. */
function forwardSteps(sentence: Sentence, negatives: readonly NegativeCue[]): StepForward[] {
  return stepsForward(sentence).filter(({ from }) => !negatives.some((cue) => (from >= cue.from && from < cue.to) || insideNegativeClause(sentence, cue, from)));
}

/** What the sentence leaves the customer with: the first bad news after its last step forward, if any. */
function weakness(sentence: Sentence): Kind | undefined {
  const negatives = negativeCues(sentence);
  if (negatives.length === 0) return undefined;
  const lastStep = Math.max(-1, ...forwardSteps(sentence, negatives).map(({ from }) => from));
  return negatives.filter((cue) => cue.from > lastStep).sort((a, b) => a.from - b.from)[0]?.kind;
}

/** An earlier sentence that resolves something and ends well: the better last word. */
function holdsResolution(sentence: Sentence): boolean {
  const negatives = negativeCues(sentence);
  return forwardSteps(sentence, negatives).some(({ step }) => step === 'resolution') && !weakness(sentence);
}

const isCloser = (sentence: Sentence): boolean => isPoliteCloser(sentence) && negativeCues(sentence).length === 0;

const MESSAGES: Record<Kind, string> = {
  apology: 'The reply ends on an apology',
  refusal: 'The reply ends on a refusal',
  regret: 'The reply ends on bad news',
};

const hasWords = (sentence: Sentence): boolean => sentence.tokens.some((token) => /\p{L}/u.test(token.norm));

export default defineRule({
  meta: {
    id: 'weak-closing',
    description: 'Reply ends on an apology, a refusal or regret instead of the resolution',
    category: 'structure',
    severity: 'warn',
    fixable: false,
    principle: '5. End on a good note',
    recommended: true,
  },
  create(context) {
    const { reply } = context;
    return {
      reply() {
        const sentences = reply.paragraphs.flatMap((paragraph) => paragraph.sentences);
        let lastIndex = sentences.length - 1;
        while (lastIndex >= 0 && (!hasWords(sentences[lastIndex]!) || isCloser(sentences[lastIndex]!))) lastIndex--;
        const last = sentences[lastIndex];
        if (!last) return;
        const kind = weakness(last);
        if (!kind) return;
        const resolution = sentences.slice(0, lastIndex).reverse().find(holdsResolution);
        const end = last.start + last.text.trimEnd().length;
        context.report({
          start: last.start,
          end,
          message: `${MESSAGES[kind]}: end on the resolution or the next step`,
          note: 'End on a good note: the customer remembers your last words best. Leave them with the resolution, not the apology.',
          ...(resolution
            ? { related: [{ start: resolution.start, end: resolution.start + resolution.text.trimEnd().length, message: 'The resolution: move it to the end' }] }
            : {}),
        });
      },
    };
  },
});

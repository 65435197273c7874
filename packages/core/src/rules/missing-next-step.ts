/**
 * A reply should leave the customer knowing what happens next or what they need to do
 * (TACTICS: take action, summarise), unless it closes the case. The steps are recognised by
 * the shared vocabulary of steps.ts (findNextStep): something done or arranged ("I've
 * refunded…", "has been shipped"), a promise ("we will…", "the engineer will…"), a timeline
 * ("it should arrive on Friday"), an instruction or an option for the customer ("Reply with a
 * photo", "1. Log in", "you can now…"), a question that asks them for something, or a
 * closure ("this is now resolved", "nothing more is needed"). Polite closers ("Let me know
 * if you have any questions", "Feel free to reach out") are no step.
 *
 * An answer closes a question: "The Starter plan allows 2 GB per file" needs no next step.
 * So a reply without a step is reported only when it leaves the customer stuck: it gives bad
 * news (a refusal, regret, an apology: the negative cues of steps.ts), it answers a complaint
 * in the quoted message (complaints.ts), or it says nothing specific at all (no number, no
 * date, no placeholder: boilerplate).
 */
import { findComplaint } from '../complaints.js';
import { defineRule, type Reply } from '../rule.js';
import { findNextStep, negativeCues } from '../steps.js';
import { latestCustomerMessage } from '../thread.js';
import type { Sentence } from '../text.js';
import { isPoliteCloser } from '../wording.js';

const hasWords = (sentence: Sentence): boolean => sentence.tokens.some((token) => /\p{L}/u.test(token.norm));
const specific = (sentence: Sentence): boolean => sentence.tokens.some((token) => token.placeholder !== undefined || /\d/u.test(token.norm));

/** Whether a reply without a step leaves the customer stuck, rather than answered. */
function leavesCustomerStuck(reply: Reply, sentences: readonly Sentence[]): boolean {
  if (sentences.some((sentence) => negativeCues(sentence).length > 0)) return true;
  const message = latestCustomerMessage(reply);
  if (message && findComplaint(message)) return true;
  return !sentences.some(specific);
}

export default defineRule({
  meta: {
    id: 'missing-next-step',
    description: 'The reply does not say what happens next or what the customer needs to do',
    category: 'commitment',
    severity: 'warn',
    fixable: false,
    principle: '6. The TACTICS method for complaints',
    recommended: false,
  },
  create(context) {
    const { reply } = context;
    return {
      reply() {
        const sentences = reply.paragraphs.flatMap((paragraph) => paragraph.sentences).filter(hasWords);
        if (sentences.length === 0 || findNextStep(reply) || !leavesCustomerStuck(reply, sentences)) return;
        // The report stands where the next step belongs: on the last sentence before the
        // polite closers, or on the last sentence when there is nothing else.
        const last = [...sentences].reverse().find((sentence) => !isPoliteCloser(sentence)) ?? sentences[sentences.length - 1]!;
        context.report({
          start: last.start,
          end: last.start + last.text.trimEnd().length,
          message: 'The reply does not say what happens next or what the customer needs to do',
          note: 'Take action and summarise: tell the customer what you are doing and when, what they need to do, or that nothing more is needed.',
        });
      },
    };
  },
});

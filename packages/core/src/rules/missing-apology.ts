/**
 * When the customer's message says something went wrong, the reply should say sorry or at
 * least show it understood (TACTICS: thank, apologise). The rule reads the customer's latest
 * quoted message (thread.ts) for a complaint (complaints.ts) and the reply for an apology or
 * an acknowledgement (acknowledgement.ts). Without quoted text it is silent: it never
 * guesses what the customer wrote.
 */
import { findApology } from '../acknowledgement.js';
import { findComplaint } from '../complaints.js';
import { defineRule } from '../rule.js';
import { latestCustomerMessage } from '../thread.js';

export default defineRule({
  meta: {
    id: 'missing-apology',
    description: 'The customer reports a problem and the reply neither apologises nor acknowledges it',
    category: 'tone',
    severity: 'warn',
    fixable: false,
    principle: '6. The TACTICS method for complaints',
    recommended: false,
  },
  create(context) {
    const { reply } = context;
    return {
      reply() {
        const message = latestCustomerMessage(reply);
        if (!message) return;
        const complaint = findComplaint(message);
        if (!complaint || findApology(reply)) return;
        // The report stands where an apology belongs: the reply's first body sentence.
        const first = reply.paragraphs[0]?.sentences[0];
        const anchor = first ? { start: first.start, end: first.start + first.text.trimEnd().length } : reply.model.greeting;
        if (!anchor) return;
        const { sentence, match } = complaint;
        const cue = reply.text.slice(match.start, match.end).replace(/\s+/gu, ' ');
        context.report({
          start: anchor.start,
          end: anchor.end,
          message: `The customer reports a problem (${match.value.family}: "${cue}") and the reply neither apologises nor acknowledges it`,
          note: 'Apologise: you may not be responsible, but you are sorry it happened. One sentence that names the problem ("I\'m sorry your order arrived damaged") comes before the fix.',
          related: [{ start: sentence.start, end: sentence.start + sentence.text.trimEnd().length, message: 'What went wrong, in the customer\'s words' }],
        });
      },
    };
  },
});

/**
 * Lead with what you can do. The rule reports the words of negative, reluctant framing —
 * regret adverbs ("unfortunately"), the writer's refusals ("we can't", "I'm unable to", "we won't accept",
 * "can't be refunded"), "impossible", "not possible", policy as the reason ("it's our
 * policy") and reluctance ("it will be quite a long procedure") — where the same news reads
 * better framed by what happens instead ("Here's what I can do: …").
 *
 * Not reported: negatives that are good news or warmth ("we can't wait", "you won't be
 * charged", "I can't thank you enough"), honest uncertainty ("we can't guarantee it"),
 * findings ("I can't see a second payment"), the customer's own trouble ("you can't log in"),
 * conditions ("if we can't fix it by Friday, …"), past failures ("we couldn't deliver it")
 * and the reply's last substantive sentence: an ending on regret is weak-closing's, with the
 * fix that matters there, so the same words are not reported twice.
 */
import { phraseMatcher, phraseOptionsSpec, type Phrase } from '../phrase-rule.js';
import { defineRule, type Report } from '../rule.js';
import type { Sentence } from '../text.js';
import { inCondition, POLITE_CLOSERS, wordsOutside } from '../wording.js';

const HEDGE = '(therefore|thus|hence|consequently|currently|presently|simply|just|really|sadly|unfortunately|regrettably|afraid|now|still|at this time|at present|at the moment)';
const WRITER = '(i|we|our team|our company|the company|our store|the store|our system)';
const REFUSED = '(refunded|returned|exchanged|reimbursed|cancelled|canceled|changed|transferred|extended|reversed|reinstated|restored|accepted|processed|waived|honoured|honored|backdated|removed|covered|amended|upgraded|offered|made|done)';

// What a writer refuses to do, in the future: "we won't accept …", "we won't be offering …".
const REFUSING = '(accept*|offer*|refund*|allow*|permit*|provid*|issu*|process*|honour*|honor*|exchang*|reimburs*|waiv*|extend*|approv*|authoris*|authoriz*|cover*|compensat*|revers*|replac*|reinstat*)';

const REFRAME = 'say what you can do instead ("Here\'s what I can do: …")';
const NOTE = 'Positive framing: the same news reads as help when it starts from what happens next, not from what is refused.';

const phrases: Phrase[] = [
  {
    pattern: ['unfortunately', 'regrettably', 'sadly', '(i|we) (am|are) afraid (that)?'],
    message: `"{actual}" frames the news as bad before it is told: ${REFRAME}`,
    note: NOTE,
  },
  {
    pattern: [
      `${WRITER} ${HEDGE}? (can not|can only)`,
      `${WRITER} (am|are|is|will be|would be) ${HEDGE}? (unable to|not able to|not in a position to)`,
      `${WRITER} (will not|would not) be able to`,
      `(can not|cannot) be ${REFUSED}`,
      `(i|we) (do not) (currently)? (offer|allow|accept|permit|provide|support|issue|do)`,
    ],
    message: `"{actual}" leads with what you won't do: ${REFRAME}`,
    note: NOTE,
  },
  {
    // "we won't be accepting this return", "we will not refund": a refusal in the future.
    pattern: `${WRITER} ${HEDGE}? (will not|would not) ${HEDGE}? (be)? ${REFUSING}`,
    message: `"{actual}" leads with what you won't do: ${REFRAME}`,
    note: NOTE,
    // "we won't issue a late fee", "we won't apply the penalty": good news.
    unless: ['(fee|fees|charge|charges|surcharge|penalty|penalties|fine|fines|interest|excess)'],
  },
  {
    pattern: ['impossible', '(is|are|was|will be|would be) not (possible|allowed|permitted|an option)'],
    message: `"{actual}" closes the door: ${REFRAME}`,
    note: NOTE,
  },
  {
    pattern: [
      '(it is|that is|this is) (our|company|the company|store|hotel|bank) policy',
      '(our|company|store) policy (does not|prevents|forbids|only)',
      '(against|per|as per|in line with|according to|under) (our|company|the company) (policy|policies)',
      'company policy',
    ],
    message: '"{actual}" hides behind a rule: say what it means for the customer and what you can do ("Here\'s what I can do: …")',
    note: NOTE,
  },
  {
    pattern: [
      '(quite|rather|very|extremely)? (a)? (long|lengthy|complicated|complex|tedious|time-consuming) (procedure|process)',
      '(require|requires|involve|involves) (quite)? a lot of (changes|work|effort)',
    ],
    message: `"{actual}" sounds reluctant: say what you will do and when`,
    note: NOTE,
  },
];
// The regret adverbs can simply go: "Unfortunately, the blue one sold out" → "The blue one sold out".
const REGRET_WORDS = new Set(['unfortunately', 'regrettably', 'sadly']);

// Good news, warmth and honesty after "can't" / "cannot".
const NOT_A_REFUSAL = new Set([
  'wait', 'hesitate', 'thank', 'stress', 'emphasise', 'emphasize', 'imagine', 'believe', 'guarantee', 'promise', 'see', 'find', 'locate',
  'spot', 'reproduce', 'recommend', 'tell', 'say', 'overstate', 'apologise', 'apologize', 'fault',
]);

const options = phraseOptionsSpec(`Negative framing: "{actual}"`);

const hasWords = (sentence: Sentence): boolean => sentence.tokens.some((token) => /\p{L}/u.test(token.norm));
const isCloser = (sentence: Sentence): boolean => {
  const ranges = POLITE_CLOSERS.matches(sentence);
  return ranges.length > 0 && wordsOutside(sentence, ranges).length <= 1;
};

/** "Unfortunately, the …" → "The …": the report grows to the next word, which takes the capital. */
function dropRegret(text: string, sentence: Sentence, index: number, report: Report): Report {
  const next = sentence.tokens[index + 1];
  if (!next) return report;
  const between = text.slice(report.end, next.start);
  if (index === 0 && /^,?[ \t]+$/u.test(between) && /^\p{Ll}/u.test(next.raw)) {
    return { ...report, end: next.end, expected: [next.raw.charAt(0).toUpperCase() + next.raw.slice(1)] };
  }
  if (index > 0 && between === ' ' && text.charAt(report.start - 1) === ' ') return { ...report, end: next.start, expected: [''] };
  return report;
}

export default defineRule({
  meta: {
    id: 'negative-language',
    description: 'Negative framing where a positive one exists ("unfortunately", "we can\'t", "it\'s our policy")',
    category: 'tone',
    // Style advice: shown, never counted as a warning.
    severity: 'info',
    fixable: false,
    principle: '8. Positive, plain, honest',
    recommended: false,
  },
  options,
  create(context) {
    const { reply } = context;
    const match = phraseMatcher(phrases, context.options);
    const sentences = reply.paragraphs.flatMap((paragraph) => paragraph.sentences);
    const ending = [...sentences].reverse().find((sentence) => hasWords(sentence) && !isCloser(sentence));
    return {
      sentence(sentence) {
        if (sentence === ending) return;
        const { tokens } = sentence;
        // One finding a sentence: "Unfortunately, we can't …" is one piece of negative framing.
        for (const report of match(sentence)) {
          const index = tokens.findIndex((token) => token.start === report.start);
          if (inCondition(sentence, index)) continue;
          // The verb that follows the refusal: "can't wait", "unable to locate".
          const after = tokens.find((token) => token.start >= report.end);
          if (NOT_A_REFUSAL.has(after?.norm ?? '')) continue;
          // "not impossible", "nothing is impossible": no door closed.
          if (tokens[index]!.norm === 'impossible' && (tokens[index - 1]?.norm === 'not' || tokens[index - 2]?.norm === 'nothing')) continue;
          context.report(REGRET_WORDS.has(tokens[index]!.norm) ? dropRegret(reply.text, sentence, index, report) : report);
          return;
        }
      },
    };
  },
});

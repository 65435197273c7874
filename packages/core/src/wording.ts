/**
 * Wording shared by rules: the polite closers of support mail, and which words of a
 * sentence carry content. canned-response and weak-closing both judge replies with these.
 */
import { compilePattern, matchPattern, PatternIndex } from './phrases.js';
import type { Sentence, Token } from './text.js';

/**
 * Polite closers: never reported on their own ("Thanks for reaching out!" is fine), skipped
 * by weak-closing when it looks for a reply's last real sentence.
 */
export const POLITE_CLOSER_PATTERNS = [
  '(thank you|thanks|many thanks) (so|very)? (much)? (again)? (for|in advance for)? (reaching out|contacting _?|writing|getting in touch|emailing|e-mailing|calling|messaging|choosing _?|(shopping|flying|banking|staying|travelling|traveling|booking|ordering) (with|at|from)|taking the time to (contact _?|write|reach out|get in touch|share|tell (us|me)|let (us|me) know|respond|reply|review)|sharing (your|this|these)? (feedback|thoughts|comments|experience|concerns|views|suggestions)?|bringing * to (our|my) attention|being (a|an|our) * (customer|member|client)|your (email|e-mail|message|inquiry|enquiry|question|query|request|patience|understanding|cooperation|co-operation|feedback|time|business|order|note|support|interest|letter|call|comments|kind words|loyalty|continued support|reply|response|trust))? (today)?',
  '(please)? (do not|never) hesitate to (reach out|contact|get in touch|get back|call|email|e-mail|let (us|me) know|ask|write|reply|drop (us|me) a line|message)',
  '(please)? (feel free|you are (always)? welcome) to (reach out|contact|get in touch|get back|call|email|e-mail|let (us|me) know|ask|write|reply|drop (us|me) a line|message)',
  '(let|tell) (us|me) know if (you have|there is|there are|you need|you require|we can|i can|you would like|you want)',
  'if (you have|there is|there are) (any)? (other|further|more|additional)? (questions|concerns|queries|issues|problems)',
  'if (you need|you require) (any)? (further|more|additional|other)? (help|assistance|support|information|clarification)',
  'if there is anything (else)? (i|we) can (do|help|assist)',
  'is there anything (else)? (i|we) can (help|assist|do) (you)? (with)? (today)?',
  '(how|what) (else)? (can|may) (i|we) (help|assist|do) (you)? (with)? (today)?',
  '(i|we)? hope (this|that|the above|my (reply|answer)|you) (helps|helped|answers|clarifies|resolves|is helpful|was helpful|information|found)',
  '(i|we)? hope (you have|you are having|you had)? (a|an)? (great|good|nice|wonderful|lovely|fantastic|pleasant) (day|week|weekend|evening|time)',
  '(have|enjoy) (a|an|the|your)? (great|good|nice|wonderful|lovely|fantastic|pleasant|happy|rest of (your|the))? (day|week|weekend|evening|afternoon|morning|one|time)',
  '(happy shopping|take care|stay safe|all the best|best of luck|good luck|certainly|of course|absolutely|no problem|no worries|sure|you are welcome|my pleasure|cheers|talk soon|speak soon)',
  '(it is|it was) (my|our) pleasure (to (help|assist))?',
  '(i|we) (am|are) (always)? (here|happy|glad|available|ready|more than happy|delighted|pleased) to (help|assist|answer|support|provide|guide)',
  '(i|we) (am|are) (always)? here (for you|to help|to assist)',
  '(we|i) (truly|really|greatly|sincerely|do)? appreciate (your|the) (patience|understanding|cooperation|feedback|time|support|business|loyalty|kind words|trust|interest)',
  '(we|i) appreciate you (reaching out|contacting us|taking the time|letting us know|bringing)',
  '(we|i) (look|are looking) forward to (hearing from you|assisting you|serving you|helping you|your reply|your response|working with you|seeing you|welcoming you|having you|hosting you) (back)? (again)? (soon|in the future|next time)?',
  'hope to (see|welcome|serve|host|hear from) you (back)? (again)? (soon|in the future|next time)?',
].map(compilePattern);
export const POLITE_CLOSERS = new PatternIndex(POLITE_CLOSER_PATTERNS.map((pattern) => [pattern, true] as const));

// Function words and the generic nouns of support mail: neither says anything specific.
export const STOPWORDS = new Set(
  `a an the and or but nor so yet for to of in on at by with from into onto about over under as than then that this these those
  it is are was were be been being am do does did done have has had having will would shall should can could may might must not
  no yes i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his she her they them their
  there here what which who whom whose when where why how all any both each every few more most other some such only own same
  too very just also again further once even still really always never ever please kindly if else anything something nothing
  everything anyone someone everyone let know get make sure one way out up well able need like want wish hear hope
  team teams support customer customers service services help assistance assist question questions concern concerns issue
  issues matter matters request requests inquiry inquiries enquiry enquiries query queries information info details detail
  problem problems experience time situation regard regards regarding process company department email e-mail message
  messages reply response feedback attention patience understanding cooperation touch contact happy glad great complaint
  complaints comment comments suggestion suggestions case ticket`.split(/\s+/u),
);

export type Range = { start: number; end: number };

export const covered = (token: Token, ranges: readonly Range[]): boolean => ranges.some((range) => token.start >= range.start && token.end <= range.end);

export const isContentWord = (token: Token): boolean => !STOPWORDS.has(token.norm) && /\p{L}|\{placeholder\}/u.test(token.norm);

/** Content words of a sentence that no stock range accounts for. */
export function wordsOutside(sentence: Sentence, ranges: readonly Range[]): Token[] {
  return sentence.tokens.filter((token) => isContentWord(token) && !covered(token, ranges));
}

// Punctuation between clauses: "I've refunded it, so …", "… (by Friday) …", "… – and …".
const CLAUSE_PUNCTUATION = /[,;:()\u2013\u2014]|\s-\s/u;

/** Whether a clause break (a comma, a dash…) stands between token `index` and the one before it. */
export function clauseBreakBefore(sentence: Sentence, index: number): boolean {
  const previous = sentence.tokens[index - 1];
  const token = sentence.tokens[index];
  if (!previous || !token || previous.end === token.start) return false;
  return CLAUSE_PUNCTUATION.test(sentence.text.slice(previous.end - sentence.start, token.start - sentence.start));
}

/** A list item's number as a word: "5." or "2)". */
export const isListNumber = (token: Token | undefined): boolean => token !== undefined && /^\d{1,2}[.)]?$/u.test(token.norm);

const CONDITION_REFERENCE = compilePattern('(in (that|this|which) case|if (so|not)|failing that)');
const CONDITION_WORDS = new Set(['if', 'unless', 'whether', 'whenever', 'provided', 'providing', 'assuming']);

/**
 * Whether the words at `index` are conditional: a condition opens the sentence before them
 * ("If it happens again, call us"), follows them in their clause ("call us if it persists"),
 * or the sentence opens on an inverted one ("Should you need it, …").
 */
export function inCondition(sentence: Sentence, index: number): boolean {
  const { tokens } = sentence;
  // A list item's number may come first: "5. Should the problem persist, …".
  const first = isListNumber(tokens[0]) ? 1 : 0;
  if (tokens[first]?.norm === 'should' && index > first) return true;
  // Opening on the previous sentence's condition: "In that case, …", "If so, …".
  if (matchPattern(CONDITION_REFERENCE, sentence).some((match) => match.from === first) && index > first) return true;
  for (let at = 0; at < tokens.length; at++) {
    const word = tokens[at]!.norm;
    const next = tokens[at + 1]?.norm;
    // "in case …", "in the event that …"
    const isCondition = CONDITION_WORDS.has(word) || (word === 'in' && (next === 'case' || (next === 'the' && tokens[at + 2]?.norm === 'event')));
    if (!isCondition) continue;
    if (at < index) return true;
    // After the words: only within their own clause.
    for (let between = index + 1; between <= at; between++) if (clauseBreakBefore(sentence, between)) return false;
    return true;
  }
  return false;
}

/** A sentence that is a polite closer and little else: "Let me know if you have any questions!" */
export function isPoliteCloser(sentence: Sentence): boolean {
  const ranges = POLITE_CLOSERS.matches(sentence);
  return ranges.length > 0 && wordsOutside(sentence, ranges).length <= 1;
}

/**
 * A promise of follow-up must say when. A commitment is found by its structure, not by
 * example sentences:
 *
 *   subject (I, we, someone, our team, a member of…, a named colleague, the depot)
 *     + future auxiliary (will, 'll, shall, am/are/is going to)
 *     + within a few words, a follow-up action (get back, look into, contact, refund…),
 *       or one joined to the first verb ("take a look and get back to you"),
 *       or any verb when a vague time is in its clause ("have you back online soon")
 *   or: you + will + receive/hear/be contacted…
 *   or: anything + will be + follow-up participle + the team as agent or a vague time
 *       ("will be handled by a technician", "your refund will be processed shortly")
 *
 * The vocabularies are tables below; the structure is code. The promise keeps its time if
 * its clause or what follows it in the sentence holds a concrete time expression, or if the
 * next sentence of the paragraph completes it with one ("Expect it by 5 pm"; opening hours
 * do not); vague ones ("soon", "ASAP") do not count. Offers the customer's action decides ("let me
 * know and I'll send it", "once you confirm, I'll ship it") and contingencies ("if …") are
 * not commitments. compromise is not used: every decision here is lexical or positional,
 * and part-of-speech tags would not settle the hard cases (who governs a conditional).
 */
import { compilePattern, matchPattern, type CompiledPattern, type PatternMatch } from '../phrases.js';
import { defineRule, type Reply } from '../rule.js';
import { CUSTOMER_ACTIONS, IMPERATIVE_LEADS, LIST_MARKER } from '../steps.js';
import type { AnalyzedParagraph, Sentence, Token } from '../text.js';

// ── Vocabulary ───────────────────────────────────────────────────────────────────────────

// Follow-up actions the writer or the team commits to (phrases.ts syntax; `word*` is a
// prefix, so "review*" also reads "reviewing", "will be reviewing").
const FOLLOW_UP_ACTIONS = [
  'get* back', 'get* (in touch|in contact)', '(be|keep|stay) (in touch|in contact|back in touch)', 'come back to you',
  'circle back', 'touch base', 'revert', 'follow* up', 'look* (into|at|in to)',
  // "we'll take a look", "I'll have a quick look at it".
  '(take|taking|have|having) (a|another)? (close|closer|quick|proper|good|careful|further|second|fresh|detailed)? look', 'investigat*', 'examin*', 'assess*',
  'contact*', 'reach* out', 'reach you', 'send*', 'email*', 'e-mail*', 'call*', 'ring you', 'phone you', 'text you',
  'message you', 'respond*', 'reply', 'replying', 'answer*', 'notify*', 'inform you', 'update*',
  'keep* you (posted|updated|informed|in the loop|up to date|advised)', 'let you know', 'confirm*', 'process*', 'refund*',
  'reimburs*', 'credit*', 'issue* (a|the|your)? (refund|credit|replacement|voucher)', 'ship*', 'dispatch*', 'deliver*',
  'escalat*', 'fix*', 'resolv*', 'sort* (it|this|that|everything)? out', 'review*', 'check*', 'chas*', 'expedite',
  'expediting', 'identif*', 'arrang*', 'replac*', 'schedul*', 'cancel*', 'forward*', 'handl*', 'collect*', 'pick* (it|them)? up',
  'book* (a|an|the|your)? (engineer|technician|visit|appointment|collection|courier|pickup)',
  'pass* (it|this|that|your) (on|along)', 'rais* (it|this|that|your)',
  'join* (you|(the|this|our) (chat|call|conversation|session|meeting|line))',
  '(initiat*|start*|begin*|open*|conduct*|launch*|carry out) (a|an|the)? (thorough|full|formal|internal)? (investigation|review|refund|return|replacement|claim|case|ticket)',
  'provid* (you with)? (an|a|the|further|more|regular)? (update|updates|response|answer|reply)', 'take care of',
  'work* (_)? (on|towards|toward) (it|this|that|a|an|the|your) (_)? (resolution|fix|solution)',
  // Putting things right: "we will correct the invoice", "service will be restored".
  '(correct|corrects|correcting|corrected)', 'amend*', 'rectif*', 'adjust*', 'reissu*', 're-issu*', 'rebill*', 're-bill*',
  'redeliver*', 're-deliver*', 'resend*', 're-send*', 'restor*', 'repair*', 'reconnect*', 'reinstat*', 'activat*', 'reactivat*',
  'unblock*', 'unlock*',
  '(have|get*) (you|it|this|that|them|everything|things|your _) (back|sorted|fixed|resolved|done|sent|shipped|processed|replaced|out|working|running|up and running|online|reconnected|restored|ready)',
  // Writing, coming back, visiting: "we will write to you", "a crew will return to open it".
  'writ* (to|back)', 'return*', 'come* (back|out|round|over|by)', 'visit*', '(stop|drop|pop) (by|round|over|in)',
];

// What a customer is promised from the team: "you will receive an update", "you'll hear from us".
const FOLLOW_UP_NOUNS =
  '(update|updates|response|responses|reply|replies|answer|call|callback|call-back|refund|replacement|credit|reimbursement|decision|news|feedback|quote|estimate|outcome|resolution|notification|notifications)';
const CUSTOMER_RECEIVES = [
  `(receiv*|get|getting) (_)? (_)? ${FOLLOW_UP_NOUNS}`,
  'hear (back|from)',
  'be (contacted|called|emailed|e-mailed|notified|updated|informed|refunded|credited|reimbursed)',
];
// Anything received counts when a later event sets it off: "you will receive an email once it is processed".
const CUSTOMER_RECEIVES_ON_EVENT = 'receiv*';
const EVENT_CONJUNCTIONS = new Set(['once', 'when', 'after', 'whenever']);

// Participles a passive promise ends on, beyond the -ed forms FOLLOW_UP_ACTIONS' prefixes read.
const IRREGULAR_PARTICIPLES = ['sent', 'done', 'sorted', 'dealt with', 'taken care of', 'looked into', 'got back'];

// Who can make a promise: the writer, the team, someone on it.
const WRITER_PRONOUNS = new Set(['i', 'we', 'someone', 'somebody', 'they', 'he', 'she']);
const STAFF_NOUNS = new Set([
  'team', 'teams', 'department', 'dept', 'support', 'desk', 'helpdesk', 'office', 'staff', 'member', 'members', 'colleague',
  'colleagues', 'specialist', 'specialists', 'agent', 'agents', 'representative', 'representatives', 'rep', 'reps',
  'advisor', 'advisors', 'adviser', 'advisers', 'consultant', 'consultants', 'manager', 'managers', 'supervisor', 'lead',
  'technician', 'technicians', 'engineer', 'engineers', 'expert', 'experts', 'associate', 'associates', 'billing', 'accounts',
  'finance', 'warehouse', 'logistics', 'fulfilment', 'fulfillment', 'dispatch', 'returns', 'courier', 'couriers', 'driver', 'drivers',
  // Crews and tradespeople, and the places and partners that act for the team: "the depot will contact you".
  'crew', 'crews', 'fitter', 'fitters', 'installer', 'installers', 'inspector', 'inspectors', 'surveyor', 'surveyors', 'plumber',
  'electrician', 'officer', 'officers', 'coordinator', 'coordinators', 'handler', 'handlers', 'adjuster', 'adjusters', 'nurse',
  'pharmacist', 'depot', 'depots', 'branch', 'store', 'shop', 'workshop', 'clinic', 'pharmacy', 'lab', 'laboratory', 'centre',
  'center', 'hub', 'carrier', 'carriers', 'manufacturer', 'supplier', 'suppliers', 'vendor', 'seller', 'partner', 'partners',
]);
// Words that open a subject noun phrase: the report starts at the first one ("a member of our team").
const NOUN_PHRASE_OPENERS = new Set(['our', 'the', 'a', 'an', 'my', 'your', 'one', 'someone', 'somebody', 'this', 'that', 'it', 'these', 'those']);
// Words a noun phrase never crosses when walking back from its head.
const CLAUSE_BOUNDARIES = new Set(['and', 'or', 'but', 'so', 'that', 'because', 'as', 'then', 'when', 'once', 'if', 'since', 'while', 'after', 'before', 'which', 'where', 'assured', 'sure', 'confident']);
// Adverbs that may sit between the subject and the auxiliary ("we also will").
const SUBJECT_ADVERBS = new Set(['also', 'then', 'now', 'personally', 'certainly', 'definitely', 'surely', 'gladly', 'happily', 'still']);
// Capitalised words before "will" that are not someone's name.
const NOT_NAMES = new Set(['it', 'this', 'that', 'there', 'here', 'everything', 'nothing', 'something', 'anything', 'which', 'what', 'who', 'these', 'those', 'you', 'i']);
// Between the auxiliary and the action: these turn a promise into an ability, a wish or a denial.
const NOT_A_PROMISE = new Set([
  'not', 'never', 'no', 'able', 'unable', 'available', 'happy', 'glad', 'delighted', 'pleased', 'willing', 'more', 'need', 'needs',
  'want', 'like', 'prefer', 'can', 'could', 'may', 'might', 'should', 'would', 'must', 'you', 'if', 'when', 'once', 'unless',
]);
// Words that show the action word belongs to an object or a clause, not to the auxiliary:
// "will ensure that your review reaches…", "will attend to your call".
const NOT_IN_VERB_GROUP = new Set(['the', 'a', 'an', 'your', 'this', 'that', 'these', 'those', 'it', 'is', 'are', 'of', 'for', 'with', 'about', 'regarding']);
const OBJECT_PRONOUNS = new Set(['it', 'them', 'you', 'us']);
const OBJECT_PREPOSITIONS = new Set(['to', 'with']);
// "I'll have someone from our billing team reach out": a delegation lengthens the gap.
const DELEGATION = new Set(['have', 'get', 'ask', 'arrange', 'make']);
const MAX_GAP = 4;
const MAX_DELEGATION_GAP = 7;
// "will correct the invoice and send it": how far the joined verb may be from the auxiliary.
const MAX_COORDINATED_GAP = 8;
// A new subject in the gap starts another clause: "we will check whether you and …".
const CLAUSE_SUBJECTS = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'it']);
// "by the next available technician", "by one of our agents".
const MAX_AGENT_LENGTH = 5;
// Vague adverbs that may stand before the verb: "we will soon send".
const VAGUE_ADVERBS = new Set(['soon', 'shortly', 'promptly', 'quickly', 'swiftly', 'eventually']);
// Clause openers between a promise and its vague time ("we'll miss you, and hope to see you soon").
const CLAUSE_OPENERS = new Set([
  'and', 'or', 'but', 'so', 'because', 'if', 'unless', 'while', 'whereas', 'which', 'who', 'where', 'when', 'once', 'after', 'before',
  'since', 'until',
]);
// Pleasantries, not promises: "we will see you soon".
const SOCIAL_VERBS = new Set(['see', 'miss', 'welcome', 'enjoy', 'love', 'appreciate', 'value', 'remember']);
const PRESENCE = new Set(['with', 'in', 'out', 'there', 'back', 'over', 'round', 'on', 'along']);
// What a thing does for the customer when a vague time is all it carries.
const VAGUE_OUTCOMES = ['arriv*', 'reach you', 'be with you', 'be (back|ready|online|up and running|back up and running|back online)'];

// Offers the customer's action decides. What they have done: "once your form is submitted".
const CUSTOMER_DONE =
  '(received|submitted|provided|returned|confirmed|completed|verified|sent|uploaded|shared|saved|subscribed|registered|signed up|logged in|filed|reported|lodged|placed)';
// Contingencies make an offer or a promise that may never fall due: "If it arrives damaged,
// we'll replace it", "I'll switch it if you prefer", "we'll let you know if anything changes".
// A trailing qualifier still promises: "we'll investigate and refund it if needed".
const CONTINGENCY = '(if|unless|whether|in case|in the event|provided that|assuming)';
const QUALIFIERS = new Set(['needed', 'necessary', 'required', 'applicable', 'appropriate', 'possible', 'eligible', 'so']);
const CUSTOMER_CONDITIONS = [
  // Offers: "should you need…", "let me know and I'll…".
  'should (you|your|anything|there)',
  'let (me|us) know',
  // The customer acts first: "once you confirm", "when your return is received", "once submitted".
  '(when|whenever|once|after|as soon as|the moment|upon|until) (you|yours)',
  // "your" form, or any customer's ("once a refund request has been submitted").
  `(when|whenever|once|after|as soon as|the moment|upon) (your|yours|a|an) (_)? (_)? (is|are|has been|have been) ${CUSTOMER_DONE}`,
  `(when|whenever|once|after|upon) ${CUSTOMER_DONE}`,
  '(when|whenever|once|after|as soon as|the moment|upon) (we|i|they|our (_)? (_)? (team|staff|agents)) ((have|had) (received|got|gotten)?|receive*|get|got) (all)? (your|this|these|those|that|it|them|the (necessary|required|requested|above|information|details|documents|form|photos|photo))',
  '(when|whenever|once|after|as soon as|the moment) (we|i) hear (back)? from you',
  '(upon|on|after) (receipt of|receiving)',
];
// Whose step an event without "your" is depends on the reply: "Fill in the form. … Once the
// form is submitted, we will…" is the customer's; "I've asked our team to rebill the visit.
// They'll call you once the new claim is submitted." is the team's.
const PASSIVE_EVENT = `(when|whenever|once|after|as soon as|the moment|upon) (the|it|this|that|these|those|all) (_)? (_)? (is|are|has been|have been) ${CUSTOMER_DONE}`;
// At the start of a sentence only: "With this information, I will look into it."
const CUSTOMER_SUPPLIES = '(with|using) (this|that|these|those|the|your) (_)? (information|details|info|data)';
const COORDINATORS = new Set(['and', 'or']);
const REQUEST_MODALS = new Set(['could', 'can', 'would', 'will']);
const GERUND_LEADS = new Set(['after', 'upon', 'on', 'by', 'when', 'before']);
const OPTION_MODALS = new Set(['can', 'may', 'could']);
const OPTION_ADVERBS = new Set(['also', 'simply', 'just', 'easily', 'always', 'then', 'either']);
// A line that starts a list item.
const LIST_ITEM_LINE = /^[ \t]*(?:\d{1,2}[.)]|[-*•])[ \t]/u;
// Reviewing these promises nothing the customer waits for: "we will review your feedback".
const NO_FOLLOW_UP_OBJECTS = new Set(['feedback', 'comments', 'comment', 'suggestions', 'suggestion', 'review', 'reviews']);
const OBJECT_DETERMINERS = new Set(['your', 'the', 'our', 'all', 'any', 'this', 'these']);

// Vague times: a promise that carries only one of these still does not say when.
const VAGUE_TIMES = [
  'soon', 'shortly', 'asap', 'a.s.a.p.', 'as soon as (possible|(we|i) (can|are able|am able|have (more|an update|news)))',
  'as (quickly|fast|promptly|soon) as (possible|(we|i) can)', 'at (the|our|your) earliest (opportunity|convenience|possible)?',
  'in due (course|time)', 'in the (near|not too distant|coming) (future|days|weeks)', 'momentarily', 'eventually', 'at some point',
  'in a (bit|while|little while)', 'before long', 'later', 'when possible', 'when (we|i) can', 'at a later (date|time|stage)',
];
// Manner adverbs read as a vague time only where the action is a follow-up already
// ("we will process it promptly"); they do not make any verb a promise ("delivered promptly").
const VAGUE_MANNERS = ['promptly', 'quickly', 'swiftly', 'speedily', 'in a timely (manner|fashion)'];

// Concrete times that are phrases; numbers, clock times and dates are read by shape below.
const CONCRETE_TIME_PHRASES = [
  'today', 'tonight', 'tomorrow', 'tmrw', 'now', 'right (away|now)', 'immediately', 'straight away', 'straightaway',
  '(this|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday) (morning|afternoon|evening|night|week|weekend|month)',
  'next (week|month|business day|working day|day|morning|weekend)', 'end of (the)? (day|week|month|business day|working day|shift|business)',
  'eod', 'eob', 'cob', 'close of business', 'first thing', 'noon', 'midday', 'midnight', 'overnight',
  '(in|on) the (morning|afternoon|evening)', '(that|the same|same|later that) (morning|afternoon|evening|night|day)', 'same-day',
  '(after|before|by|at) (lunch|lunchtime)', '(in|within) half an hour',
  '(within|in|under|inside|over|about|around|roughly|approximately|next|of) (a|an|one|the|the next|the next few|a few|a couple of|a couple) (business|working|calendar)? (hour|hours|minute|minutes|day|days|week|weeks|month)',
  'daily', 'hourly', 'weekly', 'every (day|morning|evening|hour|week|few days|monday|tuesday|wednesday|thursday|friday)',
];
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mondays', 'weekend']);
const MONTHS = new Set(['january', 'february', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
// Month names that are also ordinary words count only next to a number: "May 3", "14 March".
const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const TIME_UNITS = new Set(['hour', 'hours', 'hr', 'hrs', 'h', 'minute', 'minutes', 'min', 'mins', 'day', 'days', 'week', 'weeks', 'month', 'months']);
const UNIT_QUALIFIERS = new Set(['business', 'working', 'calendar', 'more', 'extra', 'additional', 'full']);
const NUMBER_WORDS = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fourteen', 'fifteen',
  'twenty', 'thirty', 'forty', 'twenty-four', 'forty-eight', 'seventy-two', 'ninety',
]);
const CLOCK_SUFFIXES = new Set(['am', 'pm', 'a.m.', 'p.m.', "o'clock", 'hrs']);
const NUMBER = /^\d+(?:[.,-]\d+)?$/u;
const NUMBER_WITH_UNIT = /^\d+(?:-\d+)?(?:h|hrs?|hours?|d|days?|mins?|wks?)$/u;
const CLOCK_TIME = /^\d{1,2}(?::\d{2})?(?:am|pm|a\.m\.|p\.m\.)$|^\d{1,2}:\d{2}$/u;
const NUMERIC_DATE = /^\d{1,4}[/.]\d{1,2}(?:[/.]\d{2,4})?$/u;
const ORDINAL_DAY = /^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)$/u;
// A sentence after a promise gives it its time when it opens on the promise (after hedges):
// "Expect it by noon", "It should be before 5 pm", "We aim to do it by Friday".
const PROMISE_COMPLETIONS = [
  '(you (can|should|may|will|could))? (expect*|anticipate)',
  'you (should|will|can|may|could) (hear|receive|get|see|have)',
  '(it|this|that|they|these|those) (will|should|would|shall|may|might|ought|(is|are) (going|usually|normally|typically|scheduled|due|expected|likely|booked|planned))',
  '(we|i) (aim|expect|plan|hope|intend|promise) to',
  // How long it takes: "This usually takes two days", "The refund process typically takes {{refund time}}".
  '(it|this|that|the (_)? (process|procedure|refund|repair|replacement|delivery|investigation|review|transfer|check)) (usually|typically|normally|generally|should|will|may|can|could|might)? (take*|last*)',
];
// Or when its subject echoes a word of the promise and looks ahead: "I'll process the
// refund. Refunds usually appear within 5 days."
const ECHO_SUBJECT = '(the|your|this|that|these|those)? _ (will|should|would|may|might|usually|typically|normally|generally|take*|arriv*|appear*|reach*|land*|show*|(is|are) (due|expected|scheduled|booked|likely))';
const HEDGES = new Set(['hopefully', 'probably', 'likely', 'ideally', 'usually', 'typically', 'normally', 'generally', 'most']);
const MAX_TIME_FRAGMENT = 6;
const FRAGMENT_LEADS = new Set(['by', 'within', 'before', 'on', 'in', 'at', 'around', 'about', 'no', 'not', 'sometime']);
// Words that start a new clause, so a time before them is not the promise's.
const CLAUSE_LINKS = new Set(['and', 'but', 'so', 'whereas', 'while']);
const ECHO_DETERMINERS = new Set(['the', 'your', 'this', 'that', 'these', 'those']);
// A placeholder after one of these is a deadline whatever its name: "within {{sla}}".
const DEADLINE_PREPOSITIONS = new Set(['within', 'before', 'until', 'by']);

const MESSAGE_NO_TIME = '"{actual}" promises a follow-up without saying when';
const MESSAGE_VAGUE_TIME = '"{actual}" promises a follow-up, but "{vague}" does not say when';
const NOTE =
  "Say when, and keep your word: \"within 24 hours\", \"by Friday\", \"between 9 and 11 am tomorrow\". A promise with no time leaves the customer waiting and chasing.";

// ── Matching ─────────────────────────────────────────────────────────────────────────────

const either = (alternatives: readonly string[]): CompiledPattern => compilePattern(`(${alternatives.join('|')})`);
const followUpActions = either(FOLLOW_UP_ACTIONS);
const customerReceives = either(CUSTOMER_RECEIVES);
const customerReceivesOnEvent = compilePattern(CUSTOMER_RECEIVES_ON_EVENT);
const passiveParticiples = either([...FOLLOW_UP_ACTIONS, ...IRREGULAR_PARTICIPLES]);
const customerConditions = either(CUSTOMER_CONDITIONS);
const passiveEvents = compilePattern(PASSIVE_EVENT);
const contingencies = compilePattern(CONTINGENCY);
const customerSupplies = compilePattern(CUSTOMER_SUPPLIES);
const vagueTimes = either([...VAGUE_TIMES, ...VAGUE_MANNERS]);
const vagueWhens = either(VAGUE_TIMES);
const vagueOutcomes = either(VAGUE_OUTCOMES);
const promiseCompletions = either(PROMISE_COMPLETIONS);
const echoSubjects = compilePattern(ECHO_SUBJECT);
const concreteTimePhrases = either(CONCRETE_TIME_PHRASES);

/** A sentence with its pattern matches, each computed on first use. */
class Analysed {
  private readonly matches = new Map<CompiledPattern, PatternMatch[]>();
  constructor(readonly sentence: Sentence) {}
  get tokens(): Token[] {
    return this.sentence.tokens;
  }
  find(pattern: CompiledPattern): PatternMatch[] {
    let found = this.matches.get(pattern);
    if (!found) {
      found = matchPattern(pattern, this.sentence);
      this.matches.set(pattern, found);
    }
    return found;
  }
}

interface Auxiliary {
  /** First token of the auxiliary ("will"; "am" in "am going to"). */
  from: number;
  /** First token after it. */
  next: number;
}

interface Subject {
  kind: 'writer' | 'customer' | 'other';
  /** Token where the report starts. */
  from: number;
}

interface Commitment {
  start: number;
  end: number;
  /** Token where the promise starts. */
  from: number;
}

/** "will", "'ll", "shall" and "am/are/is/be going to", in token order. */
function auxiliaries(tokens: readonly Token[]): Auxiliary[] {
  const found: Auxiliary[] = [];
  tokens.forEach((token, index) => {
    if (token.norm === 'will' || token.norm === 'shall') found.push({ from: index, next: index + 1 });
    else if (token.norm === 'going' && tokens[index + 1]?.norm === 'to' && /^(?:am|are|is|be)$/u.test(tokens[index - 1]?.norm ?? '')) {
      found.push({ from: index - 1, next: index + 2 });
    }
  });
  return found;
}

/** Punctuation between two tokens ends a noun phrase: "Once saved, your data will…". */
function separated(sentence: Sentence, left: Token, right: Token): boolean {
  return /[,;:()–—]/u.test(sentence.text.slice(left.end - sentence.start, right.start - sentence.start));
}

/** Walk back from a noun phrase's head to its first word ("a member of our billing team"). */
function nounPhraseStart(sentence: Sentence, head: number): number {
  const { tokens } = sentence;
  let start = head;
  for (let index = head - 1; index >= Math.max(0, head - 6); index--) {
    const token = tokens[index]!;
    const pronoun = WRITER_PRONOUNS.has(token.norm) && !NOUN_PHRASE_OPENERS.has(token.norm);
    if (pronoun || CLAUSE_BOUNDARIES.has(token.norm) || separated(sentence, token, tokens[index + 1]!)) break;
    // A colleague's name opens the phrase too: "Priya from our returns team".
    if (NOUN_PHRASE_OPENERS.has(token.norm) || (isName(token) && (index > 0 || tokens[index + 1]?.norm === 'from'))) start = index;
  }
  return start;
}

/** A capitalised word that is not a pronoun or determiner: read as someone's name. */
function isName(token: Token): boolean {
  return !token.placeholder && /^\p{Lu}\p{Ll}+$/u.test(token.raw) && !NOT_NAMES.has(token.norm) && !NOUN_PHRASE_OPENERS.has(token.norm);
}

/** The promise phrase takes in a pronoun object: "we will look into it", "I'll get back to you". */
function withObject(tokens: readonly Token[], end: number): number {
  const next = tokens[end]?.norm ?? '';
  if (OBJECT_PRONOUNS.has(next)) return end + 1;
  return OBJECT_PREPOSITIONS.has(next) && tokens[end + 1]?.norm === 'you' ? end + 2 : end;
}

function subjectOf(sentence: Sentence, auxiliary: Auxiliary): Subject | undefined {
  const { tokens } = sentence;
  let head = auxiliary.from - 1;
  if (SUBJECT_ADVERBS.has(tokens[head]?.norm ?? '')) head--;
  const token = tokens[head];
  if (!token) return undefined;
  if (token.norm === 'you') return { kind: 'customer', from: head };
  if (WRITER_PRONOUNS.has(token.norm)) return { kind: 'writer', from: head };
  if (token.norm === 'who' && STAFF_NOUNS.has(tokens[head - 1]?.norm ?? '')) return { kind: 'writer', from: head };
  if (STAFF_NOUNS.has(token.norm)) return { kind: 'writer', from: nounPhraseStart(sentence, head) };
  // A colleague named mid-sentence: "I've asked Priya, and Priya will call you."
  if (head > 0 && isName(token)) return { kind: 'writer', from: head };
  // "We have your request and will review it": the subject is the clause's first.
  if (token.norm === 'and') {
    for (let index = head - 1; index >= 0; index--) {
      const norm = tokens[index]!.norm;
      if (norm === 'you') return { kind: 'customer', from: auxiliary.from };
      if (WRITER_PRONOUNS.has(norm) || STAFF_NOUNS.has(norm)) return { kind: 'writer', from: auxiliary.from };
    }
    // "Your ticket has been received and will be handled by…": a thing, told from the auxiliary on.
    return { kind: 'other', from: auxiliary.from };
  }
  return { kind: 'other', from: nounPhraseStart(sentence, head) };
}

/** The first match starting within the allowed gap after the auxiliary, if the gap keeps it a promise. */
function actionAfter(matches: readonly PatternMatch[], tokens: readonly Token[], auxiliary: Auxiliary, maxGap: number): PatternMatch | undefined {
  const match = matches.find((candidate) => candidate.from >= auxiliary.next);
  if (!match) return undefined;
  const gap = tokens.slice(auxiliary.next, match.from);
  if (gap.some((token) => NOT_A_PROMISE.has(token.norm))) return undefined;
  const delegated = DELEGATION.has(gap[0]?.norm ?? '') && gap.some((token) => token.norm === 'someone' || STAFF_NOUNS.has(token.norm));
  if (delegated) return gap.length <= MAX_DELEGATION_GAP ? match : undefined;
  return gap.length <= maxGap && !gap.some((token) => NOT_IN_VERB_GROUP.has(token.norm)) ? match : undefined;
}

/** A follow-up joined to the first verb: "we will take a look and get back to you". */
function coordinatedAction(matches: readonly PatternMatch[], tokens: readonly Token[], auxiliary: Auxiliary): PatternMatch | undefined {
  return matches.find((match) => {
    if (match.from <= auxiliary.next || match.from - auxiliary.next > MAX_COORDINATED_GAP) return false;
    const link = tokens[match.from - 1]!.norm === 'then' ? match.from - 2 : match.from - 1;
    if (tokens[link]?.norm !== 'and') return false;
    return !tokens.slice(auxiliary.next, link).some((token) => NOT_A_PROMISE.has(token.norm) || CLAUSE_SUBJECTS.has(token.norm));
  });
}

/** "will be processed", "will be sent": the auxiliary is followed by be + participle. */
function passiveAfter(matches: readonly PatternMatch[], tokens: readonly Token[], auxiliary: Auxiliary): PatternMatch | undefined {
  let be = auxiliary.next;
  if (tokens[be]?.norm !== 'be') be++;
  if (tokens[be]?.norm !== 'be') return undefined;
  return matches.find((match) => match.from === be + 1 && /ed$|^(?:sent|done|sorted|dealt|taken|looked|got)$/u.test(tokens[match.from]!.norm));
}

/** "will be handled by the next available technician": the team is named as the agent. */
function byStaff(tokens: readonly Token[], after: number): boolean {
  const by = tokens.slice(after, after + 2).findIndex((token) => token.norm === 'by');
  if (by < 0) return false;
  const agent = tokens.slice(after + by + 1, after + by + 1 + MAX_AGENT_LENGTH);
  return agent.some((token) => STAFF_NOUNS.has(token.norm) || token.norm === 'us' || token.norm === 'someone');
}

/** Whether no clause starts between two tokens: no coordinator, relative or condition, no ";" or ":". */
function sameClause(sentence: Sentence, from: number, to: number): boolean {
  const { tokens } = sentence;
  for (let index = from + 1; index < to; index++) {
    if (CLAUSE_OPENERS.has(tokens[index]!.norm) || clauseBreakBefore(sentence, index)) return false;
  }
  return true;
}

/** A ";" or ":" between token `index` and the one before it. */
function clauseBreakBefore(sentence: Sentence, index: number): boolean {
  const { tokens } = sentence;
  return /[;:]/u.test(sentence.text.slice(tokens[index - 1]!.end - sentence.start, tokens[index]!.start - sentence.start));
}

/** The vague time of the auxiliary's own clause: "will have you back online soon". */
function vagueTimeOf(analysed: Analysed, auxiliary: Auxiliary): PatternMatch | undefined {
  const inClause = (match: PatternMatch): boolean =>
    match.from >= auxiliary.next && !analysed.tokens[match.from]!.quoted && sameClause(analysed.sentence, auxiliary.from, match.from);
  return analysed.find(vagueWhens).find(inClause);
}

/** With a vague time in its clause, the team's next verb is a promise whatever it is: "I'll be with you shortly". */
function verbBeforeVagueTime(analysed: Analysed, auxiliary: Auxiliary): PatternMatch | undefined {
  const { tokens } = analysed;
  const vague = vagueTimeOf(analysed, auxiliary);
  if (!vague) return undefined;
  let verb = auxiliary.next;
  while (SUBJECT_ADVERBS.has(tokens[verb]?.norm ?? '') || VAGUE_ADVERBS.has(tokens[verb]?.norm ?? '')) verb++;
  if (verb >= vague.from) return undefined;
  const { norm } = tokens[verb]!;
  // "will not", "will be happy to", "will see you soon": a denial, a wish, a pleasantry.
  if (!/^\p{L}+$/u.test(norm) || NOT_A_PROMISE.has(norm) || NOT_IN_VERB_GROUP.has(norm) || SOCIAL_VERBS.has(norm)) return undefined;
  // "be" promises presence ("I'll be with you shortly"), not a state ("we will be closed soon").
  const to = norm === 'be' ? verb + 2 : verb + 1;
  if (norm === 'be' && !PRESENCE.has(tokens[verb + 1]?.norm ?? '')) return undefined;
  return { from: verb, to, start: tokens[verb]!.start, end: tokens[to - 1]!.end };
}

/** The promised action for a subject, if the words after the auxiliary make one. */
function promisedAction(analysed: Analysed, subject: Subject, auxiliary: Auxiliary): PatternMatch | undefined {
  const { tokens } = analysed;
  switch (subject.kind) {
    case 'writer': {
      const actions = analysed.find(followUpActions);
      const action = actionAfter(actions, tokens, auxiliary, MAX_GAP) ?? coordinatedAction(actions, tokens, auxiliary);
      if (action) return objectNeedsNoFollowUp(tokens, action.to) ? undefined : action;
      return verbBeforeVagueTime(analysed, auxiliary);
    }
    case 'customer':
      return (
        actionAfter(analysed.find(customerReceives), tokens, auxiliary, 1) ??
        (tokens.some((token) => EVENT_CONJUNCTIONS.has(token.norm)) ? actionAfter(analysed.find(customerReceivesOnEvent), tokens, auxiliary, 1) : undefined)
      );
    case 'other': {
      // Passive promises are told from statements of fact by the team named as the agent or
      // by the vague time they carry; so are arrivals ("your parcel will arrive shortly").
      const passive = passiveAfter(analysed.find(passiveParticiples), tokens, auxiliary);
      if (passive && (byStaff(tokens, passive.to) || vagueTime(analysed))) return passive;
      return vagueTimeOf(analysed, auxiliary) ? actionAfter(analysed.find(vagueOutcomes), tokens, auxiliary, 1) : undefined;
    }
  }
}

/** The first commitment a sentence makes, outside quotation marks. */
function findCommitment(analysed: Analysed): Commitment | undefined {
  const { sentence, tokens } = analysed;
  for (const auxiliary of auxiliaries(tokens)) {
    const subject = subjectOf(sentence, auxiliary);
    const action = subject && promisedAction(analysed, subject, auxiliary);
    if (!subject || !action) continue;
    if (tokens.slice(subject.from, action.to).some((token) => token.quoted)) continue;
    return { start: tokens[subject.from]!.start, end: tokens[withObject(tokens, action.to) - 1]!.end, from: subject.from };
  }
  return undefined;
}

/** "entering" → enter, "providing" → provide, "submitting" → submit. */
function isGerundOf(word: string, verbs: ReadonlySet<string>): boolean {
  if (!word.endsWith('ing')) return false;
  const stem = word.slice(0, -3);
  return verbs.has(stem) || verbs.has(`${stem}e`) || (stem.at(-1) === stem.at(-2) && verbs.has(stem.slice(0, -1)));
}

/** Index of the first word after list markers and softeners ("2. Please …"). */
function firstWord(tokens: readonly Token[]): number {
  let first = 0;
  while (first < tokens.length && (LIST_MARKER.test(tokens[first]!.norm) || IMPERATIVE_LEADS.has(tokens[first]!.norm))) first++;
  return first;
}

/** "you can send", "you may also provide": an option the customer may take. */
function customerOption(tokens: readonly Token[], action: number): boolean {
  let index = action - 1;
  if (OPTION_ADVERBS.has(tokens[index]?.norm ?? '')) index--;
  return OPTION_MODALS.has(tokens[index]?.norm ?? '') && tokens[index - 1]?.norm === 'you';
}

/**
 * An instruction or an option for the customer before token `before`: "Reply with a photo
 * and …", "To help, please send …", "You can email our team; they will …".
 */
function customerInstruction(sentence: Sentence, before: number): boolean {
  const { tokens } = sentence;
  const first = firstWord(tokens);
  for (let index = first; index < before; index++) {
    const token = tokens[index]!;
    if (!CUSTOMER_ACTIONS.has(token.norm)) continue;
    const previous = tokens[index - 1];
    if (index === first || (previous && separated(sentence, previous, token)) || ledImperative(sentence, index)) return true;
    if (customerOption(tokens, index)) return true;
  }
  return false;
}

/**
 * "…, please send", "and then reply": softeners that open a new clause lead an imperative;
 * after a subject or an auxiliary they do not ("we will then check", "will not make").
 */
function ledImperative(sentence: Sentence, index: number): boolean {
  const { tokens } = sentence;
  let lead = index;
  while (lead > 0 && IMPERATIVE_LEADS.has(tokens[lead - 1]!.norm)) lead--;
  if (lead === index || lead === 0) return false;
  const before = tokens[lead - 1]!;
  // A polite request is an imperative too: "could you please send".
  if (before.norm === 'you' && REQUEST_MODALS.has(tokens[lead - 2]?.norm ?? '')) return true;
  return COORDINATORS.has(before.norm) || separated(sentence, before, tokens[lead]!);
}

/** The customer's part comes first in this sentence: a condition, an instruction, what they supply. */
function decidedByCustomer(analysed: Analysed, promiseFrom: number, customerAskedBefore: () => boolean): boolean {
  const { sentence, tokens } = analysed;
  if (analysed.find(customerConditions).length > 0 || customerInstruction(sentence, promiseFrom)) return true;
  if (analysed.find(passiveEvents).length > 0 && customerAskedBefore()) return true;
  const contingent = (match: PatternMatch): boolean => match.from < promiseFrom || !QUALIFIERS.has(tokens[match.to]?.norm ?? '');
  if (analysed.find(contingencies).some(contingent)) return true;
  const first = firstWord(tokens);
  if (analysed.find(customerSupplies).some((match) => match.from === first)) return true;
  // "After entering your email, you will…"; not "After reviewing your case, we will…", the writer's own step.
  const gerund = tokens[first + 1];
  return (
    GERUND_LEADS.has(tokens[first]?.norm ?? '') &&
    gerund !== undefined &&
    isGerundOf(gerund.norm, CUSTOMER_ACTIONS) &&
    !analysed.find(followUpActions).some((match) => match.from === first + 1)
  );
}

/** Whether the line holding `offset` starts a list item. */
function inListItem(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return LIST_ITEM_LINE.test(text.slice(lineStart, Math.max(offset, lineStart) + 4));
}

/** A list item telling the customer what to do: "1. Log in", "- Submit the form". */
function isCustomerStep(text: string, sentence: Sentence): boolean {
  return inListItem(text, sentence.start) && customerInstruction(sentence, sentence.tokens.length);
}

/** Where the reply first asks the customer to do something (Infinity if it never does). */
function firstCustomerInstruction(reply: Reply): number {
  for (const paragraph of reply.paragraphs) {
    const asked = paragraph.sentences.find((sentence) => customerInstruction(sentence, sentence.tokens.length));
    if (asked) return asked.start;
  }
  return Number.POSITIVE_INFINITY;
}

function listsCustomerSteps(reply: Reply): boolean {
  return reply.paragraphs.some((paragraph) => paragraph.sentences.some((sentence) => isCustomerStep(reply.text, sentence)));
}

/** "We will review your feedback": nothing comes back to the customer. */
function objectNeedsNoFollowUp(tokens: readonly Token[], after: number): boolean {
  let index = after;
  while (OBJECT_DETERMINERS.has(tokens[index]?.norm ?? '')) index++;
  return NO_FOLLOW_UP_OBJECTS.has(tokens[index]?.norm ?? '');
}

/** The promise continues the previous sentence's instruction or condition ("Send the form. We will then…"). */
function continuesCustomerPart(previous: Analysed, current: Analysed): boolean {
  if (customerInstruction(previous.sentence, previous.tokens.length)) return true;
  return current.tokens.some((token) => token.norm === 'then') && (previous.find(customerConditions).length > 0 || previous.find(contingencies).length > 0);
}

function vagueTime(analysed: Analysed): PatternMatch | undefined {
  return analysed.find(vagueTimes).find((match) => !analysed.tokens[match.from]!.quoted);
}

function isNumber(token: Token | undefined): boolean {
  return token !== undefined && (NUMBER.test(token.norm) || NUMBER_WORDS.has(token.norm) || token.placeholder !== undefined);
}

/** Whether a token starts a concrete time: "24 hours", "5 pm", "Friday", "14 March", "{{delivery_date}}". */
function concreteAt(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]!;
  const { norm } = token;
  if (token.placeholder) return token.placeholder.role === 'date' || DEADLINE_PREPOSITIONS.has(tokens[index - 1]?.norm ?? '') || TIME_UNITS.has(tokens[index + 1]?.norm ?? '');
  if (WEEKDAYS.has(norm) || MONTHS.has(norm)) return true;
  if (NUMBER_WITH_UNIT.test(norm) || CLOCK_TIME.test(norm) || NUMERIC_DATE.test(norm) || ORDINAL_DAY.test(norm)) return true;
  if (AMBIGUOUS_MONTHS.has(norm)) return isNumber(tokens[index - 1]) || /^\d/u.test(tokens[index + 1]?.norm ?? '');
  if (!isNumber(token)) return false;
  let next = index + 1;
  while (UNIT_QUALIFIERS.has(tokens[next]?.norm ?? '') || isNumber(tokens[next])) next++;
  const unit = tokens[next]?.norm ?? '';
  return TIME_UNITS.has(unit) || CLOCK_SUFFIXES.has(unit);
}

/** The first token of a concrete time at or after token `from`, or -1. */
function concreteTimeFrom(analysed: Analysed, from = 0): number {
  const { tokens } = analysed;
  const phrase = analysed.find(concreteTimePhrases).find((match) => match.from >= from)?.from ?? tokens.length;
  for (let index = from; index < phrase; index++) if (concreteAt(tokens, index)) return index;
  return phrase < tokens.length ? phrase : -1;
}

/**
 * Where the promise's clause starts: a time in an earlier clause belongs to something else
 * ("The payment is being calculated now, and we will write to you…").
 */
function clauseStart(sentence: Sentence, from: number): number {
  const { tokens } = sentence;
  for (let index = from - 1; index >= 0; index--) {
    if (CLAUSE_LINKS.has(tokens[index]!.norm) || clauseBreakBefore(sentence, index + 1)) return index + 1;
  }
  return 0;
}

/** Whether a noun repeats a word of the promise, singular or plural: "refund" … "Refunds". */
function echoes(promise: Analysed, noun: Token): boolean {
  const stem = noun.norm.replace(/s$/u, '');
  if (stem.length < 3 || !/^\p{L}+$/u.test(stem) || OBJECT_DETERMINERS.has(stem)) return false;
  return promise.tokens.some((token) => token.norm.replace(/s$/u, '') === stem);
}

/**
 * A fragment that is only a deadline: "Hopefully by Friday.", "Tomorrow morning, most likely."
 * A bare weekday or clock time opens a schedule instead: "Monday to Friday, 9 am to 5 pm."
 */
function timeFragment(analysed: Analysed, first: number, time: number): boolean {
  if (analysed.tokens.length - first > MAX_TIME_FRAGMENT) return false;
  if (FRAGMENT_LEADS.has(analysed.tokens[first]?.norm ?? '')) return time <= first + 3;
  return analysed.find(concreteTimePhrases).some((match) => match.from === first);
}

/**
 * Whether the next sentence gives the promise its time, rather than a time of something
 * else (opening hours, an alternative): "Expect it before 5 pm", "It will be on Friday",
 * "You should hear from us by noon", "By Friday at the latest."
 */
function completesPromise(promise: Analysed, following: Analysed): boolean {
  const { tokens } = following;
  const time = concreteTimeFrom(following);
  if (time < 0) return false;
  let first = firstWord(tokens);
  while (HEDGES.has(tokens[first]?.norm ?? '')) first++;
  if (following.find(promiseCompletions).some((match) => match.from === first)) return true;
  const echo = following.find(echoSubjects).find((match) => match.from === first);
  const echoed = echo && tokens[ECHO_DETERMINERS.has(tokens[first]!.norm) ? first + 1 : first]!;
  if (echoed && echoes(promise, echoed)) return true;
  if (timeFragment(following, first, time)) return true;
  const commitment = findCommitment(following);
  return commitment !== undefined && commitment.from === first;
}

export default defineRule({
  meta: {
    id: 'missing-timeframe',
    description: 'A promise of future action with no concrete time',
    category: 'commitment',
    severity: 'warn',
    fixable: false,
    principle: '4. Say when, and keep your word',
    recommended: true,
  },
  create(context) {
    let customerSteps: boolean | undefined;
    let firstInstruction: number | undefined;
    return {
      sentence(sentence: Sentence, paragraph: AnalyzedParagraph) {
        // Cheap filter first: no future auxiliary, no promise.
        if (!sentence.tokens.some((token) => token.norm === 'will' || token.norm === 'shall' || token.norm === 'going')) return;
        const analysed = new Analysed(sentence);
        const commitment = findCommitment(analysed);
        if (!commitment || concreteTimeFrom(analysed, clauseStart(sentence, commitment.from)) >= 0) return;
        const index = paragraph.sentences.indexOf(sentence);
        // "I'll call you. Expect it before 5 pm.": the next sentence may finish the promise.
        const following = paragraph.sentences[index + 1];
        if (following && completesPromise(analysed, new Analysed(following))) return;
        const customerAskedBefore = (): boolean => {
          firstInstruction ??= firstCustomerInstruction(context.reply);
          return firstInstruction < sentence.start;
        };
        if (decidedByCustomer(analysed, commitment.from, customerAskedBefore)) return;
        const previous = paragraph.sentences[index - 1];
        if (previous && continuesCustomerPart(new Analysed(previous), analysed)) return;
        // A step in a list of steps for the customer, or the outcome told in the paragraph
        // right after the list, happens once they have followed them.
        const { text, paragraphs } = context.reply;
        if (inListItem(text, sentence.start) && (customerSteps ??= listsCustomerSteps(context.reply))) return;
        const paragraphAbove = paragraphs[paragraphs.indexOf(paragraph) - 1];
        if (paragraphAbove?.sentences.some((step) => isCustomerStep(text, step))) return;

        const { start, end } = commitment;
        // A promise wrapped over two lines reads as one line in the message.
        const actual = context.reply.text.slice(start, end).replace(/\s+/gu, ' ');
        const vague = vagueTime(analysed);
        if (!vague) {
          context.report({ start, end, message: MESSAGE_NO_TIME.replace('{actual}', actual), note: NOTE });
          return;
        }
        const vagueText = context.reply.text.slice(vague.start, vague.end);
        context.report({
          start,
          end,
          message: MESSAGE_VAGUE_TIME.replace('{actual}', actual).replace('{vague}', vagueText),
          note: NOTE,
          related: [{ start: vague.start, end: vague.end, message: `"${vagueText}" is not a time` }],
        });
      },
    };
  },
});

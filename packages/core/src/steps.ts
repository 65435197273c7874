/**
 * Steps forward, shared by the rules that judge them: what has been done or arranged for the
 * customer (a resolution), what happens next, and what the customer is asked to do.
 * weak-closing asks where the last step stands in a sentence against the last bad news, missing-timeframe whose step
 * a promise waits on, missing-next-step whether a reply has any step at all. `findNextStep`
 * is a pure detector a TACTICS summary can call too ("take action", "summarise").
 */
import { compilePattern, matchPattern, PatternIndex } from './phrases.js';
import type { Reply } from './rule.js';
import type { Sentence, Token } from './text.js';
import { isPoliteCloser } from './wording.js';

const RESOLVED =
  '(refunded|sent|shipped|dispatched|issued|credited|replaced|fixed|resolved|updated|reset|restored|reactivated|upgraded|extended|waived|added|applied|arranged|booked|scheduled|attached|included|enclosed|created|placed|reserved|corrected|removed|unlocked|approved|reissued|processed|escalated|expedited|covered|released|reinstated|reversed|reimbursed|confirmed|activated|unblocked|posted|delivered|rebooked|reordered|rescheduled|honoured|honored|merged|recovered|found)';

// A step forward is a resolution (done, arranged, promised by the writer) or a next step
// (what the customer can do now, what we need from them). Either may end a reply; only a
// resolution is worth moving to the end.
export type Step = 'resolution' | 'next-step';

const FORWARD_STEPS = new PatternIndex<Step>([
  ...[
    `(i|we|our team) (have|had)? (just|already|now|also|personally|gone ahead and)? ${RESOLVED}`,
    // The subject said once for two verbs: "I'm sorry for the delay and have now refunded the fee".
    `(and|so) (have|had) (just|already|now|also|personally|gone ahead and)? ${RESOLVED}`,
    `(has|have|had) (now|just|already)? been (now|just|already|fully)? ${RESOLVED}`,
    `(was|were|is|are) (now|just|already|fully)? ${RESOLVED}`,
    '(is|are) (now|already)? (on (its|their|the) way|back in stock|ready|fixed|resolved|active|live|working again|available again)',
    '(ships|arrives|goes out|leaves (our|the) warehouse|will arrive|should arrive|will reach you|should reach you|will be with you|should be with you)',
    'you (will|should) (now)? (receive|get|see|have|hear)',
    'you (will|should) (now)? be (refunded|credited|reimbursed|contacted|notified|able)',
    '(here is|here are|attached (is|are|you will find)|as a (goodwill|gesture|thank you|token|small))',
  ].map((source) => [compilePattern(source), 'resolution'] as const),
  ...[
    '(please|kindly) (send|reply|share|confirm|try|check|click|visit|use|call|choose|select|pick|tell|provide|upload|attach|forward|fill|complete|follow|return|keep|go|open|log|sign|update|enter|book|download|install|restart|look)',
    '(could|can|would) you (please)? (send|reply|share|confirm|let|try|check|tell|provide|upload|attach|forward|choose|pick)',
    '(below (is|are|you will find)|in the meantime)',
  ].map((source) => [compilePattern(source), 'next-step'] as const),
]);

/** "We will …", "I can …", "you can now …": a step forward unless the next word takes it back. */
const MODAL_STEPS = new PatternIndex<Step>([
  [
    compilePattern(
      '(i|we|they|someone|our team|the team|the courier|a technician) (will|shall|am going to|are going to|is going to) (now|personally|also|then|gladly|happily|immediately|still|definitely|certainly|right away)? _',
    ),
    'resolution',
  ],
  [
    compilePattern(
      '(i|we|they|our team|the team) (can|could|would be (happy|glad) to|am (happy|glad) to|are (happy|glad) to|will be (happy|glad) to) (now|personally|also|then|gladly|happily|immediately|still|definitely|certainly|right away)? _',
    ),
    'next-step',
  ],
  [compilePattern('you (can|could|will be able to) (now|still|also|simply|easily|always)? _'), 'next-step'],
]);
// Words after the modal that take the step back, or make it no step at all ("I can understand").
const TAKEN_BACK = new Set(['not', 'never', 'only', 'need', 'have', 'require', 'understand', 'imagine', 'see', 'assure', 'appreciate']);
// "We will be …" is a step unless what follows is bad news ("we will be closed").
const BAD_STATE = new Set(['unable', 'delayed', 'late', 'closed', 'charged', 'billed', 'cancelled', 'canceled', 'unavailable', 'out', 'no', 'not', 'sorry', 'away']);

export interface StepForward {
  /** Token index where the step starts. */
  from: number;
  step: Step;
}

/** Every step forward a sentence states, before any judgement of the clause it stands in. */
export function stepsForward(sentence: Sentence): StepForward[] {
  const { tokens } = sentence;
  const steps = FORWARD_STEPS.matches(sentence).map((match) => ({ from: match.from, step: match.value }));
  for (const match of MODAL_STEPS.matches(sentence)) {
    const verb = tokens[match.to - 1]!;
    const next = tokens[match.to];
    if (verb.norm === 'be' ? !next || !BAD_STATE.has(next.norm) : !TAKEN_BACK.has(verb.norm)) steps.push({ from: match.from, step: match.value });
  }
  return steps;
}

// ── Bad news ─────────────────────────────────────────────────────────────────────────────

/** Bad news a sentence gives: an apology, a refusal or regret. */
export type BadNews = 'apology' | 'refusal' | 'regret';

// An adverb between the subject and the refusal: "we are therefore unable to", "we still cannot".
const HEDGE = '(therefore|thus|hence|consequently|still|currently|presently|simply|also|just|really|sadly|unfortunately|regrettably|now|again|yet|normally|usually|generally|at this time|at present|at the moment)';

const NEGATIVE_CUES: ReadonlyArray<{ kind: BadNews; patterns: string[] }> = [
  { kind: 'apology', patterns: ['sorry', 'apologi*', '(we|i) (deeply|sincerely)? regret', 'pardon (for|the)'] },
  {
    kind: 'regret',
    patterns: [
      'unfortunately', 'sadly', 'regrettably', 'regretfully', 'alas',
      'not the (news|answer|outcome|result) (you|that you) (were|are) (hoping|looking) for',
      '(i|we) wish (i|we) (had|could|were able)',
    ],
  },
  {
    kind: 'refusal',
    patterns: [
      `(i|we|our team) ${HEDGE}? (can not|cannot|could not|will not|would not)`,
      `(i|we|our team) (am|are|is|was|were|will be|would be|have been|had been) ${HEDGE}? (unable to|not able to|no longer able to|not in a position to|not (allowed|permitted|authorized|authorised) to)`,
      `(i|we|our team) ${HEDGE}? (can|could) only`,
      `(i|we) (do|does) not ${HEDGE}? (offer|provide|ship|sell|stock|carry|accept|allow|support|have|issue|give|guarantee|refund|deliver|make|cover)`,
      '(it|this|that|which) (is|was|will be|would be) not (possible|available|eligible|covered|refundable|something (we|i) can)',
      '(is|are|was|were) (no longer|not|currently not) (available|possible|eligible|covered|refundable|supported|offered|in stock|returnable)',
      'no longer (available|offered|supported|possible|eligible|in stock|sold|carry|stock|sell|offer|support|accept|produce|make|manufacture|ship|able)',
      '(out of stock|sold out|discontinued|not eligible|beyond our control|outside (of)? our control)',
      '(has|have|had) been (denied|declined|rejected|refused)',
      '(was|were|is|are) (denied|declined|rejected|refused)',
      'the best (we|i) can (do|offer)',
      'nothing (more|else|further) (we|i) can (do|offer)',
      'there is nothing (more|else|further)',
      '(we|i) have no (way|option|choice|control)',
    ],
  },
];

// A cue after "if" or "unless" is a condition, not news: "if we can't fix it, we'll refund you".
const CONDITION = new Set(['if', 'unless', 'whether', 'case', 'should']);

const negativeCueIndex = new PatternIndex(NEGATIVE_CUES.flatMap(({ kind, patterns }) => patterns.map((source) => [compilePattern(source), kind] as const)));
// Negatives that are good news: "we can't wait to hear", "we won't charge you for it".
const goodNegative = compilePattern('((can not|cannot) (wait|hesitate) | (will not|would not|do not) (charge|bill|invoice|penalise|penalize))');

export interface NegativeCue {
  from: number;
  to: number;
  kind: BadNews;
}

/** The apologies, refusals and regrets of a sentence, outside quotation marks, conditions and good news. */
export function negativeCues(sentence: Sentence): NegativeCue[] {
  const { tokens } = sentence;
  const goodNews = matchPattern(goodNegative, sentence);
  return negativeCueIndex
    .matches(sentence)
    .filter(
      (match) =>
        !tokens.slice(match.from, match.to).some((token) => token.quoted) &&
        !CONDITION.has(tokens[match.from - 1]?.norm ?? '') &&
        !goodNews.some((good) => good.from < match.to && good.to > match.from),
    )
    .map((match) => ({ from: match.from, to: match.to, kind: match.value }));
}

// What a customer is asked to do, as an imperative ("Reply with a photo", "1. Log in") or a
// gerund ("After entering your email, you will receive…").
export const CUSTOMER_ACTIONS: ReadonlySet<string> = new Set([
  'reply', 'respond', 'send', 'share', 'provide', 'give', 'tell', 'submit', 'confirm', 'call', 'contact', 'email', 'e-mail',
  'forward', 'attach', 'click', 'choose', 'select', 'fill', 'complete', 'visit', 'go', 'log', 'sign', 'drop', 'upload', 'text',
  'message', 'return', 'print', 'include', 'write', 'pop', 'reach', 'feel', 'follow', 'enter', 'check', 'double-check', 'open',
  'tap', 'type', 'navigate', 'locate', 'look', 'find', 'review', 'ensure', 'make', 'try', 'access', 'verify', 'download',
  'install', 'scroll', 'search', 'describe', 'explain', 'inform', 'save', 'create', 'update', 'use', 'clear', 'report',
  'place', 'finalize', 'finalise', 'register', 'subscribe', 'request', 'mention', 'gather', 'prepare', 'wait', 'keep', 'hesitate',
  'seek', 'ask',
]);
// Softeners and sequence words before an imperative: "Please send", "Then restart".
export const IMPERATIVE_LEADS: ReadonlySet<string> = new Set(['please', 'just', 'simply', 'kindly', 'then', 'first', 'firstly', 'next', 'finally', 'do', 'not']);
// A list marker token: "1." or "2)".
export const LIST_MARKER = /^\d{1,2}[.)]?$/u;

// ── The next step of a whole reply ───────────────────────────────────────────────────────

export type NextStepKind = 'action' | 'customer-step' | 'question' | 'closure';

const TEAM_ACTED =
  '(asked|forwarded|passed|notified|contacted|requested|raised|opened|flagged|submitted|filed|assigned|referred|ordered|chased|instructed|alerted|informed|reported|cancelled|canceled|changed|switched|moved|transferred|reserved|organised|organized|set up|put|made|given|granted|sorted|cleared|credited)';
// Future steps of anyone: "one of our advisors will respond", "your number will move to it".
const FUTURE = '(will|shall|should|is going to|are going to|am going to) (now|then|also|automatically|personally|gladly|happily|soon|shortly)? _';
// Verbs after "will" that promise no step: "we will value your feedback", "this will help us improve".
const NO_STEP_VERBS = new Set([
  'see', 'miss', 'welcome', 'enjoy', 'love', 'appreciate', 'value', 'remember', 'always', 'never', 'continue', 'strive', 'endeavour',
  'endeavor', 'aim', 'help', 'use', 'consider', 'bear', 'keep', 'take', 'learn', 'improve', 'not', 'have',
]);
// What a step may not be about: handing on feedback tells the customer nothing about their case.
const FEEDBACK = new Set(['feedback', 'comments', 'comment', 'suggestion', 'suggestions', 'views', 'thoughts']);
// A hand-off to nobody in particular: "has been forwarded to the relevant department".
const VAGUE_HANDOFF = compilePattern('(to|with) (the|a|our) (relevant|appropriate|right|correct|responsible|concerned) (department|team|person|people|party|parties|area)');
// A time still to come: a sentence that names one tells the customer when something happens.
const FUTURE_TIME =
  /\b(?:tomorrow|tonight|later today|this (?:afternoon|evening)|next (?:week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|within (?:the next )?\d+|in (?:the next )?\d+ (?:minutes|hours|days|working days|business days|weeks)|by (?:\d|noon|midnight|tonight|tomorrow|the end|end of|monday|tuesday|wednesday|thursday|friday|saturday|sunday))/iu;
// Refusals that a modal step sits inside: "there's nothing more we can do".
const NO_WAY_FORWARD = compilePattern('(nothing|not much|little) (more|else|further)? (that)? (we|i|our team) (can|could|are able to|am able to)');

/** Steps missing-next-step accepts beyond the shared steps forward: closures, hand-offs, instructions, timelines. */
const NEXT_STEPS = new PatternIndex<NextStepKind>([
  ...[
    '(is|are|has been|have been|was|were) (now|all|fully)? (resolved|complete|completed|sorted|done|settled|cancelled|canceled|taken care of|sorted out|back to normal)',
    '(your|the|this) (account|ticket|case|request|complaint|subscription|membership|booking) (is|has been) (now)? closed',
    '(done|all done|sorted|all sorted|fixed|all fixed)', 'nothing (changes|has changed|else changes)', '(glad|happy|lovely|great|pleased|delighted|good|wonderful) to (hear|know|see|read)', '(is|are|remains|remain|stays|stay) (still)? (valid|active|confirmed|booked|unchanged|the same)', 'no need to',
 '(went|has gone|have gone|goes) out', '(is|are) now (in|at|on|available|visible|there|live|ready|showing|listed|up to date|correct)',
    'no (further|more|other) (action|steps?) (is|are)? (needed|required|necessary)?',
    'nothing (more|else|further) (is)? (needed|required|necessary|to do) (from you|on your (side|end|part))?',
    'you (are|will be|should be) (all)? (set|good to go|sorted)',
    '(you|there) (do not|will not|no longer) (need|have) to (do|take) (anything|any (further|more)? action)',
    '(all|everything is) (sorted|set|done)',
    '(i|we) (have|had)? (closed|resolved|settled) (the|this|your)',
  ].map((source) => [compilePattern(source), 'closure'] as const),
  ...[
    `(i|we|our team) (have|has|had)? (just|already|now|also|personally|gone ahead and)? ${TEAM_ACTED}`,
    `(i|we) (have|had) (however|also|since|meanwhile|instead|therefore|then|now|though) ${RESOLVED}`,
    '(is|are) (now)? (in the post|in transit|on (its|their) way|with the courier|being (prepared|processed|packed|reviewed|shipped|investigated|looked at|handled|repaired|fixed|made|printed))',
    '(arriving|arrives|due|expected|scheduled|booked|ready) (on|by|in|within|tomorrow|today|tonight|next|this|at|from)',
    '(is|are) (due|expected|scheduled|set|booked|planned) to',
    `(has|have) (now|just|already)? been (now|just|already)? ${TEAM_ACTED}`,
    `(will|should|shall|is going to|are going to) (now|then|also)? be ${RESOLVED}`,
    `(will|should|shall) (now|then|also)? be (collected|reviewed|assessed|handled|sent|visible|back|available|ready|live|active|waiting|in touch|with you|there|contacted|called|assigned|done)`,
    FUTURE,
    '(goes|go|going|went) live', '(expect|expects|expected|anticipate|anticipates) (it|them|the|your|power|service|delivery|a|an|to)',
    'let (me|us) (connect|transfer|check|look|help|see|find|get|arrange|send|provide|walk|guide|show|explain|take|pass|forward|escalate|book|share|give|set)', '(comes|come|rolls|roll) out', '(the)? next steps? (is|are|will be|would be)', 'expect (a|an|the|your|it|them|to|delivery|an update)', 'what happens next', '(i|we) (will|shall) be in touch',
  ].map((source) => [compilePattern(source), 'action'] as const),
  ...[
    '(let|tell) (me|us) know (which|what|when|whether|where|how|who|your|the|and)',
    'let (me|us) know if you (would|want|prefer|like|agree|are happy)',
    'you (will|would|may|might)? (need|have) to',
    'you (may|might) (want|wish|like) to',
    '(all|what) you (need|have) to do',
    '(i|we) (would)? (recommend|suggest|advise)',
    '(i|we) (kindly|would)? (ask|request|invite|need) (you|that you)', 'you have (the|an|two|three|several) (option|options|choice)',
  ].map((source) => [compilePattern(source), 'customer-step'] as const),
]);
const DIRECT_ANSWERS = new Set(['yes', 'yep', 'yeah', 'no', 'nope', 'absolutely', 'certainly', 'sure', 'definitely']);
// Questions that close rather than ask: "Is there anything else I can help with?"
const CLOSING_QUESTION = compilePattern('(anything|something) (else|more)');
// Imperatives beyond the customer actions missing-timeframe knows: "If it persists, restart the router."
const MORE_IMPERATIVES = new Set([
  'restart', 'reboot', 'unplug', 'plug', 'turn', 'switch', 'remove', 'add', 'change', 'set', 'bring', 'take', 'book', 'pay', 'cancel',
  'swap', 'apply', 'paste', 'copy', 'reinstall', 'refresh', 'reset', 'hold', 'press', 'connect', 'disconnect', 'charge', 'schedule',
  'expect', 'read', 'see', 'sign', 'allow', 'collect', 'pick', 'show', 'present', 'quote', 'head', 'come', 'refer', 'consult',
]);

/** Whether a separator (comma, colon, semicolon) stands right before token `index`: "To cancel, click…". */
function afterComma(sentence: Sentence, index: number): boolean {
  const previous = sentence.tokens[index - 1];
  if (!previous) return false;
  return /[,;:]/u.test(sentence.text.slice(previous.end - sentence.start, sentence.tokens[index]!.start - sentence.start));
}

/** "Reply with a photo", "2. Log in", "To cancel, click Cancel": an instruction for the customer. */
function instructs(sentence: Sentence): boolean {
  const { tokens } = sentence;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (!(CUSTOMER_ACTIONS.has(token.norm) || MORE_IMPERATIVES.has(token.norm)) || token.quoted) continue;
    let lead = index;
    while (lead > 0 && (IMPERATIVE_LEADS.has(tokens[lead - 1]!.norm) || LIST_MARKER.test(tokens[lead - 1]!.norm))) lead--;
    // "Please find attached…" hands something over; "Please do not reply to this email" asks for nothing.
    if (token.norm === 'find' && tokens.slice(index + 1).some((next) => ['attached', 'enclosed', 'below', 'herewith'].includes(next.norm))) continue;
    if (tokens.slice(lead, index).some((lead) => lead.norm === 'not' || lead.norm === 'never')) continue;
    if (lead === 0 || afterComma(sentence, lead)) return true;
  }
  return false;
}

// "The fee was applied because…": a passive with its reason explains the past, it does not act.
const PASSIVE_AUXILIARIES = new Set(['was', 'were', 'is', 'are']);
const REASONS = new Set(['because', 'due', 'since', 'as']);
const explains = (tokens: readonly Token[], from: number): boolean => PASSIVE_AUXILIARIES.has(tokens[from]!.norm) && tokens.slice(from).some((token) => REASONS.has(token.norm));

// Words that make a clause a condition or a time, not a step: "once a parcel is in transit".
const SUBORDINATORS = new Set(['once', 'if', 'when', 'unless', 'after', 'before', 'until', 'whenever', 'while', 'whether']);

/** Whether the clause holding token `from` is subordinate (if, once, when, until …, with no comma between): a step there is only conditional or timed, not taken. */
function inSubordinateClause(sentence: Sentence, from: number): boolean {
  const { tokens } = sentence;
  for (let index = from; index >= 0; index--) {
    // "I'd appreciate it if you could share…" is a polite request, not a condition.
    const politeRequest = tokens[index]!.norm === 'if' && tokens[index + 1]?.norm === 'you' && ['could', 'would', 'can'].includes(tokens[index + 2]?.norm ?? '');
    if (SUBORDINATORS.has(tokens[index]!.norm) && !politeRequest) return true;
    if (index > 0 && afterComma(sentence, index)) return false;
  }
  return false;
}

/** A step about feedback ("I've passed your comments on"), inside a refusal ("nothing more we can do") or a condition. */
function noWayForward(sentence: Sentence, from: number, to: number): boolean {
  const { tokens } = sentence;
  if (inSubordinateClause(sentence, from)) return true;
  if (tokens.slice(to, to + 4).some((token) => FEEDBACK.has(token.norm))) return true;
  if (matchPattern(VAGUE_HANDOFF, sentence).some((handoff) => handoff.from >= to - 1 && handoff.from <= to + 4)) return true;
  if (NO_STEP_VERBS.has(tokens[to - 1]?.norm ?? '') && tokens[to - 2] && /^(?:will|shall|to|now|then|also|automatically|personally|gladly|happily|soon|shortly)$/u.test(tokens[to - 2]!.norm)) return true;
  return matchPattern(NO_WAY_FORWARD, sentence).some((refusal) => from >= refusal.from && from < refusal.to);
}

const quotedMatch = (tokens: readonly Token[], from: number, to: number): boolean => tokens.slice(from, to).some((token) => token.quoted);
/** "will not …", "should be unable to …": the words after a step take it back. */
const takenBack = (tokens: readonly Token[], to: number): boolean => {
  const last = tokens[to - 1]?.norm ?? '';
  const next = tokens[to]?.norm ?? '';
  return ['not', 'never', 'no'].includes(next) || last === 'not' || last === 'never' || (last === 'be' && BAD_STATE.has(next));
};

// "I've lowered…", "your direct debit has been reduced…": any participle after the writer's
// "have" or a passive "has been" is something done, but for what only looks into the case or
// takes it in, and for bad news.
const IRREGULAR_PARTICIPLES = new Set(['sent', 'made', 'done', 'put', 'set', 'given', 'taken', 'written', 'paid', 'got', 'built', 'brought', 'kept', 'left', 'sold', 'told', 'shown', 'rung', 'cut', 'spoken']);
const NOT_DONE_FOR_THEM = new Set(['received', 'noted', 'logged', 'seen', 'read', 'heard', 'understood', 'checked', 'looked', 'reviewed', 'investigated', 'examined', 'considered', 'tried', 'learned', 'learnt', 'explained', 'mentioned', 'stated', 'said', 'advised', 'informed', 'been', 'had', 'decided', 'concluded', 'determined', 'found', 'shared', 'passed', 'forwarded', 'asked']);
// Participles that report bad news, not something done for the customer: "your account has been suspended".
const BAD_NEWS_PARTICIPLES = new Set(['suspended', 'blocked', 'declined', 'rejected', 'denied', 'refused', 'restricted', 'flagged', 'frozen', 'charged', 'billed', 'delayed', 'lost', 'damaged', 'disabled', 'terminated', 'withdrawn', 'postponed']);
function writerHasDone(sentence: Sentence): number | undefined {
  const { tokens } = sentence;
  for (let index = 0; index + 2 < tokens.length; index++) {
    const writer = ['i', 'we'].includes(tokens[index]!.norm) && ['have', 'has', 'had'].includes(tokens[index + 1]!.norm);
    const passive = ['has', 'have'].includes(tokens[index]!.norm) && tokens[index + 1]!.norm === 'been';
    if (!writer && !passive) continue;
    let verb = index + 2;
    if (passive && BAD_NEWS_PARTICIPLES.has(tokens[verb]?.norm ?? '')) continue;
    while (['just', 'already', 'now', 'also', 'since', 'personally', 'gone', 'ahead', 'and', 'however', 'then'].includes(tokens[verb]?.norm ?? '')) verb++;
    const norm = tokens[verb]?.norm ?? '';
    if (tokens[verb]?.quoted || NOT_DONE_FOR_THEM.has(norm)) continue;
    if ((/^\p{L}{3,}ed$/u.test(norm) || IRREGULAR_PARTICIPLES.has(norm)) && !takenBack(tokens, verb + 1)) return index;
  }
  return undefined;
}

/** What a sentence tells the customer about what happens next, if anything. */
export function nextStepIn(sentence: Sentence): NextStepKind | undefined {
  const kind = stepKind(sentence);
  // Checked last: most sentences state no step, and the closer index is the dearer lookup.
  return kind && !isPoliteCloser(sentence) ? kind : undefined;
}

function stepKind(sentence: Sentence): NextStepKind | undefined {
  const { tokens } = sentence;
  // A direct answer closes a question: "Yes, the blades are dishwasher safe."
  if (DIRECT_ANSWERS.has(tokens[0]?.norm ?? '') && (tokens.length === 1 || afterComma(sentence, 1) || /^\s*[-–—!.]/u.test(sentence.text.slice(tokens[0]!.end - sentence.start)))) return 'closure';
  for (const step of stepsForward(sentence)) {
    if (tokens[step.from]!.quoted || explains(tokens, step.from) || noWayForward(sentence, step.from, step.from + 1)) continue;
    return step.step === 'resolution' ? 'action' : 'customer-step';
  }
  const extra = NEXT_STEPS.matches(sentence).find(
    (match) => !quotedMatch(tokens, match.from, match.to) && !takenBack(tokens, match.to) && !noWayForward(sentence, match.from, match.to),
  );
  if (extra) return extra.value;
  if (instructs(sentence)) return 'customer-step';
  const done = writerHasDone(sentence);
  if (done !== undefined && !noWayForward(sentence, done, done + 3)) return 'action';
  if (FUTURE_TIME.test(sentence.text) && !tokens.some((token) => token.quoted)) return 'action';
  const asks = /\?\s*["”)]*\s*$/u.test(sentence.text.trimEnd()) && !tokens.at(-1)?.quoted;
  if (asks && matchPattern(CLOSING_QUESTION, sentence).length === 0) return 'question';
  return undefined;
}

export interface NextStep {
  start: number;
  end: number;
  kind: NextStepKind;
}

/** The first body sentence that says what happens next, what the customer should do, or that the case is closed. */
export function findNextStep(reply: Reply): NextStep | undefined {
  for (const paragraph of reply.paragraphs) {
    for (const sentence of paragraph.sentences) {
      const kind = nextStepIn(sentence);
      if (kind) return { start: sentence.start, end: sentence.start + sentence.text.trimEnd().length, kind };
    }
  }
  return undefined;
}

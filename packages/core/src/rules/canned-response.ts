/**
 * Stock lines that answer nothing, and replies made mostly of them. The phrases are a
 * declarative table (teams add and allow entries); whether a sentence says anything of its
 * own is judged structurally, never from a list of topics: numbers, dates, placeholders that
 * carry data, an action the writer took, a named thing, a reference to the customer's
 * message, or simply enough words that no stock phrase accounts for.
 */
import type { EmailModel } from '../email.js';
import { compilePattern, matchPattern, PatternIndex, type IndexedMatch } from '../phrases.js';
import { covered, isContentWord, POLITE_CLOSER_PATTERNS, STOPWORDS, wordsOutside, type Range } from '../wording.js';
import { phraseMatcher, phraseOptionsSpec, type Phrase, type PhraseOptions } from '../phrase-rule.js';
import { defineRule } from '../rule.js';
import type { Sentence, Token } from '../text.js';

const APOLOGY_NOTE = 'Apologise for the specific problem ("I\'m sorry your parcel arrived damaged"): only you know what it was.';
const SHOW_IT_NOTE = 'Saying it does not show it: say what you did with this customer\'s message instead.';
const FILLER_NOTE = 'Officialese that adds nothing: delete it and state the fact.';

// "We / I / Please accept our … apologise / are sorry / regret" — the head of a stock apology.
const APOLOGY_HEAD =
  '((we|i) (do|would like to|want to|wish to)? (sincerely|truly|deeply|really|again|once again|also)? (apologi*|(am|are) (very|so|truly|really|deeply|sincerely)? sorry) (again|sincerely)? | (please accept)? (our|my) (sincere|sincerest|deepest|humble)? apologies (again)? | sorry | apologies)';
const VAGUE_TROUBLE = '(inconvenience|trouble|frustration|confusion|disappointment|difficulty|difficulties|hassle|distress|disruption|inconveniences|problems|issues|misunderstanding)';
const CAUSED = '((this|that|it|which) (may|might|could|will)? (have|has)? (caused|created|brought|cause) (you)? | caused (to you)?)?';
// What went wrong, named by a noun of its own ("the delay", "this week's outage").
const MISHAP =
  '(delay|delays|mistake|mistakes|error|errors|outage|outages|mix-up|mixup|oversight|glitch|glitches|bug|bugs|wait|change|changes|charge|charges|overcharge|disruption|interruption|downtime|cancellation|cancellations|fault|failure|breakdown|shortage|damage|incident|maintenance|miscommunication|misprint|hold-up|closure|strike|recall|backorder)';
// Words that can only open a noun phrase, never stand for one: "the", "our", "yesterday's".
const NOUN_PHRASE_START =
  "(the|our|your|these|those|last|yesterday's|today's|tonight's|weekend's|monday's|tuesday's|wednesday's|thursday's|friday's|saturday's|sunday's)";
// "… any inconvenience you may have had while cancelling order 3707", "… any inconvenience
// this week's outage caused", "… the trouble the late delivery caused": the apology names the
// problem. "This" and "that" may stand alone ("this may have caused"): only a mishap noun after
// them names something, and a generic "issue" names it only with a word of its own ("the login issue").
const NAMES_THE_TROUBLE = [
  `${VAGUE_TROUBLE} (caused)? (you (may|might)? (have|be|are|had)? (experienced|experiencing|encountered|encountering|faced|facing|had|having))? (with|of|regarding|while|when|during|around|over|about|caused by|due to|in)`,
  `${VAGUE_TROUBLE} (${NOUN_PHRASE_START}|this|that) _? _? ${MISHAP}`,
  `${VAGUE_TROUBLE} (${NOUN_PHRASE_START}|this|that) _ _? (issue|issues|problem|problems)`,
  `${VAGUE_TROUBLE} ${NOUN_PHRASE_START} _ * ((has|have|may have|might have|could have|will have)? (caused|created|brought|meant))`,
];
const ACKNOWLEDGED =
  '(request|email|e-mail|message|inquiry|enquiry|query|ticket|application|complaint|submission|feedback|case|mail|correspondence|form|letter)';
const HANDLED =
  '(processed|reviewed|handled|logged|forwarded|passed on|assigned|looked into|looked at|investigated|dealt with|attended to|answered|actioned|addressed|considered)';
// The ticket's number or its placeholder ("#4471", "%{ticket.number}") is part of the stock line.
const REFERENCE = '((number|no|ref|reference|id)? _)?';
const RESPONDER =
  '(someone|somebody|a (member|representative) of (our|the) (support|customer service)? team|(one of)? our (agents|representatives|team members|advisors|specialists|team|staff|support team)|an? (agent|representative|advisor|specialist|team member)|we|the (relevant|appropriate) (team|department|person))';
const RESPONDS = '(respond|reply|get back|be in touch|contact you|review|look|reach out|follow up|answer)';

/** Always reported: the phrase answers nothing wherever it stands. */
const boilerplate: Phrase[] = [
  {
    pattern: [
      `(we|i) (have)? (received|got) your ${ACKNOWLEDGED} ${REFERENCE} (and)? (it|this)? (is|has been|will be|is being) (being)? ${HANDLED}`,
      `(we|i) (have)? (received|got) your ${ACKNOWLEDGED} ${REFERENCE} (and)? ${RESPONDER}? (will|shall) ${RESPONDS}`,
      `your (support|service)? ${ACKNOWLEDGED} ${REFERENCE} (has been|was|is being) (received|logged|registered|recorded) ((and)? (is being|will be|has been) ${HANDLED})?`,
      'this is an? (automated|automatic|auto-generated|autogenerated|computer-generated) (response|reply|message|email|e-mail|acknowledgement|acknowledgment|notification|confirmation)?',
    ],
    message: '"{actual}" is an auto-acknowledgement: it tells the customer nothing they did not know',
    note: 'An autoresponder does not count as answering: answer the question, or say what you are doing about it and when.',
  },
  {
    pattern:
      '(please)? (kindly)? (direct|address|send|submit|route|raise) (all|any) (further|future|other)? (customer service)? (inquiries|enquiries|questions|queries|requests|correspondence|concerns|issues|complaints|matters) (through|via|to|using|on) (our|the) (company)? (website|web site|site|online (form|portal)|contact form|web form|(support|customer|help|self-service) (portal|page|site|center|centre|desk)|help (center|centre|desk|page))',
    message: '"{actual}" sends the customer elsewhere instead of answering',
    note: 'Answer in the channel the customer chose; if someone else must act, hand the case over yourself.',
  },
  {
    pattern: [
      `${APOLOGY_HEAD} for any ${VAGUE_TROUBLE} ${CAUSED}`,
      `${APOLOGY_HEAD} for the (inconvenience|inconveniences) ${CAUSED}`,
      `(we|i) (sincerely|deeply|truly)? regret any ${VAGUE_TROUBLE} ${CAUSED}`,
    ],
    message: '"{actual}" is a stock apology: it does not say what went wrong',
    note: APOLOGY_NOTE,
    unless: NAMES_THE_TROUBLE,
  },
  {
    pattern: [
      "(your|the customer's|customer|our customers') (feedback|call|business|satisfaction|custom|opinion|opinions|input|concern|concerns|inquiry|enquiry|email|message|privacy|experience|time|trust|comments|query|request|happiness) (is|are) (very|extremely|really|truly|incredibly|so|most)? important to (us|me|our (company|team|business))",
      '(your|customer) (satisfaction|happiness) is (always)? (our|my) (top|number one|first|highest|main|utmost)? priority',
    ],
    message: '"{actual}" is stock reassurance',
    note: SHOW_IT_NOTE,
  },
  {
    pattern: [
      '(we|i) (truly|really|greatly|sincerely|do|always|highly)? value your (business|custom|patronage|loyalty|feedback|input|time|opinion|trust|partnership|membership|comments|suggestions)',
      '(we|i) (truly|really|greatly|sincerely|do|always)? appreciate your (business|custom|patronage|loyalty)',
      '(we|i) take (your|all|customer|this|these|such)? (feedback|concern|concerns|complaint|complaints|privacy|security|matter|matters|issue|issues|comments|report|reports) (very|extremely|most)? seriously',
    ],
    message: '"{actual}" is stock reassurance',
    note: SHOW_IT_NOTE,
  },
  { pattern: '(please|kindly)? be advised (that)?', message: '"{actual}" is stock officialese', note: FILLER_NOTE },
  {
    pattern: '(we|i) (deeply|sincerely)? regret to (inform|advise|tell|notify) you that',
    message: '"{actual}" is stock officialese',
    expected: ["I'm sorry to say that", 'unfortunately,'],
    note: 'Say it as a person would.',
  },
  { pattern: '(we|i) (deeply|sincerely)? regret to (inform|advise|tell|notify) you', message: '"{actual}" is stock officialese', note: 'Say it as a person would.' },
  {
    pattern: 'rest assured (that)?',
    message: '"{actual}" reassures without saying anything',
    note: 'Reassurance comes from what will happen and when: say that instead.',
  },
];

const HELP_RESOURCE =
  '(faq|faqs|frequently asked questions|help (center|centre|page|pages|section|site|docs|documentation|articles|hub)|knowledge (base|center|centre|hub)|support (site|page|pages|center|centre|portal|section|documentation|articles|hub)|online help|self-help (resources|section|portal)|resource (center|centre|hub)|community forum) (page|section|articles)?';
// What any help centre holds, said of this one: "where you'll find answers to the most
// frequently asked questions". A tail that names a topic ("the steps to export invoices") is the customer's.
const QUESTIONS_AT_LARGE =
  '(the|all|many|most|our|any|your)? (most)? (frequently asked|commonly asked|common|general|frequent|popular)? (question|questions|query|queries|topics|issues|problems)';
const ANY_ANSWERS = `((where|which|that) (you (will|can|may|should))? (find|has|have|contains|provides|offers|includes|covers) (answers|information|help|solutions|guides|guidance|tips|articles|resources|tutorials|instructions) ((to|on|about|for) ${QUESTIONS_AT_LARGE})? | for (more|further|additional)? (information|details|help|assistance|answers|guidance))`;

/** Reported only when the phrase is (nearly) the whole sentence and it carries nothing specific. */
const standAloneFiller: Phrase[] = [
  {
    pattern:
      '(thank you|thanks|many thanks|(we|i) (truly|greatly|really|do)? appreciate|we thank you) (so much|very much|again|in advance)? (for)? (your|the) (continued|kind|ongoing)? (patience|understanding|cooperation|co-operation) and (understanding|cooperation|co-operation|patience|support|consideration) (in this matter)?',
    message: '"{actual}" is filler that stands in for an answer',
    note: 'Thank the customer for something they did, or tell them what happens next.',
  },
  {
    pattern: [
      // No "you can" or "have a" before the verb: the pattern starts at a rarer word, so "you
      // may want to have a look at our FAQ" is reported from "look".
      `(please)? (kindly)? (refer to|see|check|consult|visit|read|review|go to|browse|search|explore|look at|check out|head (over)? to) (our|the) ${HELP_RESOURCE} ${ANY_ANSWERS}?`,
      `(find|get) (the|all the|more)? (answers|answer|information|help|solutions|details|guidance) (to ${QUESTIONS_AT_LARGE})? (in|on|at|from) (our|the) ${HELP_RESOURCE} ${ANY_ANSWERS}?`,
    ],
    message: '"{actual}" sends the customer elsewhere instead of answering',
    note: 'Answer the question, or link the one article that does and say what it covers.',
  },
];


// Handing the case to "the relevant team" names no one and nothing: a non-action.
const PASSED_ON = '(request|email|message|feedback|concern|concerns|query|inquiry|enquiry|complaint|comments|case|ticket|suggestion|suggestions)';
const TO_THE_RELEVANT_TEAM = '(to|with) (the|our)? (relevant|appropriate|right|concerned|responsible) (team|teams|department|departments|person|people|parties)';

/** Stock that answers nothing either, but is no closer: a reply made only of stock answers nothing. */
const STOCK_STATEMENTS = [
  '(we are|i am|our team is|the team is) (currently)? (working on|looking into|investigating|reviewing|checking|processing) (it|this|that|your (request|issue|case|query|inquiry|enquiry|ticket|concern|complaint)|the (issue|matter|problem))',
  `(${RESPONDER}|and)? will (get back to you|be in touch|contact you|reach out|respond|reply|follow up|update you) (shortly|soon|as soon as possible|asap|in due course|at the earliest opportunity)?`,
  // Their subjects ("we have", "your complaint has been", "it will") are stop words: each
  // pattern starts at its rarest word, which keeps the index fast.
  `(forwarded|passed|escalated|sent|referred|shared) (it|this|that|your ${PASSED_ON})? (on|along)? ${TO_THE_RELEVANT_TEAM}`,
  'been (duly)? (noted|taken on board|taken into account)',
  '(helps|help|allows|enables) us (to)? (improve|better|enhance|serve you better|continue to improve|keep improving) (our|the)? (service|services|products|experience|offering|offerings|quality)? (we (offer|provide))?',
  '(use|take) (your|this|the|all)? (feedback|comments|suggestions|input) (into account|on board)? (to (improve|enhance|better) (our|the)? (service|services|products|experience))?',
  '(we|i) (have)? (received|noted|logged|recorded) your (request|email|message|feedback|concern|query|inquiry|enquiry|complaint|comments|suggestion)',
  '(i|we) (completely|totally|fully)? understand (your (frustration|concern|concerns|situation|disappointment)|how (frustrating|inconvenient|disappointing|annoying|upsetting|stressful) (this|that|it) (is|must be|can be|has been|may be))',
  '(i|we) (am|are) (very|so|truly|really)? sorry to hear (that|about|this|of)?',
  '(sorry|apologies|(we|i) apologi*) for (the|any|our) (delay|delayed response|late reply|late response|wait) (in (getting back|responding|replying))?',
  '(we are|i am) (committed|dedicated) to (providing|delivering|ensuring|giving|offering)',
  '(we|i) strive to (provide|deliver|offer|give|ensure)',
  '(please)? (bear|be patient) with (us|me)',
].map(compilePattern);


// Capitalised words that name nobody and nothing in particular.
const GENERIC_CAPITALISED = new Set(
  'customer support service services team care department help center centre desk company website faq faqs dear sir madam thanks thank please best regards ok okay hi hello hey mr mr. mrs mrs. ms ms. dr dr. mx live chat email e-mail internet online inc ltd llc client account knowledge base portal hub'.split(' '),
);

const DAY_WORDS = new Set('today tomorrow tonight yesterday monday tuesday wednesday thursday friday saturday sunday weekday weekend'.split(' '));
const MONTHS = new Set('january february march april june july august september october november december'.split(' '));
// Past forms after "I / we (have)": an action the writer took.
const IRREGULAR_PAST = new Set('sent made put set gave got found spoke took wrote left paid built brought bought ran rang went told sold held kept done given taken spoken written seen'.split(' '));
// -ed words that report a feeling or a wish, not an action.
const NOT_AN_ACTION = new Set('wanted needed hoped wished liked loved pleased delighted excited concerned interested committed dedicated supposed used'.split(' '));
const ACTION_LEAD_IN = new Set(['have', 'had', 'just', 'already', 'also', 'now', 'personally', 'gone', 'ahead', 'and', 'went']);
// Present-progressive actions: "I'm sending you a new label".
const ONGOING_ACTION =
  /^(?:sending|attaching|refunding|issuing|shipping|crediting|replacing|upgrading|extending|waiving|adding|resetting|booking|scheduling|arranging|enclosing|including|cancell?ing|applying|updating|fixing|releasing|reissuing|reactivating|restoring|covering|calling)$/u;
const LIQUID_CONTROL = /^(?:if|unless|else|elsif|endif|endunless|for|endfor|case|when|endcase|assign|capture|endcapture|comment|endcomment|raw|endraw)\b/u;
const DEEP_LINK = /(?:https?:\/\/|www\.)[^\s/]+\/[^\s.,;)]+|\b[\w-]+\.(?:com|org|net|io|co|app|dev)\/[^\s.,;)]+/iu;

/** Words pointing at the customer's own message or situation. */
const CUSTOMER_REFERENCES = [
  'you (mentioned|said|asked|wrote|noted|described|reported|explained|told (me|us)|pointed out|attached|shared|ordered|bought|purchased|tried|were asking|are asking|asked about)',
  'in your (email|e-mail|message|note|screenshot|photo|photos|last message|previous message)',
].map(compilePattern);

/** A sentence with at most this many content words besides its stock phrases is just the stock. */
const STAND_ALONE_WORDS = 1;
/** More content words than any stand-alone filler sentence has. */
const MAX_FILLER_WORDS = 8;
/** This many words outside any stock phrase say something, even with nothing else specific. */
const SUBSTANTIVE_WORDS = 4;


// The value says whether the stock is a mere courtesy (a closer) or a non-answer.
type Stock = 'courtesy' | 'non-answer';
const stockIndex = new PatternIndex<Stock>([
  ...POLITE_CLOSER_PATTERNS.map((pattern) => [pattern, 'courtesy'] as const),
  ...STOCK_STATEMENTS.map((pattern) => [pattern, 'non-answer'] as const),
]);

// Thanks for getting in touch with, or choosing, a business: the name after it is the company's.
const ADDRESSEE_VERBS = new Set(
  'contacting contact reaching getting writing write emailing calling messaging choosing shopping flying banking staying travelling traveling booking ordering'.split(' '),
);
// Small words that may lead into a name ("to the Acme team") or sit inside one ("Bank of Westbridge").
const NAME_JOINERS = new Set(['to', 'with', 'at', 'the', 'of', 'and', 'for']);

const isCapitalised = (token: Token): boolean => /^\p{Lu}/u.test(token.raw);

/**
 * "Thank you for contacting Skyward Airlines", "… for choosing the IT Service Desk": stretch a
 * thank-you over the company's name, which says nothing about the customer's case.
 */
function withCompanyName(sentence: Sentence, match: IndexedMatch<Stock>): IndexedMatch<Stock> {
  const { tokens, text } = sentence;
  if (match.value !== 'courtesy' || !tokens.slice(match.from, match.to).some((token) => ADDRESSEE_VERBS.has(token.norm))) return match;
  let to = match.to;
  for (let next = to; next < tokens.length; next++) {
    const token = tokens[next]!;
    // Only words joined by spaces: "contacting Acme, Marcus" ends the name at the comma.
    if (/\S/u.test(text.slice(tokens[next - 1]!.end - sentence.start, token.start - sentence.start))) break;
    if (isCapitalised(token)) to = next + 1;
    else if (!NAME_JOINERS.has(token.raw)) break;
  }
  return to === match.to ? match : { ...match, to, end: tokens[to - 1]!.end };
}

/** What the rest of the email (greeting, sign-off) names: the customer, the company. */
function namesAroundBody(model: EmailModel): Set<string> {
  const around = [model.greeting?.text, model.closing?.text, ...model.signature.map((line) => line.text)].join(' ');
  return new Set(around.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean));
}

function quotedWords(model: EmailModel): Set<string> {
  return new Set(
    model.quotedText
      .toLowerCase()
      .split(/[^\p{L}\p{N}'’-]+/u)
      .filter((word) => word.length >= 4 && !STOPWORDS.has(word)),
  );
}

class SpecificsFinder {
  private quoted: Set<string> | undefined;
  private names: Set<string> | undefined;

  constructor(private readonly model: EmailModel) {}

  /** Does the sentence, outside its stock ranges, say something only this reply could say? */
  find(sentence: Sentence, ranges: readonly Range[]): boolean {
    const { tokens } = sentence;
    const free = (token: Token): boolean => !covered(token, ranges);
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!;
      if (!free(token)) continue;
      if (token.quoted || /\d/u.test(token.raw) || DAY_WORDS.has(token.norm)) return true;
      if (token.placeholder) {
        const { role, syntax, name } = token.placeholder;
        if (role !== 'customer-name' && role !== 'agent-name' && !(syntax === 'liquid-tag' && LIQUID_CONTROL.test(name))) return true;
        continue;
      }
      if (index > 0 && this.isNamedThing(sentence, index)) return true;
      if ((token.norm === 'i' || token.norm === 'we') && this.isWriterAction(tokens, index, free)) return true;
    }
    if (DEEP_LINK.test(sentence.text)) return true;
    if (CUSTOMER_REFERENCES.some((pattern) => matchPattern(pattern, sentence).some((match) => tokens.slice(match.from, match.to).every(free)))) return true;
    if (this.model.quotedText !== '') {
      this.quoted ??= quotedWords(this.model);
      if (tokens.some((token) => free(token) && token.norm.length >= 4 && isContentWord(token) && this.quoted!.has(token.norm))) return true;
    }
    return false;
  }

  /** A capitalised word inside the sentence: a product, a place, a person, a month. */
  private isNamedThing(sentence: Sentence, index: number): boolean {
    const token = sentence.tokens[index]!;
    // The second word of a contraction ("I'm") shares the capital of the first.
    if (!/^\p{Lu}/u.test(token.raw) || token.norm === 'i' || token.start === sentence.tokens[index - 1]!.start) return false;
    const lower = token.raw.toLowerCase();
    if (GENERIC_CAPITALISED.has(lower)) return false;
    if (MONTHS.has(lower)) return true;
    this.names ??= namesAroundBody(this.model);
    if (this.names.has(lower)) return false;
    // "Thanks for your patience, Marcus!": a name in the vocative is courtesy, not content.
    const before = sentence.text.slice(0, token.start - sentence.start).trimEnd();
    const after = sentence.text.slice(token.end - sentence.start);
    return !(before.endsWith(',') && /^(?:\s+\p{Lu}\p{L}*)?[\s!.?…,)]*\p{Extended_Pictographic}?[\s!.?]*$/u.test(after));
  }

  /** "I've refunded", "we checked", "I have just sent", "I'm attaching": the writer did something. */
  private isWriterAction(tokens: readonly Token[], subject: number, free: (token: Token) => boolean): boolean {
    let index = subject + 1;
    while (index < tokens.length && index <= subject + 3 && ACTION_LEAD_IN.has(tokens[index]!.norm)) index++;
    const verb = tokens[index];
    if (!verb || !free(verb)) return false;
    if (index === subject + 1 && (verb.norm === 'am' || verb.norm === 'are')) {
      const next = tokens[index + 1];
      return next !== undefined && free(next) && ONGOING_ACTION.test(next.norm);
    }
    if (NOT_AN_ACTION.has(verb.norm)) return false;
    return IRREGULAR_PAST.has(verb.norm) || (/^\p{L}{2,}ed$/u.test(verb.norm) && !/[^r]eed$/u.test(verb.norm));
  }
}

// The filler table takes the team's allow-list but not its additions; one options object
// per configuration keeps phraseMatcher's per-options cache warm across replies.
const fillerOptionsFor = new WeakMap<PhraseOptions, PhraseOptions>();

export default defineRule<PhraseOptions>({
  meta: {
    id: 'canned-response',
    description: 'Boilerplate that answers nothing',
    category: 'substance',
    severity: 'warn',
    fixable: true,
    principle: '2. Answer the question; no canned non-answers',
    recommended: true,
  },
  options: phraseOptionsSpec('Boilerplate that answers nothing: "{actual}"'),
  create(context) {
    const { reply } = context;
    const matchBoilerplate = phraseMatcher(boilerplate, context.options);
    let fillerOptions = fillerOptionsFor.get(context.options);
    if (!fillerOptions) fillerOptionsFor.set(context.options, (fillerOptions = { add: [], allow: context.options.allow }));
    const matchFiller = phraseMatcher(standAloneFiller, fillerOptions);
    const specifics = new SpecificsFinder(reply.model);
    // Once one sentence says something of its own, the reply is not boilerplate: later
    // sentences need the stock table only to judge a filler phrase.
    let substantive = false;
    let sentences = 0;
    let stockSentences = 0;
    // Courtesy alone ("Thanks so much! Have a great weekend!") is a fine answer to a thank-you.
    let nonAnswers = false;

    return {
      sentence(sentence) {
        const stated = matchBoilerplate(sentence);
        // A filler is reported only when it is (nearly) the whole sentence: long sentences cannot be.
        const filler = wordsOutside(sentence, []).length <= MAX_FILLER_WORDS ? matchFiller(sentence) : [];
        for (const report of stated) context.report(report);
        if (substantive && filler.length === 0) return;
        const stock = stockIndex.matches(sentence).map((match) => withCompanyName(sentence, match));
        const ranges = [...stated, ...filler, ...stock];
        const ownWords = wordsOutside(sentence, ranges).length;
        const specific = specifics.find(sentence, ranges);
        const standAlone = !specific && ownWords <= STAND_ALONE_WORDS;
        if (standAlone) for (const report of filler) context.report(report);
        if (sentence.tokens.length === 0) return;
        substantive ||= specific || ownWords >= SUBSTANTIVE_WORDS;
        sentences++;
        if (ranges.length > 0 && standAlone) {
          stockSentences++;
          nonAnswers ||= stated.length + filler.length > 0 || stock.some((match) => match.value === 'non-answer');
        }
      },
      reply() {
        if (substantive) return;
        // Mostly boilerplate: at least two stock sentences, outnumbering the rest.
        if (!nonAnswers || stockSentences < 2 || stockSentences <= sentences - stockSentences) return;
        const first = reply.paragraphs[0]!;
        context.report({
          start: first.start,
          end: first.end,
          message: 'The reply is mostly boilerplate: nothing in it is specific to this customer',
          note: 'Answer the question that was asked: say what you did or will do, with the order, date, amount or product it concerns.',
        });
      },
    };
  },
});

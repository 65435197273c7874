/**
 * Reply in the channel the customer chose. A deflection is an instruction to the customer
 * to go somewhere else for help — phone, another mailbox, a ticket portal, a DM, a branch:
 *
 *   a channel phrase from the table (call us, contact billing, submit a ticket through our
 *   website, send us a DM, use our contact form)
 *   + told to the customer: an imperative ("Please call us", "…, contact billing yourself"),
 *     an obligation or advice ("you'll need to call", "we recommend that you contact"), or a
 *     bare permission ("You can reach our sales team at …")
 *
 * What passes: the writer doing it for them ("I've asked billing to call you", "they'll
 * email you by Friday", in the sentence or the next one), an optional extra after the help
 * ("you can also call us any time", "or reply here and I'll do it"), conditions ("if it
 * happens again, call us"), offers ("feel free to call us"), the writer's own line ("call me
 * on …"), this channel ("reply to this email"), third parties (your bank, the courier, the
 * police: whether they are the right place is not a question of channel) and safety or fraud
 * instructions.
 */
import { phraseMatcher, phraseOptionsSpec, type Phrase } from '../phrase-rule.js';
import { compilePattern, matchPattern, PatternIndex } from '../phrases.js';
import { defineRule, type Reply } from '../rule.js';
import { analyzeParagraph, type Sentence } from '../text.js';
import { clauseBreakBefore, inCondition, isListNumber } from '../wording.js';

const DEPARTMENTS =
  '(billing|sales|accounts|finance|support|returns|claims|lending|reservations|bookings|complaints|customer service|customer services|customer support|customer care|customer relations|tech support|technical support|reception|the front desk)';
const STAFF = '(team|teams|department|departments|dept|office|desk|helpline|hotline|line|specialists|agents|advisors|advisers|representatives|reps|staff|colleagues|experts)';
// Our side of the business: "us", "billing", "our billing team", "the sales department", "one of our advisors".
const OUR_SIDE_NAMED = `(us|our (_)? (_)? ${STAFF}|our ${DEPARTMENTS}|the ${DEPARTMENTS} ${STAFF}?|the (relevant|appropriate|right|responsible) ${STAFF}|one of our (_)? (agents|advisors|advisers|representatives|specialists|colleagues|experts|team members))`;
const ANOTHER_MAILBOX = `(${DEPARTMENTS}|our (_)? (_)? ${STAFF}|our ${DEPARTMENTS}|the ${DEPARTMENTS} ${STAFF}?|the (relevant|appropriate|right|responsible) ${STAFF})`;
const SELF_SERVICE_CHANNEL =
  '(website|site|portal|help centre|help center|support centre|support center|contact form|online form|web form|form|app|support page|contact page|customer portal|self-service portal|live chat|chat|helpdesk|help desk)';

// Safety and fraud come first: "call our fraud line now" is the right instruction.
const SAFETY = '(fraud|fraudulent|stolen|suspicious|unauthorised|unauthorized|emergency|emergencies|gas leak|smell gas|999|911|112)';
// The customer may stay here: "…, or reply here and I'll book it for you".
const STAY_HERE = [
  '(or|alternatively) (just|simply)? (reply|respond|write back)',
  '(or|alternatively) (i|we) (can|could|will|am happy to|are happy to|would be happy to)',
  '(share|send|reply|tell (me|us)|let (me|us) know|write) * here',
];
const UNLESS = [SAFETY, ...STAY_HERE];

const MESSAGE = '"{actual}" sends the customer to another channel: help them here, or make the contact for them ("I\'ve asked billing to call you today")';
const NOTE = 'Reply in the channel the customer chose, and change channel only with their consent: make the call or the hand-off yourself.';

// Patterns are spelled out one per rare word (a verb, a noun): the phrase index files each
// pattern under its rarest words, and a group such as "(our|the) …" would file it under "the".
const each = (words: readonly string[], pattern: (word: string) => string): string[] => words.map(pattern);
const CALL_VERBS = ['contact', 'call', 'phone', 'ring', 'reach out to', 'reach', 'get in touch with', 'speak to', 'speak with', 'talk to', 'talk with', 'chat with', 'message', 'text', 'dm'];
// "them" is our team only when the team was just named (see refersToOurTeam); the channel
// detail that follows ("on 0333…", "at billing@…") says the customer is to get in touch.
const TEAM_REFERENCE = '(directly|yourself)? (on|at|via|through|by) _';
const CALL_GERUNDS = ['contacting', 'calling', 'phoning', 'ringing', 'reaching out to', 'getting in touch with', 'speaking to', 'speaking with', 'talking to'];
// A bare department after a verb that is also a noun reads as a compound: "phone support".
const DEPARTMENT_VERBS = ['contact', 'call', 'reach out to', 'get in touch with', 'speak to', 'speak with', 'talk to', 'talk with'];
const TICKETS = ['ticket', 'tickets', 'request', 'requests', 'enquiry', 'enquiries', 'inquiry', 'inquiries', 'query', 'queries', 'complaint', 'complaints', 'case', 'question', 'questions'];
const PLACES = ['branch', 'store', 'shop', 'service centre', 'service center', 'showroom', 'dealership', 'outlet'];

const phrases: Phrase[] = [
  {
    pattern: [
      ...each(CALL_VERBS, (verb) => `${verb} ${OUR_SIDE_NAMED} (directly|yourself)?`),
      ...each(DEPARTMENT_VERBS, (verb) => `${verb} ${DEPARTMENTS} (directly|yourself)?`),
      // After a recommendation: "I'd suggest reaching out to our billing team".
      ...each(CALL_GERUNDS, (verb) => `${verb} ${OUR_SIDE_NAMED} (directly|yourself)?`),
      // "Our returns team handles exchanges, so please give them a ring": them is our team.
      ...each(['contact', 'call', 'phone', 'ring', 'reach', 'email', 'message'], (verb) => `${verb} them ${TEAM_REFERENCE}`),
      `(give|drop) them a (call|ring|message|line) ${TEAM_REFERENCE}`,
      `(email|e-mail|write to) ${ANOTHER_MAILBOX} (directly|yourself)?`,
      ...each(['call', 'ring', 'message', 'line', 'text'], (noun) => `(give|drop) (us|our (_)? (_)? ${STAFF}) a ${noun}`),
      '(send|drop) (us|our (_)? team) (a|an) (dm|direct message|private message|pm|whatsapp|text)',
      'dm us',
      'pm us',
      'message us (on|via|through|at)',
    ],
    message: MESSAGE,
    note: NOTE,
    unless: UNLESS,
  },
  {
    pattern: [
      ...each(TICKETS, (ticket) => `(submit|raise|log|open|file|create|lodge|send|make|address|direct|place) (a|an|your|the|all|any|this|these)? (_)? (_)? (new|support|formal|online|written)? ${ticket} (through|via|on|using|at|in|from|with) (our|the) (_)? ${SELF_SERVICE_CHANNEL}`),
      ...each(['form', 'page', 'portal'], (noun) => `(use|fill in|fill out|complete|go to|visit|submit) (our|the) (online|web|website)? (contact|support|enquiry|inquiry|complaints|complaint|request|ticket) ${noun}`),
      '(use|start|open|try|join) (our|the|a) (live chat|chat with us)',
      ...each(PLACES, (place) => `(visit|go to|pop into|pop in to|drop into|call into|go into|head to|come into|come in to|stop by|call in at) (your|a|any|our|the) (nearest|local|closest|nearby)? ${place}`),
    ],
    message: MESSAGE,
    note: NOTE,
    unless: UNLESS,
  },
];

const options = phraseOptionsSpec(MESSAGE);

// What, said just before the channel verb, tells the customer to go: obligation and advice,
// or a bare permission ("You can reach our sales team at …"), which an option word softens.
type Lead = 'told' | 'allowed';
const LEADS = new PatternIndex<Lead>([
  ...[
    'you (will|would|may|might)? (need|have|want) to',
    'you (must|should|ought to)',
    'you (are|will be) (required|asked|advised|requested|expected) to',
    '(we|i) (would|kindly)? (ask|recommend|suggest|advise|encourage|urge|request) (that)? (you)? (to)?',
    '(i|we) (would)? (suggest|recommend|advise) (first)?',
    '(the|your) (best|quickest|fastest|easiest|simplest|only) (way|option|bet|route) (to _ _? _?)? (is|would be) (to)?',
    '(it is|it would be) (best|better|quicker|faster|easier|advisable) to',
  ].map((source) => [compilePattern(source), 'told'] as const),
  [compilePattern('you (can|could|may)'), 'allowed'],
]);
// A purpose sends the request itself elsewhere: "You can call billing to set up a payment plan",
// "… for a quote". Without one, "you can contact us by phone" only describes a channel.
const PURPOSE = compilePattern('(to _|for (a|an|the|your) _)');
// Purposes that are no request: help in general ("to assist you", "for assistance") or the
// contact itself ("to ensure you can reach us at the right time").
const GENERIC_PURPOSES = new Set([
  'assist', 'help', 'support', 'answer', 'guide', 'serve', 'provide', 'ensure', 'make', 'find', 'know', 'see', 'learn', 'us', 'you',
  'our', 'the', 'a', 'an', 'any', 'your', 'them', 'this', 'that', 'it', 'me', 'assistance', 'questions', 'question', 'information',
  'info', 'further', 'more', 'chat', 'call',
]);
// The customer asked how to reach a person: giving the channel answers the question. Their
// words in the quoted message, or the reply restating them ("I understand you want to speak
// with customer service").
const REACH = '(speak|talk|call|phone|ring|chat|contact|reach|get in touch)';
const CUSTOMER_ASKS = new PatternIndex(
  [
    `how (can|do|could|should|would) (i|we) ${REACH}`,
    '(phone|telephone|contact) (number|numbers|details)',
    '(speak|talk) (to|with) (a|an|someone|somebody|customer|real|human|live|actual) _?',
    `(want|like|need|prefer|wish|trying) to ${REACH}`,
    '(call|phone|ring) me',
    'your (number|phone number|opening hours)',
  ].map((source) => [compilePattern(source), true] as const),
);
const RESTATED = new PatternIndex(
  [
    `you (want|would like|wish|are (trying|looking|hoping)) to ${REACH}`,
    `if you (need|want|would like|wish|prefer) to (speak|talk) (directly)? (to|with)`,
    'you (need|want|would like) (assistance|help) (in|with) (calling|contacting|reaching)',
    'you (want|would like|need) to know (the|our)? (hours|times|number|ways)',
    '(ways|how) (to|you can) (contact|reach|get in touch with) (us|our)',
    // "your desire to speak with…", "and wish to speak with one of our agents" ("you may want to contact
    // our team" is the deflection itself).
    '(desire|wish) to ((speak|talk|connect|get in touch|chat) (with|to)|contact|reach)',
  ].map((source) => [compilePattern(source), true] as const),
);
// A sentence that opens on the customer's wish for a person: "To speak with a live agent, …".
const TO_REACH_SOMEONE = compilePattern('to ((speak|talk|connect|get in touch|chat) (with|to)|contact|reach)');
// "…the hours when you can contact our team": a description, not an instruction.
const SUBORDINATORS = new Set(['when', 'where', 'how', 'whether', 'which', 'that', 'if', 'ways', 'way', 'hours', 'times']);
// Words that may stand between the lead (or the clause start) and the verb.
const IN_BETWEEN = new Set(['please', 'kindly', 'simply', 'just', 'directly', 'also', 'always', 'then', 'first', 'now', 'instead', 'easily', 'still', 'either', 'do', 'quickly']);
// An extra channel, not a deflection: "you can also call us", "you can always reach us".
const OPTIONAL = new Set(['also', 'always', 'alternatively', 'otherwise', 'too']);
const OPTIONAL_PHRASES = compilePattern('(as well|if you prefer|if you would prefer|if you would rather|if you had rather)');
// An open invitation, whoever says it: "Call us any time", "we're there around the clock".
const ANY_TIME = compilePattern('(any time|anytime|whenever|around the clock|day or night)');
const CLAUSE_OPENERS = new Set(['and', 'or', 'so', 'but', 'then', 'otherwise', 'alternatively', 'instead']);
const WRITER = new Set(['i', 'we', 'they', 'he', 'she', 'someone']);
const COORDINATORS = new Set(['and', 'or']);
const CHANNEL_VERBS = new Set(['contact', 'call', 'phone', 'ring', 'reach', 'get', 'speak', 'talk', 'chat', 'email', 'message', 'write']);
const PLEASE = new Set(['please', 'kindly']);
// A general offer, not an answer sent elsewhere: "For any other questions, please call us".
const OFFER_FRAME = compilePattern('for (any|all)? (further|other|more|additional|urgent|immediate|general)? (questions|help|assistance|support|information|queries|enquiries|inquiries|concerns|matters)');
// The writer makes the contact: "I've asked billing to call you", "they'll email you by Friday".
const HAND_OFFS = new PatternIndex([
  '(i|we) (have|had|will|shall|am going to|are going to)? (also|already|just|now|personally)? (asked|passed|forwarded|escalated|referred|transferred|copied|notified|alerted|contacted|emailed|messaged|arranged|booked|requested|told|ask|pass|forward|escalate|refer|transfer|copy|notify|alert|arrange|book|request|tell)',
  '(will|shall|is going to|are going to) (now|also|then|personally)? (call|contact|email|e-mail|ring|phone|reach out to|get in touch with|be in touch with|message|text|write to) you',
].map((source) => [compilePattern(source), true] as const));

/** Who the instruction is for: the customer (told or allowed to go), or nobody (the writer acts). */
function leadOf(sentence: Sentence, verb: number): Lead | undefined {
  const { tokens } = sentence;
  let at = verb;
  while (at > 0 && IN_BETWEEN.has(tokens[at - 1]!.norm) && !clauseBreakBefore(sentence, at)) at--;
  if (tokens.slice(at, verb).some((token) => PLEASE.has(token.norm))) return 'told';
  // A list item: "2. Contact our billing team".
  if (at === 1 && isListNumber(tokens[0])) at = 0;
  const previous = tokens[at - 1];
  // A gerund is an instruction only after a recommendation: "I'd suggest calling our team".
  const gerund = tokens[verb]!.norm.endsWith('ing');
  if (!gerund && (!previous || clauseBreakBefore(sentence, at))) return 'told';
  if (!previous) return undefined;
  if (!gerund && CLAUSE_OPENERS.has(previous.norm) && !COORDINATORS.has(previous.norm)) return 'told';
  if (!gerund && COORDINATORS.has(previous.norm)) {
    // "I'll check and contact billing" shares the writer's subject, "the option to speak with
    // an agent or get in touch with our team" an infinitive; "Log in and call us" is the customer's.
    const before = tokens.slice(0, at - 1);
    const infinitive = before.some((token, index) => token.norm === 'to' && CHANNEL_VERBS.has(before[index + 1]?.norm ?? ''));
    return infinitive || before.some((token) => WRITER.has(token.norm)) ? undefined : 'told';
  }
  const lead = LEADS.matches(sentence).find((match) => match.to === at);
  return lead && !SUBORDINATORS.has(tokens[lead.from - 1]?.norm ?? '') ? lead.value : undefined;
}

function isOptional(sentence: Sentence): boolean {
  return sentence.tokens.some((token) => OPTIONAL.has(token.norm)) || matchPattern(OPTIONAL_PHRASES, sentence).length > 0;
}

/** "Alternatively, …", "Otherwise, …": a sentence that offers another way, whatever its verb. */
const opensOnAlternative = (sentence: Sentence): boolean => ['alternatively', 'otherwise'].includes(sentence.tokens[isListNumber(sentence.tokens[0]) ? 1 : 0]?.norm ?? '');

function hasPurpose(sentence: Sentence): boolean {
  return matchPattern(PURPOSE, sentence).some((match) => !GENERIC_PURPOSES.has(sentence.tokens[match.to - 1]!.norm));
}

/** Whether the customer asked for a way to reach someone, in the quoted message or as the reply restates it. */
function askedForContact(reply: Reply): boolean {
  const quoted = reply.model.quotedText;
  const quote = quoted === '' ? [] : analyzeParagraph(quoted, 0, quoted.length, []).sentences;
  return (
    quote.some((sentence) => CUSTOMER_ASKS.matches(sentence).length > 0) ||
    reply.paragraphs.some((paragraph) =>
      paragraph.sentences.some(
        (sentence) => RESTATED.matches(sentence).length > 0 || matchPattern(TO_REACH_SOMEONE, sentence).some((match) => match.from === (isListNumber(sentence.tokens[0]) ? 1 : 0)),
      ),
    )
  );
}

const OUR_TEAM = compilePattern(`(our (_)? (_)? ${STAFF}|our ${DEPARTMENTS}|the ${DEPARTMENTS} ${STAFF})`);
/** Whether "them" in the sentence can be our team: the sentence or the one before names it. */
function refersToOurTeam(sentence: Sentence, previous: Sentence | undefined): boolean {
  return [sentence, previous].some((candidate) => candidate !== undefined && matchPattern(OUR_TEAM, candidate).length > 0);
}

/**
 * Whether the sentence before offers the team on a condition or at any time: "If you have any
 * questions, our support team is available to help. You can reach them at …" spells out an
 * offer, it does not send the customer away.
 */
function continuesOffer(previous: Sentence | undefined): boolean {
  if (!previous) return false;
  const first = previous.tokens[isListNumber(previous.tokens[0]) ? 1 : 0]?.norm ?? '';
  const offered = ['if', 'should', 'whenever'].includes(first) || matchPattern(ANY_TIME, previous).length > 0;
  return offered && (matchPattern(OUR_TEAM, previous).length > 0 || previous.tokens.some((token) => token.norm === 'available' || token.norm === 'here'));
}

const handsOff = (sentence: Sentence | undefined): boolean => sentence !== undefined && HAND_OFFS.matches(sentence).length > 0;

export default defineRule({
  meta: {
    id: 'channel-deflection',
    description: 'Sends the customer to another channel instead of helping in this one',
    category: 'ownership',
    severity: 'warn',
    fixable: false,
    principle: '7. Personal, not generic',
    recommended: true,
  },
  options,
  create(context) {
    const match = phraseMatcher(phrases, context.options);
    let asked: boolean | undefined;
    return {
      sentence(sentence, paragraph) {
        const reports = match(sentence);
        if (reports.length === 0) return;
        if (matchPattern(OFFER_FRAME, sentence).some((frame) => frame.from === 0)) return;
        const index = paragraph.sentences.indexOf(sentence);
        const previous = paragraph.sentences[index - 1];
        if (handsOff(sentence) || handsOff(previous) || handsOff(paragraph.sentences[index + 1]) || continuesOffer(previous)) return;
        for (const report of reports) {
          const verb = sentence.tokens.findIndex((token) => token.start === report.start);
          if (sentence.tokens[verb + 1]?.norm === 'them' && !refersToOurTeam(sentence, previous)) continue;
          // A label in the interface: "Look for the 'Contact Us' section".
          if (/['"]/u.test(context.reply.text.charAt(report.start - 1)) && /['"]/u.test(context.reply.text.charAt(report.end))) continue;
          if (inCondition(sentence, verb)) continue;
          const lead = leadOf(sentence, verb);
          if (lead === undefined || (lead === 'allowed' && (isOptional(sentence) || !hasPurpose(sentence)))) continue;
          if (opensOnAlternative(sentence) || matchPattern(ANY_TIME, sentence).length > 0) continue;
          if ((asked ??= askedForContact(context.reply))) return;
          context.report(report);
        }
      },
    };
  },
});

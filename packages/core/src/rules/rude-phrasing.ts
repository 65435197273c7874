import { phraseMatcher, phraseOptionsSpec, type Phrase, type PhraseOptions } from '../phrase-rule.js';
import { defineRule } from '../rule.js';
import type { Sentence } from '../text.js';

// Patterns spell out both "can not" and "cannot": the tokenizer expands "can't" but keeps
// "cannot" as one word.

const REMINDER_NOTE = 'In writing, tone is lost: a reminder of what was said before reads as "…, stupid!". Restate the point without pointing at the customer.';
const BLAME_NOTE = 'Proving the customer wrong never wins them back; give them the benefit of the doubt and fix the problem.';
const DISMISS_NOTE = 'Dismissing the customer ends the conversation and starts the complaint; say what you can do instead.';
const ARGUE_NOTE = 'Proving that "you are wrong and we are right" loses the customer; give them the benefit of the doubt.';

// Verbs after "you should have …" that blame the customer for something they did not do
// ("you should have received" is information, not blame, and is not listed).
const BLAMED_ACTIONS =
  '(read|checked|known|noticed|contacted|called|told|asked|looked|followed|updated|backed|saved|kept|done|paid|reported|cancelled|canceled|ordered|chosen|selected|entered|verified|confirmed|clicked|waited|realized|realised|used|installed|sent|included|provided|submitted|ensured|made|double-checked|thought|tried|registered|signed|logged|downloaded|taken|opened)';

// Slips "you must have …" pins on the customer ("you must have been / had / felt / put up with" is empathy).
const CUSTOMER_SLIPS =
  '(missed|misread|misunderstood|misheard|forgotten|ignored|overlooked|skipped|entered|typed|mistyped|selected|chosen|clicked|pressed|ticked|deleted|cancelled|canceled|changed|disabled|turned off|switched off|unsubscribed|opted out|agreed|accepted|provided|ordered|booked|confused|mixed up|done something|made a (mistake|typo|error))';

// What the customer was supposed to do, after "because you didn't …" (things that happen to
// the customer — receive, get, hear, need — are not listed: "since you didn't receive it" is no blame).
const CUSTOMER_DUTIES =
  '(bring|provide|include|attach|submit|send|read|check|follow|update|confirm|verify|register|activate|complete|fill|return|reply|respond|tell|inform|notify|let us know|contact|call|back up|report|pay|attend|show up|turn up|arrive|enter|select|choose|cancel|save|keep|give|upload|print|collect|pick up|book|request|log in|follow up)';
const CUSTOMER_DUTIES_DONE =
  '(brought|provided|included|attached|submitted|sent|read|checked|followed|updated|confirmed|verified|registered|activated|completed|filled|returned|replied|responded|told|informed|notified|let us know|contacted|called|backed up|reported|paid|attended|showed up|turned up|collected|picked up|bothered)';
// A conditional or hedged statement about the customer is not a verdict.
const HEDGED_ABOUT_CUSTOMER = ['(if|in case|whether|unless) you', '(looks|seems|appears) (like|that|as if|as though)? you'];

// How a reply refers to saying something before.
const SAID = '(said|told you|explained|mentioned|stated|wrote|noted|pointed out|indicated|advised|outlined|informed you|advised you|highlighted|specified|clarified|communicated|made (it|this|that)? clear)';
const SAID_PASSIVE = '(said|stated|mentioned|explained|noted|pointed out|indicated|advised|outlined|highlighted|specified|clarified|communicated|made clear)';
const EARLIER_MESSAGE = '(my|our) (last|previous|earlier|prior|first|original|initial|other)? (email|e-mail|emails|message|messages|reply|replies|response|responses|note|letter|answer|correspondence)';
const ON_THE_PHONE = '(on the (phone|call)|over the phone|during our (call|conversation|chat)|on our call)';
// "was", "has already been", "had been previously".
const WAS_ALREADY = '(was|were|(has|have|had) (already|previously)? been) (already|previously)?';
const BEFORE = '(before|earlier|previously|already|yesterday|last (time|week))';
const REPEATEDLY = '(twice|three times|(several|many|multiple|numerous|countless|so many) times|repeatedly|more than once|again and again|over and over again?)';
// Said to a colleague, courier or driver: a report of what the writer did, not a reminder.
const SAID_TO_SOMEONE_ELSE = '(explained|mentioned|said|wrote|written|pointed out|told) * to (the|our|my|a|an|them|him|her|their|his|me|us)';
// "As was mentioned by several customers", "as you mentioned": not the writer's reminder.
const SAID_BY_SOMEONE_ELSE = '(said|stated|mentioned|noted|pointed out|raised|reported|explained) by (you|several|many|other|others|some|a few|customers)';

// What a reply may present as infallible. One pattern per noun, starting at the noun: the
// word index then tries each only where its noun is, where a leading "(the|our) * (…)" or a
// "(system|software|…)" group would be scanned at every "the" or every listed noun.
const INFALLIBLE = [
  'system', 'systems', 'software', 'scanner', 'scanners', 'tracking', 'records', 'logs', 'data', 'computer', 'computers', 'algorithm',
  'machine', 'machines', 'sensor', 'sensors', 'meter', 'meters', 'detection', 'gps', 'technology', 'equipment', 'tool', 'tools',
  'camera', 'cameras', 'app', 'platform', 'database', 'figures', 'numbers', 'readings',
  'scale', 'scales', 'clock', 'clocks', 'timestamp', 'timestamps', 'footage', 'cctv', 'photo', 'photos', 'scan', 'scans', 'barcode',
  'invoice', 'invoices', 'statement', 'statements', 'calculation', 'calculations', 'report', 'reports',
  'team', 'staff', 'agents', 'drivers', 'driver', 'couriers', 'courier', 'engineers', 'technicians',
];
const INFALLIBLE_CLAIM = `(${[
  '(does not|do not|can not|cannot|could not|would not|will not|never) (ever)? (make|makes|get|gets) (mistakes|errors|a mistake|an error|any mistakes|any errors|* wrong)',
  '(is|are) (never|not ever|rarely|seldom|hardly ever) (wrong|mistaken|incorrect|inaccurate|in error)',
  '(is|are) (always|100|one hundred percent|completely|totally) (percent)? (right|correct|accurate)',
  '(is|are) infallible',
  '(can not|cannot|could not|does not|do not|never) (be wrong|lie|err)',
].join('|')})`;

// Contacting support again and again, as the subject of "… won't make it faster". Separate
// patterns, so that each is tried only at its own first words.
const REPEATED_CONTACT = [
  '(sending|writing|submitting|opening|raising|filing) (us|me)? (more|further|additional|repeated|multiple|another|extra|new) (emails|e-mails|email|messages|message|tickets|ticket|requests|request|complaints|complaint|chasers|reminders)',
  '(emailing|e-mailing|calling|phoning|ringing|contacting|chasing|messaging|writing to) (us|me) (again|repeatedly|constantly|daily|hourly|every _|every few _|over and over|so often|twice|_ times ((a|per|every) _)?)',
  '(more|further|repeated|multiple|additional|constant) (emails|e-mails|messages|calls|tickets|chasers|reminders|complaints)',
  '(no|any) amount of (emails|e-mails|messages|calls|chasing|complaining|emailing|calling)',
];

// A hand-off with ownership ("…, so I have forwarded it to billing", "I'll take it up with
// them") is help, not dismissal.
const HANDED_ON = [
  '(i|we) (will|shall|am going to|are going to)? take (it|that|this|the matter) up',
  '(i|we) (have|had|will|am going to|are going to) (now|already|just)? (forwarded|forward|passed|pass|transferred|transfer|referred|refer|escalated|escalate|connected|connect|copied|copy|sent|send|contacted|contact|asked|ask|raised|raise)',
  'let me (forward|pass|transfer|connect|refer|escalate|take (it|that|this|the matter) up)',
];

const phrases: Phrase[] = [
  // Condescending reminders, by the writer ("as I/we said"), in the passive ("as was
  // mentioned") or addressed to the customer ("as you were told").
  {
    pattern: [`as (i|we) (have|had)? (already|previously|now)? ${SAID} (to you)? ${ON_THE_PHONE}`, `as (it)? ${WAS_ALREADY} ${SAID_PASSIVE} ${ON_THE_PHONE}`],
    message: '"{actual}" reminds the customer they were told already',
    expected: ['to recap our call'],
    note: REMINDER_NOTE,
    unless: [SAID_TO_SOMEONE_ELSE],
  },
  {
    pattern: [
      `as (i|we) (have|had)? (already|previously|now)? ${SAID} (to you)? (in ${EARLIER_MESSAGE}|${BEFORE}|${REPEATEDLY}|above|below)?`,
      `like (i|we) (have)? (already|previously)? (said|told you|mentioned|explained|wrote)`,
      `as (it)? ${WAS_ALREADY} ${SAID_PASSIVE} (in ${EARLIER_MESSAGE}|${BEFORE}|${REPEATEDLY})?`,
      `as (previously|already|earlier) (stated|mentioned|explained|advised|noted|indicated|discussed|communicated|outlined|said|pointed out)`,
      `as ${SAID_PASSIVE} (in|on) ${EARLIER_MESSAGE}`,
      'as stated (before|previously|earlier|above)',
      `as you ${WAS_ALREADY} (told|advised|informed|notified|made aware) (before|previously|already|earlier)?`,
      `(been|was|were) (already|previously)? ${SAID_PASSIVE} (to you (already|before|previously|${REPEATEDLY})?|already|before|previously|${REPEATEDLY})`,
      'as (i|we) (have)? (told|informed|advised|reminded) you (before|already|previously|earlier)?',
      'as you (should|must|surely|will surely|of course|no doubt) (already)? (know|be aware|have (seen|read|noticed))',
      'as you (already|surely) know',
      'as you (will|should|must|surely|no doubt|of course|already) (recall|remember)',
      'as you are (well|already|surely|no doubt) aware',
    ],
    message: '"{actual}" reminds the customer they were told already',
    expected: ['to recap'],
    note: REMINDER_NOTE,
    unless: ['(as|like) (i|we) (said|told you|mentioned|promised) (i|we) (would|will)', SAID_TO_SOMEONE_ELSE, SAID_BY_SOMEONE_ELSE],
  },
  {
    pattern: 'per my (last|previous|earlier|prior)? (email|e-mail|message|reply|response|note|ticket update)',
    message: '"{actual}" points at the customer\'s lapse',
    expected: ['following up on my last email'],
    note: REMINDER_NOTE,
  },
  {
    pattern: [
      '(i|we) (have|had)? (now)? already (told you|explained|answered (this|that|it|you|your question)|said|mentioned|informed you|replied to (this|that|you)|been (over|through) (this|that|it)|gone (over|through) (this|that|it)|covered (this|that|it))',
      `(i|we) (have|had)? (now|already)? (told you|explained|said|stated|answered|mentioned|informed you|written|replied|pointed out|made (it|this|that) clear) (this|that|it)? (to you)? (now|already)? ${REPEATEDLY}`,
      `(i|we) (have|had)? (now)? (repeatedly|twice) (told you|explained|said|stated|answered|asked you|informed you|reminded you|advised you|pointed out)`,
      '(been|gone) (over|through) (this|that|it) (already|before)',
      `(i|we) (have|had)? told you (this|that|so)? (already|before|previously|in ${EARLIER_MESSAGE}|${REPEATEDLY})`,
      'you (were|have|had) (been)? (already|previously) (been)? (told|informed|advised|notified|reminded)',
      `you (were|have been|had been) (told|informed|advised|notified|reminded|asked) (this|that|about this|about that)? (already|before|previously|${REPEATEDLY})`,
      'how many times (do|must|will|have|should|did) (i|we) (have to|need to)? (explain|tell|say|repeat|ask)',
      '(explain|repeat|clarify) (this|it|that|myself|ourselves)? (once again|one more time|once more|one last time)',
      'must (repeat|reiterate)',
      '(repeat|reiterate) (myself|ourselves)',
      'this is the (second|third|fourth|fifth|nth|umpteenth) time (i|we) (have)? (explained|told you|said|answered|written|replied|informed you)',
      'for the (last|final|second|third|fourth|fifth|hundredth|umpteenth|nth) time',
    ],
    message: '"{actual}" sounds exasperated with the customer',
    note: REMINDER_NOTE,
    // Asking the customer to explain again is not the writer's exasperation.
    unless: [SAID_TO_SOMEONE_ELSE, 'you (explain|repeat|clarify)'],
  },
  // Blame and lecturing.
  {
    pattern: `you (really)? (should|ought to) (not|never)? have ${BLAMED_ACTIONS}`,
    message: '"{actual}" blames the customer',
    note: BLAME_NOTE,
  },
  {
    pattern: ['if you had (read|checked|looked at|followed|paid attention)', 'had you (read|checked|looked at|followed|paid attention)'],
    message: '"{actual}" blames the customer for not reading the small print',
    note: 'Expecting customers to read and understand all the small print is unreasonable. Explain the point instead.',
  },
  {
    pattern: ['obviously', 'clearly you', 'you (obviously|clearly) (did not|have not|failed|missed|misunderstood|misread|forgot|ignored|overlooked|entered|chose)'],
    message: '"{actual}" implies the customer missed something evident',
    note: BLAME_NOTE,
    unless: ['(not|never) obviously'],
  },
  {
    pattern: ['you failed to', 'you neglected to', 'you forgot to'],
    message: '"{actual}" blames the customer',
    expected: ['it looks like you didn\'t'],
    note: BLAME_NOTE,
  },
  {
    pattern: [
      `(because|since|as|given that|seeing that|seeing as|due to the fact that) you (did not|never|failed to|forgot to|neglected to|chose not to|omitted to|did not bother to) ${CUSTOMER_DUTIES}`,
      `you (never ${CUSTOMER_DUTIES_DONE}|did not bother to)`,
      `you (gave|entered|typed|selected|chose|provided|put|wrote|used|booked|ordered|picked|sent) (us|me|the _|our _)? (the|a|an) (wrong|incorrect|invalid)`,
    ],
    message: '"{actual}" blames the customer',
    note: BLAME_NOTE,
    unless: HEDGED_ABOUT_CUSTOMER,
  },
  {
    pattern: [
      'the (problem|issue|trouble) (here)? is (that)? you',
      '(it|this|that) (is|was) (entirely|completely|totally)? your (own)? (fault|mistake|problem|responsibility|error)',
      'you (did not|never) (read|follow|check|look at) (the|our|my)',
      `you must have ${CUSTOMER_SLIPS}`,
      'you must have * (the|a|an|your) (wrong|incorrect|invalid|old|outdated|expired)',
      'you were supposed to',
      'why did not you',
      'you (need|have|must) to (understand|read|learn)',
      '(please)? read the (manual|instructions|terms|faq|fine print|email|article) (again|carefully|properly|more carefully|next time)',
    ],
    message: '"{actual}" lectures or blames the customer',
    note: BLAME_NOTE,
  },
  {
    pattern: ['with all due respect', '(as|like) anyone (can|could|would) see', "it is (really|very)? (simple|easy|not (that|very)? (hard|difficult|complicated))"],
    message: '"{actual}" talks down to the customer',
    note: BLAME_NOTE,
  },
  // Dismissal.
  {
    pattern: [
      '(please)? (try to|try and)? (calm down|settle down|cool down|calm yourself|stay calm|keep calm|remain calm|keep your cool|keep your voice down|take a deep breath)',
      'you (need|have|must|should) to (calm down|relax|settle down|cool down|stay calm|keep calm|remain calm)',
      'there is no need (to|for) (shout|shouting|yell|yelling|swear|swearing|raise your voice|be (so)? (rude|upset|angry|aggressive|hostile|emotional|abusive)|get (so)? (upset|angry|worked up|aggressive|emotional|personal)|use (capitals|capital letters|caps|that tone|that language)|(that|this|such) (kind of|sort of|type of)? (tone|language|attitude))',
      '(please)? (do not|try not to) (get|be) (so)? (angry|worked up|emotional|aggressive|hostile|agitated)',
    ],
    message: '"{actual}" tells an upset customer how to feel',
    expected: ['I understand how frustrating this is'],
    note: 'Asking a customer to calm down has the opposite effect: acknowledge the frustration instead.',
    // Safety instructions ("if you smell gas, stay calm and leave the house") are advice.
    unless: ['(if|when) you (smell|see|hear|notice|feel)', '(leave|exit) the _', 'evacuat*', 'emergency', 'calm and carry on'],
  },
  {
    pattern: [
      '(that|this|it) is not my (department|job|problem|area|responsibility)',
      '(is|are) not (our|my) (problem|fault|concern|department|job|area|remit)',
      '(is|are) (outside|not within) my (remit|job|department|area|scope)',
    ],
    message: '"{actual}" leaves the customer to find someone else',
    expected: ['let me get this to the right person'],
    note: DISMISS_NOTE,
  },
  {
    // "…; that is a matter for your bank" continues the same hand-off: one finding, not two.
    pattern: [
      '(is|are) not (something|anything|a matter|an issue|a question|a request|a thing|an area) (that)? ((we|i)|(our|this) (team|department|office|desk|store|branch|practice|clinic)) (handle|handles|deal with|deals with|cover|covers|look after|looks after|take care of|takes care of|are responsible for|am responsible for|is responsible for|can help with|help with|helps with|can help you with) (here)? ((that|this|it) is (a matter|a question) for)?',
      '(is|are) (a matter|a question) for (your|the|another|a different)',
      '(we|i) do not (handle|deal with) (that|this|those|these|such|it)? (requests|queries|issues|matters|cases|things|questions|claims)? here',
      'take (it|that|this|the matter) up with',
      '(is|are) (outside|not within) our (remit|department|area|scope)',
    ],
    message: '"{actual}" leaves the customer to find someone else',
    expected: ['let me get this to the right person'],
    note: DISMISS_NOTE,
    // "not something we handle often, so I've checked with our manager": an exception being made.
    unless: [...HANDED_ON, '(often|usually|normally|typically|generally|regularly)'],
  },
  {
    pattern: [
      'there is nothing (more|else|further)? (i|we) (can|could) do',
      'nothing (more|else|further)? (i|we) can do',
      '(i|we) (can not|cannot) do anything (more|else|further)? (for you|about (it|this|that))',
      'there is nothing (more|else|further)? to be done',
    ],
    message: '"{actual}" is a dead end',
    expected: ["here's what I can do"],
    note: DISMISS_NOTE,
  },
  {
    pattern: '(i|we) (can not|cannot|are unable to|am unable to) help (you)? with (that|this|it)',
    message: '"{actual}" is a dead end',
    note: DISMISS_NOTE,
    // "…, but here is what I can do", "… until the parcel is back", or a hand-off with ownership.
    unless: [...HANDED_ON, '(but|until|unless|once|however|instead)'],
  },
  {
    pattern: [
      'stop (emailing|e-mailing|contacting|writing to|calling|messaging|bothering) (us|me)',
      '(do not|please do not) (email|contact|write to|call|message) (us|me) again',
      ...REPEATED_CONTACT.map((contact) => `${contact} * (will|would|does|do|is|are) not (going to)? (make|get|speed|hurry|help*|change*|accelerate|affect)`),
      'there is no (point|use) (in)? (emailing|e-mailing|calling|phoning|contacting|chasing|writing|sending|messaging) (us|me)?',
      'take it or leave it',
      'deal with it',
      'if you (do not) like it',
      'you (will)? ((just)? have to (accept|live with|deal with)|just have to (wait|be patient))',
      '(i|we) (do not) know what (else|more)? to tell you',
      '(take|move) your (business|custom) elsewhere',
      'you are (free|welcome) to (go|shop|look) elsewhere',
    ],
    message: '"{actual}" dismisses the customer',
    note: DISMISS_NOTE,
  },
  // Arguing who is right.
  {
    pattern: ['(our|my|the) (records|logs|system|notes) (clearly)? (show|shows|indicate|indicates|state|states|confirm|confirms) (that)? you'],
    message: '"{actual}" argues over who is right',
    expected: ['I can see that you'],
    note: 'You will never win an argument with a customer; state what you see without the verdict.',
  },
  {
    pattern: [
      ...INFALLIBLE.map((noun) => `${noun} ${INFALLIBLE_CLAIM}`),
      '(we|i) ((never|do not|can not|cannot) make (mistakes|errors|a mistake|an error)|(are|am) (never|not) (wrong|mistaken)|(did not|have not) (do|done|make|made) (anything|any mistake|a mistake|anything wrong|mistakes))',
      'you ((are|were) (wrong|mistaken|incorrect|confused|misunderstanding)|misunderstood|misread)',
      'that is not what (i|we) said',
    ],
    message: '"{actual}" argues over who is right',
    note: ARGUE_NOTE,
    // Care taken, not a claim: "so we don't make mistakes", "make sure the readings are always correct".
    unless: ['(make sure|making sure|ensure|ensures|ensuring|check that|checking that|to keep)', 'so (that)? (we|i) (do not|can not|cannot|never) make', '(if|unless) (i|we) (am|are) not', 'not (wrong|mistaken) to'],
  },
];

// Contradicting what the customer said, as a verdict: "That's not how our licensing works.",
// "That is incorrect: …". Only where the sentence opens on it (after an interjection at most):
// mid-sentence, "that is incorrect" is usually the writer's own admission ("You're right, that
// is incorrect") or a description ("the address on the label is incorrect").
const VERDICT = '(simply|just|really|actually|honestly|frankly|completely|totally|entirely|absolutely|quite|categorically)?';
const WHAT_THE_CUSTOMER_SAID = '(that|this)';
const contradictions: Phrase[] = [
  {
    pattern: [
      `${WHAT_THE_CUSTOMER_SAID} is ${VERDICT} not (how|the way) (it|this|that|_|our _ _?|the _ _?|your _ _?) (works|work|operates|operate|is done|are done)`,
      `${WHAT_THE_CUSTOMER_SAID} is ${VERDICT} (incorrect|untrue|false|not true|not correct|not right|not accurate|inaccurate|not the case)`,
    ],
    message: '"{actual}" argues over who is right',
    note: ARGUE_NOTE,
    // The writer owning a mistake, or granting the customer's point, is no argument.
    unless: [
      '(sorry|apologise|apologize|apologies|apologised|apologized)',
      '(my|our) (mistake|error|fault|bad)',
      'you are (right|correct|quite right|absolutely right)',
      '(i|we) (have|had)? (now|just|already)? (fixed|corrected|updated|amended|reprinted|changed|reissued|refunded|removed|replaced|reversed)',
      '(should|ought to) (work|be)',
    ],
  },
];
// Words a contradiction may follow at the start of its sentence: "No, that's not how it works."
const INTERJECTIONS = new Set(['no', 'actually', 'well', 'but', 'however', 'honestly', 'frankly', 'again', 'sorry', 'so', 'i', 'am', 'afraid', 'unfortunately', 'sadly']);
const opensSentence = (sentence: Sentence, start: number): boolean => {
  const index = sentence.tokens.findIndex((token) => token.start === start);
  return sentence.tokens.slice(0, index).every((token) => INTERJECTIONS.has(token.norm));
};
// A question ("That's not how it works?") asks; a verdict ends with anything else.
const isQuestion = (sentence: Sentence): boolean => sentence.text.trimEnd().endsWith('?');
// "…, but yours includes …", "… in most plans": the reply describes the product, not the customer.
const DESCRIBES = /(most|many|other|some|usually|normally|typically|generally)/iu;

// The contradictions honour the team's "allow" list; their "add" patterns belong to the main table.
const withoutAdditions = new WeakMap<PhraseOptions, PhraseOptions>();
const allowOnly = (options: PhraseOptions): PhraseOptions => {
  let only = withoutAdditions.get(options);
  if (!only) withoutAdditions.set(options, (only = { add: [], allow: options.allow }));
  return only;
};

const meta = {
  id: 'rude-phrasing',
  description: 'Condescending, blaming, dismissive or argumentative phrasing',
  category: 'tone',
  severity: 'warn',
  fixable: true,
  principle: '1. Courtesy in writing must be exaggerated, because tone is lost',
  recommended: true,
} as const;

export default defineRule({
  meta,
  options: phraseOptionsSpec(`${meta.description}: "{actual}"`),
  create(context) {
    const match = phraseMatcher(phrases, context.options);
    const contradict = phraseMatcher(contradictions, allowOnly(context.options));
    return {
      sentence(sentence) {
        const reports = match(sentence);
        if (!isQuestion(sentence)) {
          for (const report of contradict(sentence)) {
            const actual = sentence.text.slice(report.start - sentence.start, report.end - sentence.start);
            if (!opensSentence(sentence, report.start) || DESCRIBES.test(actual)) continue;
            // "That is not the case for annual plans": a qualified statement, not a verdict.
            const rest = sentence.text.slice(report.end - sentence.start);
            if (!/\b(how|way)\b/iu.test(actual) && /^\s*[\p{L}\d]/u.test(rest)) continue;
            if (reports.some((other) => other.start < report.end && other.end > report.start)) continue;
            reports.push(report);
          }
        }
        for (const report of reports.sort((a, b) => a.start - b.start)) context.report(report);
      },
    };
  },
});

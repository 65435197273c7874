import { definePhraseRule, type Phrase } from '../phrase-rule.js';

const REMINDER_NOTE = 'In writing, tone is lost: a reminder of what was said before reads as "…, stupid!". Restate the point without pointing at the customer.';
const BLAME_NOTE = 'Proving the customer wrong never wins them back; give them the benefit of the doubt and fix the problem.';
const DISMISS_NOTE = 'Dismissing the customer ends the conversation and starts the complaint; say what you can do instead.';

// Verbs after "you should have …" that blame the customer for something they did not do
// ("you should have received" is information, not blame, and is not listed).
const BLAMED_ACTIONS =
  '(read|checked|known|noticed|contacted|called|told|asked|looked|followed|updated|backed|saved|kept|done|paid|reported|cancelled|canceled|ordered|chosen|selected|entered|verified|confirmed|clicked|waited|realized|realised|used|installed|sent|included|provided|submitted|ensured|made|double-checked|thought|tried|paid|registered|signed|logged|downloaded|taken|opened)';

const phrases: Phrase[] = [
  // Condescending reminders.
  {
    pattern: [
      'as i (already|previously)? (said|told you|explained|mentioned|stated|wrote|noted|pointed out|indicated|advised) (on the (phone|call)|over the phone|during our call)',
      'as i have (already|previously)? (said|told you|explained|mentioned|stated) (on the (phone|call)|over the phone|during our call)',
    ],
    message: '"{actual}" reminds the customer they were told already',
    expected: ['to recap our call'],
    note: REMINDER_NOTE,
  },
  {
    pattern: [
      'as i (already|previously)? (said|told you|explained|mentioned|stated|wrote|noted|pointed out|indicated|advised) (in my (last|previous|earlier|first)? (email|e-mail|message|reply|response|note)|before|earlier|previously|already|above|below|yesterday)?',
      'as i have (already|previously)? (said|told you|explained|mentioned|stated|noted|pointed out) (before|earlier|previously|already)?',
      'like i (already|previously)? (said|told you|mentioned|explained|wrote)',
      'as (previously|already) (stated|mentioned|explained|advised|noted|indicated|discussed|communicated|outlined)',
      'as stated (before|previously|earlier|above|in my (last|previous) (email|message|reply))',
      'as you (were|have been) (told|advised|informed) (before|previously|already|earlier)?',
      'as (i|we) (have)? (told|informed|advised) you (before|already|previously|earlier)?',
    ],
    message: '"{actual}" reminds the customer they were told already',
    expected: ['to recap'],
    note: REMINDER_NOTE,
    unless: ['as (i|we) (said|told you|mentioned|promised) (i|we) (would|will)'],
  },
  {
    pattern: 'per my (last|previous|earlier|prior)? (email|e-mail|message|reply|response|note|ticket update)',
    message: '"{actual}" points at the customer\'s lapse',
    expected: ['following up on my last email'],
    note: REMINDER_NOTE,
  },
  {
    pattern: [
      'i (have)? already (told you|explained|answered|said|mentioned|informed you|replied to)',
      'i have (told|explained to|informed) you (already|before|twice|repeatedly|(several|many|multiple) times)',
      'for the (last|final|second|third|fourth|fifth|hundredth|umpteenth|nth) time',
    ],
    message: '"{actual}" sounds exasperated with the customer',
    note: REMINDER_NOTE,
  },
  // Blame and lecturing.
  {
    pattern: [`you should have ${BLAMED_ACTIONS}`, `you (really)? ought to have ${BLAMED_ACTIONS}`],
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
      'the (problem|issue|trouble) (here)? is (that)? you',
      '(it is|this is|that is) (entirely|completely|totally)? your (own)? (fault|mistake|problem|responsibility)',
      'you (did not|never) (read|follow|check|look at) (the|our|my)',
      'you must have (missed|misread|misunderstood|forgotten|ignored|overlooked)',
      'you were supposed to',
      'why did not you',
      'you (need|have|must) to understand',
      'you (need|have) to (read|learn)',
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
    pattern: ['(please)? calm down', 'you need to (calm down|relax)', 'there is no need to (shout|yell|be rude|get upset|get angry|be upset|use capitals)'],
    message: '"{actual}" tells an upset customer how to feel',
    expected: ['I understand how frustrating this is'],
    note: 'Asking a customer to calm down has the opposite effect: acknowledge the frustration instead.',
  },
  {
    pattern: [
      '(that|this|it) is not my (department|job|problem|area|responsibility)',
      '(that|this|it) is not (our|my) (problem|fault|concern)',
      '(that|this|it) is (outside|not within) my (remit|job|department)',
    ],
    message: '"{actual}" leaves the customer to find someone else',
    expected: ['let me get this to the right person'],
    note: DISMISS_NOTE,
  },
  {
    pattern: [
      'there is nothing (more|else|further)? (i|we) (can|could) do',
      'nothing (more|else|further)? (i|we) can do',
      '(i|we) can not do anything (more|else|further)? (for you|about (it|this|that))',
      'there is nothing (more|else|further)? to be done',
    ],
    message: '"{actual}" is a dead end',
    expected: ["here's what I can do"],
    note: DISMISS_NOTE,
  },
  {
    pattern: [
      'stop (emailing|e-mailing|contacting|writing to|calling|messaging|bothering) (us|me)',
      '(do not|please do not) (email|contact|write to|call|message) (us|me) again',
      'take it or leave it',
      'deal with it',
      'if you (do not) like it',
      '(you will|you) (just)? have to (accept|live with|deal with)',
      '(i|we) (do not) know what (else|more)? to tell you',
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
      '(the|our) (system|software|computer|records) (does not|do not|never) (make|makes) (mistakes|errors)',
      '(the|our) (system|software|records) (is|are) (never wrong|always (right|correct|accurate))',
      '(we|i) (did not|have not) (do|done|make|made) (anything|any mistake|a mistake|anything wrong|mistakes)',
      'you (are|were) (wrong|mistaken|incorrect|confused)',
      'you (misunderstood|misread|are misunderstanding)',
      'that is not what (i|we) said',
    ],
    message: '"{actual}" argues over who is right',
    note: 'Proving that "you are wrong and we are right" loses the customer; give them the benefit of the doubt.',
  },
];

export default definePhraseRule(
  {
    id: 'rude-phrasing',
    description: 'Condescending, blaming, dismissive or argumentative phrasing',
    category: 'tone',
    severity: 'warn',
    fixable: true,
    principle: '1. Courtesy in writing must be exaggerated, because tone is lost',
  },
  phrases,
);

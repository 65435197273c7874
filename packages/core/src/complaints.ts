/**
 * Complaints in the customer's own words: what went wrong, by family — delay, damage or
 * defect, billing errors, non-delivery, wrong item, outages, anger, repeated contact. What
 * only looks like one is skipped: a problem negated ("it arrived fine, nothing was broken"),
 * supposed ("what if it arrives late?", "I was worried it would be damaged") or asked about
 * in general ("how do I return a faulty item?"). missing-apology asks whether the reply
 * acknowledges one; missing-next-step whether a reply to one leaves the customer without a
 * way forward.
 */
import { compilePattern, matchPattern, PatternIndex, type IndexedMatch } from './phrases.js';
import type { Sentence } from './text.js';
import type { CustomerMessage } from './thread.js';

export type ComplaintFamily = 'delay' | 'damage' | 'billing' | 'non-delivery' | 'wrong item' | 'outage' | 'anger' | 'repeated contact';

const TIME_SPAN = '(days|weeks|months|hours|a week|a month|ages|forever)';
const FIXTURES = '(radiator*|heating|boiler*|heater*|shower*|toilet*|sink*|lift*|elevator*|fridge*|freezer*|oven*|hob|washing machine|dishwasher*|dryer*|air conditioning|aircon|router*|modem*|light*|lock*|door*|window*|roof|tap*|drain*|pipe*|screen*|batter*|app|apps|website*|site|printer*|wi-fi|wifi|internet|broadband|phone*|laptop*|car|engine)';
const GOODS = '(parcel|package|order|item|items|delivery|shipment|refund|money|card|bag|luggage|suitcase|goods|purchase|replacement|letter|invoice|statement|tickets?)';

// A complaint is any of these, in the customer's own words. Single words that a negation
// can take back ("not damaged", "no delay") are in NEGATABLE below.
const COMPLAINTS: ReadonlyArray<{ family: ComplaintFamily; patterns: string[] }> = [
  {
    family: 'delay',
    patterns: [
      'late', 'delayed', 'delay', 'delays', 'overdue', 'still waiting', '(been|keep|kept) waiting', 'waiting (for|since) _? _? (days|weeks|months|ages)',
      `(has|have|it is|it has|it was) been (over|more than|nearly|almost)? _? ${TIME_SPAN}`, `${TIME_SPAN} (later|now|ago) and`,
      'taking (so|too|far too|way too) long', 'took (so|too|far too|way too) long', `took (over|more than|nearly|almost)? _? ${TIME_SPAN}`, '(no|zero) (update|updates|reply|response|news|word)',
      'never (heard|got) back', '(has not|have not|did not|haven\'t) (heard|got) back', 'past the (delivery|estimated|promised|due) date',
      '(was|were) (supposed|meant|due|promised) to (arrive|be|ship|come|get)', 'missed (the|my|our) (appointment|slot|delivery|connection|flight)',
      '(did not|never) (show|turn) up', 'no-show', 'stuck', 'stranded',
      '(my|our|the) (_)? (flight|train|bus|ferry|booking|order|appointment|reservation|class|tour|event|delivery|visit|installation) (was|has been|got|is|were|have been) (cancelled|canceled|delayed|overbooked|postponed|rescheduled)', 'still (not|no|nothing|have not|has not|have no)',
    ],
  },
  {
    family: 'damage',
    patterns: [
      'broken', 'broke', 'damaged', 'damage', 'crushed', 'squashed', 'destroyed', 'ruined', 'soaked', 'in pieces', 'smashed to pieces', 'cracked', 'smashed', 'shattered', 'dented', 'torn', 'ripped', 'leaking', 'leaks', 'leaked', 'burst',
      'faulty', 'defective', 'scratched', 'stained', 'dirty', 'filthy', 'mouldy', 'moldy', 'spoiled', 'spoilt', 'rotten', 'expired', 'malfunction*',
      '(does|do|did|is|was|are|were) not (work|working|turn on|start|charge|fit|open|close|load)', '(has|have|had) not (worked|been working|been cleaned|been fixed|been repaired|been replaced|been emptied|been serviced)', '(stopped|stop|stops) working', 'no longer works',
      '(will|would|can) not (turn on|start|charge|connect|load|open|switch on|boot|work|sync|print)', 'keeps (crashing|freezing|breaking|failing|dropping|disconnecting|restarting|beeping)',
      `${FIXTURES} * (is|are|has been|have been|was|were|keeps|kept|went|goes) (still)? (cold|broken|off|dead|blocked|flooded|leaking|noisy|stuck|jammed|faulty|dripping|overheating|out)`,
      'missing (parts|pieces|a part|a piece|screws)', 'falling apart', 'fell apart', 'came apart', 'infested', 'bed bugs', 'cockroach*',
    ],
  },
  {
    family: 'billing',
    patterns: [
      'charged (me)? (twice|double|again|two times|three times)', '(double|twice)-charged', 'double charged', 'overcharged', 'over-charged',
      '(charged|billed|debited|invoiced) (me)? (for|after) (something|a|an|the|two|twice)? _? _? (i|we) (did not|never|have not|cancelled|canceled|returned)',
      'charged (me)? (the)? (wrong|incorrect|full) (amount|price|rate)', '(way|far|much|far too|way too) (too)? (high|much|expensive|steep)', 'overpriced',
      '(paid|paying|pay|charged|charging|billed) (way|far)? (too much|more than|extra|over the odds)',
      '(wrong|incorrect|unexpected|unauthori*|duplicate|extra|hidden) (charge|charges|amount|fee|fees|bill|invoice|payment|debit|transaction)',
      'still (being)? (charged|billed)', 'billed (twice|again|double)', '(refund|money) (has|have)? (still)? (not|never) (arrived|come|appeared|shown|been (issued|processed|paid|returned))',
      '(have not|has not|did not|never) (received|got|seen) (my|the|a|our) (refund|money back|credit|reimbursement)', 'taken (twice|two payments)', 'two payments',
    ],
  },
  {
    family: 'non-delivery',
    patterns: [
      `never (arrived|came|turned up|showed up|got here|received|got)`, '(has|have|had|did|does) not (arrived|arrive|come|turned up|turn up|shown up|show up|got here|been delivered|been received)',
      '(have|has|had|did) (not|never) (received|receive|got|get|had) (my|the|our|a|any|it|them|anything|an)',
      '(not|never) (been)? delivered', '(lost|misplaced|mislaid) (my|our|the) _? (parcel|package|order|bag|luggage|suitcase|item|letter|card|delivery|booking|reservation)',
      `missing ${GOODS}`, `${GOODS} (is|are|was|were|has gone|went) missing`, 'marked as delivered', 'says (it was)? delivered', 'no sign of', 'nowhere to be (found|seen)', 'where is my',
      'where are my', 'still (has not|have not) (arrived|come)', 'was not (in|inside) the (box|parcel|package)',
    ],
  },
  {
    family: 'wrong item',
    patterns: [
      'wrong (item|items|size|colour|color|product|order|one|model|book|part|address|name|date|room|seat|flight|meal|dish|medication|dose|prescription|version|ticket|tickets|delivery|parcel|package|amount)',
      'not what (i|we) (ordered|asked for|booked|paid for|requested)', 'instead of (the|my|what|a|an)', 'sent (me|us) _? _? (instead|the wrong)', '(incorrect|different) (item|product|size|colour|color|order|model)',
      '(is|was|were|are) (the)? wrong', 'mixed up', 'mix-up', 'mixup', 'someone else is', "someone else's",
    ],
  },
  {
    family: 'outage',
    patterns: [
      'outage', 'outages', '(is|was|has been|have been|keeps going|went|are|were|goes) down', '(no|lost|losing|without) (internet|signal|service|power|connection|connectivity|wifi|wi-fi|broadband|hot water|heating|heat|electricity|water|gas|access|phone line|tv)',
      '(can not|could not|unable to|am not able to|not able to) (log|login|sign|access|connect|get into|get in|use|open|load|see|reach|make calls|send|receive|pay|check in|book)',
      'locked out', '(keeps|kept) (dropping|cutting|going|disconnecting|crashing|failing|logging me out)', 'error (message|code|messages)', '(fails|failed|failing) (to|every|each|again)',
      '(is|are|was|were) not (loading|working|responding|connecting)', 'crashed', 'crawling', 'unusable', 'buffering', 'laggy', 'lagging',
      '(so|very|really|painfully|incredibly|too|far too|unbearably) slow', 'crashes', 'frozen', 'freezes', 'glitch*', 'bug', 'bugs', 'disconnected', 'cut off',
    ],
  },
  {
    family: 'anger',
    patterns: [
      'frustrat*', 'not acceptable', 'not good enough', 'not okay', 'not ok', 'angry', 'furious', 'livid', 'annoyed', 'annoying', 'upset', 'disappointed', 'disappointing', 'unacceptable', 'ridiculous', 'appalling', 'appalled',
      'terrible', 'awful', 'horrible', 'horrendous', 'disgusting', 'disgusted', 'disgrace*', 'outrageous', 'shocking', 'shocked', 'pathetic', 'useless', 'incompetent',
      'joke', 'worst', 'fed up', 'sick (and tired)? of', 'had enough', 'not happy', 'unhappy', 'dissatisfied', 'not impressed', 'unimpressed', 'rude', 'lied', 'lying', 'scam',
      '(nobody|no one|noone) (here|there|at your company|at your end)? (cares|listens|reads|bothered|helps|responds|replies|answers|calls|called|got back|has got back|is helping)',
      '(will|would|am|i am) (not|never) (be)? (coming)? back', 'never (again|be back|coming back|use you|order from|buy from|fly with|book with|shop with|stay with|recommend)',
      '(clearly|obviously) (you|nobody|no one|your)', '(nobody|no one|you never|you did not) (told|tell|informed|inform|warned|warn|notified|notify|contacted|contact) (me|us)',
      'without (any)? (warning|notice|telling (me|us)|asking (me|us))', 'never (told|informed|warned|notified|contacted)',
      '(nobody|no one) (even|ever|actually|bothered to)? (knocked|rang|called|came|showed up|turned up|checked|tried|got back|answers|answered|picks up|picked up)',
      'you (never|did not|still have not|have not|failed to) (did|do|sent|send|called|call|replied|reply|fixed|fix|processed|process|cancelled|cancel|canceled|refunded|refund|got back|get back|answered|answer|responded|respond|delivered|deliver|switched|switch|changed|change|updated|update|actioned|action) (it|this|that|anything|my|our|the|back|me|us)?', 'you (did not|do not|never|clearly did not|obviously did not) (read|listen|care|bother|check)', 'heard it all before',
      'waste (of)? (my|our) (time|money)', 'wasted (my|our|hours|days)',
    ],
  },
  {
    family: 'repeated contact',
    patterns: [
      '(second|third|fourth|fifth|sixth|tenth|2nd|3rd|4th|5th|umpteenth|nth) (time|email|e-mail|message|call|attempt|request|outage|complaint|chat|ticket)',
      'already (contacted|called|emailed|e-mailed|written|asked|told|explained|reported|sent|raised|spoken|chased|complained)',
      '(called|emailed|e-mailed|written|contacted|asked|chased|messaged|rang) (you|your team|support|them)? (twice|three times|four times|several times|multiple times|many times|repeatedly|again|numerous times|countless times|every day)',
      'per my (last|previous|earlier) (email|e-mail|message|call)', 'as i (said|told you|mentioned|explained|wrote)', 'like i (said|told)', 'i (keep|kept) (having to|asking|chasing|calling|emailing|writing)',
      'once again', 'yet again', 'again and again', '(how many|how much longer|how long) (times|more|do i have to)', 'still (have not|has not|no) (heard|had|got|received) (back|a reply|an answer|a response|anything)',
    ],
  },
];

// Words that supposition, negation or a general question make no complaint of.
const NEGATORS = new Set(['not', 'no', 'never', 'nothing', 'without', 'nor', 'neither', 'none', 'zero']);
const SUPPOSITION = compilePattern(
  '(if|whether|unless|in case|what happens|what if|would|might|worried|afraid|concerned|scared|hope|hoping|hopefully|avoid|prevent|ensure|make sure|in the event|should (it|they|my|the|anything)|will (it|they|my|the)|how (do|can|should|would) (i|we|one)|can (i|we)|is it possible|do you (offer|have|accept|cover|replace|refund)|what is (your|the) (policy|process)|in future|next time)',
);
// The customer's own slip is no complaint about the company: "I entered the wrong address".
const OWN_MISTAKE = compilePattern(
  '((i|we) (accidentally|mistakenly|have|had)? (entered|typed|put|gave|input|provided|chose|selected|picked|set|used|made|added|wrote|ordered|bought|booked) (in|down)? (the|a|an|my) (wrong|incorrect) | by mistake | my (mistake|fault|bad) | (i|we) (accidentally|mistakenly))',
);
// A word that negates only the cue right after it: "not damaged", "no delay", "nothing broken".
const NEGATION_WINDOW = 3;

const complaintIndex = new PatternIndex<{ family: ComplaintFamily; negatable: boolean }>(
  COMPLAINTS.flatMap(({ family, patterns }) => patterns.map((source) => [compilePattern(source), { family, negatable: !/\s/u.test(source.trim()) }] as const)),
);

// Happy words around a complaint word make it no complaint: "arrived fine", "no problems at all".
const CONTENTMENT = compilePattern('(arrived|came|got here|works|working|turned up) (safe|safely|fine|perfectly|great|well|in one piece|on time|early|intact)');

export interface Complaint {
  sentence: Sentence;
  match: IndexedMatch<{ family: ComplaintFamily; negatable: boolean }>;
}

function complaintIn(sentence: Sentence): Complaint | undefined {
  const { tokens } = sentence;
  const matches = complaintIndex.matches(sentence).sort((a, b) => a.from - b.from);
  if (matches.length === 0) return undefined;
  const supposed = matchPattern(SUPPOSITION, sentence).map((found) => found.from);
  if (matchPattern(OWN_MISTAKE, sentence).length > 0) return undefined;
  const content = matchPattern(CONTENTMENT, sentence).length > 0;
  for (const match of matches) {
    if (tokens.slice(match.from, match.to).some((token) => token.quoted)) continue;
    // A supposition anywhere before the cue in the sentence: "if it arrives damaged", "I was worried it would be late".
    if (supposed.some((from) => from < match.from)) continue;
    if (match.value.negatable) {
      const before = tokens.slice(Math.max(0, match.from - NEGATION_WINDOW), match.from);
      if (before.some((token) => NEGATORS.has(token.norm)) || content) continue;
    }
    return { sentence, match };
  }
  return undefined;
}

/** The first complaint of the customer's message, if it has one. */
export function findComplaint(message: CustomerMessage): Complaint | undefined {
  for (const sentence of message.sentences) {
    const complaint = complaintIn(sentence);
    if (complaint) return complaint;
  }
  return undefined;
}

/**
 * Answer the question the customer actually asked. The rule finds the questions of the
 * customer's latest quoted message (thread.ts) — sentences ending in "?" and requests such as
 * "please tell me…", "I need to know…", "could you let me know…" — and looks for an answer
 * to each in the reply. compromise tags the question sentences only (never the reply): their
 * nouns, verbs and adjectives, reduced to roots, are the question's topic. A question counts as
 * addressed when the reply mentions a topic word, a form of one (stems: "deliver", "delivery",
 * "delivered") or a word of the same support vocabulary ("refund" ~ "money back" ~ "credit"),
 * when a "when / how long" question meets a time in the reply, a "how much" question a number,
 * or a yes/no question a reply sentence that opens with yes, no or their kin.
 *
 * Rhetorical questions ("What is wrong with you people?", "Is this a joke?"), greetings ("How
 * are you?") and questions in quotation marks need no answer. A message quoted piece by piece
 * between the reply's paragraphs is answered where each piece stands: the rule is silent then.
 * Precision first: any sign of an answer is taken as one.
 */
import type { Nlp } from '../nlp.js';
import { compilePattern, matchPattern, PatternIndex, type PatternMatch } from '../phrases.js';
import { defineRule, type Reply } from '../rule.js';
import type { Sentence } from '../text.js';
import { latestCustomerMessage } from '../thread.js';
import { STOPWORDS } from '../wording.js';

interface TaggedTerm {
  normal: string;
  root?: string;
  tags: string[];
}

// Requests for information without a question mark.
const INDIRECT_QUESTIONS = new PatternIndex<true>(
  [
    '(please|kindly|can you|could you|would you|will you|can someone|could someone)? (please)? (tell|let) (me|us) know',
    '(i|we) (would|d|really|also|just|still)? (also|just|really|still)? (need|want|like|love|wish|am trying|have) to (know|find out|understand|check|ask|hear)',
    '(i|we) (am|was|were|are) (just)? wondering', '(please|kindly) (confirm|advise|explain|clarify|tell me)',
    '(can|could|would) you (please)? (confirm|advise|explain|clarify|tell me|update me)',
    '(i|we) would (appreciate|be grateful for|welcome) (an|a|some)? (answer|explanation|update|clarification|confirmation)',
    '(i|we) would (appreciate|be grateful) (it)? if (you|someone) (could|would|can)? (tell|let|explain|confirm|clarify|advise)',
  ].map((source) => [compilePattern(source), true] as const),
);

// Questions that ask for no answer: exasperation, greetings.
const NO_ANSWER_NEEDED = new PatternIndex<true>(
  [
    'what is wrong with', 'is this (a joke|some kind of joke|normal|acceptable|how you|really how|what you call)', 'are you (kidding|serious|joking|for real|even)',
    'how (hard|difficult) (can|is|could) (it|this|that)', 'how is (this|that|it) (acceptable|ok|okay|possible|fair|legal|customer service|good service)',
    'what kind of (company|service|business|operation|people)', '(does|do|did|is|are) (anyone|anybody|nobody|no one) (even|actually|there)?',
    'do you (even|actually|people)', '(seriously|really|hello|honestly)', 'why (do|should|must|would) (i|we) (have to|bother|even)', 'how many times (do|must|will|have|should|am|did)',
    'who (does|treats|runs|trained|hired)', 'what is the point', 'where is the (customer service|service|respect)', 'why is (it|this) so (hard|difficult)',
    'how (are|is) (you|everyone|everything|things|it going)', '(hope|hoping) (you are|all is|this finds)', 'how have you been', 'you people', 'what happened to (customer service|service)',
    'am i (the only|supposed)', 'what (more|else) do (you|i) (want|need) (from me)?', 'can you (believe|imagine)', 'would you (accept|like) (this|that|it) (if|yourself)',
  ].map((source) => [compilePattern(source), true] as const),
);

const YES_NO_OPENER = /^(?:is|are|was|were|can|could|will|would|do|does|did|should|shall|may|might|have|has|had|am|isn't|aren't|can't|won't|doesn't|don't|didn't)$/iu;
// Reply openers that answer a yes/no question.
const YES_NO_ANSWER = new Set(['yes', 'yep', 'yeah', 'no', 'nope', 'sure', 'certainly', 'absolutely', 'definitely', 'unfortunately', 'sadly', 'correct', 'indeed', 'of', 'good', 'great', 'happily', 'alas']);
// Asking the customer for what the answer depends on addresses the question (TACTICS: collect information).
const ASKS_FOR_DETAILS = compilePattern(
  '((could|can|would) you (please|kindly)? (provide|share|send|confirm|tell|give) | (please|kindly) (provide|share|send|confirm) | (i|we) (kindly)? (ask|request|need) (you)? (to)? (provide|share|send|confirm)? (me|us)? (with)? (the|your|some|a|an|additional|more|any|a few)? (_)? (order|account|booking|reference|tracking|serial|details|information|number|name|email|photo|photos|screenshot))',
);
// Answers to a yes/no question inside a sentence: "There's no need to send it back", "you can…".
const YES_NO_PHRASES = compilePattern(
  '((there is)? no need|you (do not|will not|never|would not) (need|have) to|you (will|would|do)? (need|have) to|you can|you are (welcome|able|allowed|free) to|it is (possible|not possible|fine|okay|included|free|safe|not safe)|(that|this) is (fine|no problem)|not a problem|no problem)',
);
const NEED_ANSWER = /\b(?:no need|(?:do not|don't|won't|will not|wouldn't|would not) (?:need|have) to|(?:will|you'll|you will|you'd) (?:need|have) to|nothing to (?:do|send|print|pay))\b/iu;
const TIME_ANSWER =
  /\b(?:today|tomorrow|tonight|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|morning|afternoon|evening|noon|midnight|\d+(?:[.,]\d+)?\s*(?:-|–|to)?\s*\d*\s*(?:am|pm|a\.m\.|p\.m\.|h|hrs?|hours?|days?|weeks?|months?|years?|minutes?|mins?|business|working)|\d{1,2}[:.]\d{2}|next\s+(?:week|month|year)|this\s+(?:week|month)|end\s+of|within|already|now|immediately|right away)\b/iu;
const AMOUNT_ANSWER = /[\d$€£¥₹]|\b(?:free|no charge|no cost|nothing|zero|one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|half)\b/iu;
const WHEN_QUESTION = compilePattern('(when|how long|how soon|what time|what date|which day|by when|how quickly|eta|how many days|how many weeks|what (is|are|will be) (the|my|our)? (new)? _? (time|times|date|dates|day|days|schedule|timetable))');
const AMOUNT_QUESTION = compilePattern('(how much|how many|what (is|are|will be|would be) the (price|cost|fee|fees|charge|rate|total|amount)|what does it cost|what do (they|you) cost)');

// Support vocabulary: words in one group answer for each other ("refund" ~ "money back").
const SYNONYM_GROUPS: readonly string[][] = [
  ['refund', 'reimburs', 'money', 'credit', 'repay', 'compensat', 'voucher'],
  ['deliver', 'arriv', 'ship', 'dispatch', 'post', 'courier', 'track', 'parcel', 'package', 'transit', 'reach', 'send', 'sent', 'order'],
  ['cancel', 'terminat', 'close', 'stop', 'end'],
  ['change', 'updat', 'modif', 'edit', 'switch', 'amend', 'adjust', 'move', 'reschedul', 'transfer'],
  ['price', 'cost', 'fee', 'charg', 'pay', 'bill', 'invoic', 'amount', 'rate', 'discount', 'free'],
  ['login', 'log', 'sign', 'password', 'access', 'account', 'credential', 'unlock'],
  ['return', 'exchang', 'swap', 'replac', 'collect', 'new'],
  ['book', 'reserv', 'appointment', 'slot', 'seat', 'room'],
  ['fix', 'repair', 'resolv', 'sort', 'work', 'restor', 'engineer', 'technician'],
  ['upgrad', 'downgrad', 'plan', 'tier', 'subscri', 'membership'],
  ['open', 'hour', 'closed'],
  ['guarante', 'warrant', 'polic', 'cover', 'eligib'],
  ['size', 'fit', 'larger', 'smaller', 'bigger'],
  ['lower', 'reduc', 'decreas', 'cut', 'drop', 'less', 'cheaper', 'down'],
  ['rais', 'increas', 'higher', 'more', 'up'],
];

// Verbs and words of asking that say nothing about the topic.
const ASKING_WORDS = new Set([
  'tell', 'let', 'know', 'wonder', 'wondering', 'ask', 'asking', 'please', 'kindly', 'confirm', 'advise', 'explain', 'clarify', 'understand', 'find',
  'thing', 'things', 'anyone', 'someone', 'way', 'go', 'going', 'happen', 'happening', 'happened', 'still', 'able', 'possible', 'okay', 'ok', 'sort',
  'lot', 'bit', 'today', 'now', 'yet', 'thanks', 'thank',
]);

// Words compromise tags as nouns, verbs or adjectives that carry no topic of their own.
const GENERIC_WORDS = new Set(['something', 'anything', 'everything', 'nothing', 'someone', 'anyone', 'everyone', 'somebody', 'anybody', 'thing', 'things', 'way', 'ways', 'lot', 'bit', 'one', 'ones', 'able', 'sure', 'possible', 'okay', 'fine', 'good', 'great', 'hello', 'hi', 'hey', 'thanks', 'thank', 'be', 'is', 'are', 'was', 'were', 'been', 'have', 'has', 'had', 'do', 'does', 'did', 'get', 'got', 'make', 'need', 'want', 'like', 'know', 'let', 'come', 'give', 'say', 'see', 'take', 'put', 'try', 'keep', 'seem', 'mean', 'there', 'here', 'what', 'which', 'this', 'that', 'these', 'those', 'any', 'some', 'all', 'own', 'much', 'many', 'more', 'other', 'else', 'just', 'also', 'really', 'very', 'quick', 'question']);

// Nouns of support mail that wording.ts counts as generic but that a question can be about: "do I need a new ticket?"
const TOPIC_NOUNS = new Set(['ticket', 'tickets', 'case', 'email', 'e-mail', 'message', 'messages', 'service', 'services', 'contact', 'reply', 'response', 'feedback', 'complaint', 'details', 'information', 'process']);

/** A crude stem: enough to equate "deliver", "delivery", "delivered", "deliveries". */
function stem(word: string): string {
  // A plural "s" goes even from a short word: "dogs" → "dog".
  const lower = word.toLowerCase().replace(/[’']s$/u, '').replace(/(?<=\p{L}{2}[^s])s$/u, '');
  const bare = lower.replace(/ies$|ied$/u, 'y').replace(/(?:ing|ed|es|ments?|ations?|ions?|ly|ers?)$/u, '');
  return (bare.length >= 4 ? bare : lower).slice(0, 7);
}

/** Two stems name the same thing: equal, one inside the other ("book" in "rebook"), or the same first five letters. */
function sameTopic(a: string, b: string): boolean {
  if (a === b) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return (shorter.length >= 4 && longer.includes(shorter)) || (shorter.length >= 5 && longer.slice(0, 5) === shorter.slice(0, 5));
}

function groupsOf(stemmed: string): number[] {
  const groups: number[] = [];
  SYNONYM_GROUPS.forEach((group, index) => {
    // A member and its inflections ("reimburs" → "reimburse"), not a longer word that starts with it ("work" → "workout").
    const inGroup = (member: string): boolean => (stemmed.startsWith(member) && stemmed.length - member.length <= 2) || (stemmed.length >= 4 && member.startsWith(stemmed));
    if (stemmed.length >= 3 && group.some(inGroup)) groups.push(index);
  });
  return groups;
}

interface Question {
  sentence: Sentence;
  /** Offsets of the question: a whole sentence, or one of the questions a sentence joins. */
  start: number;
  end: number;
  text: string;
  yesNo: boolean;
  /** Asks the team to do something ("Can you send a new one?"): doing it, or saying it is done, answers it. */
  request: boolean;
  when: boolean;
  amount: boolean;
}

// Words that open a second question in the same sentence: "…, and is lunch included?"
const QUESTION_OPENERS = new Set(['is', 'are', 'was', 'were', 'can', 'could', 'will', 'would', 'do', 'does', 'did', 'should', 'may', 'have', 'has', 'what', 'when', 'where', 'how', 'why', 'who', 'which']);
const JOINERS = new Set(['and', 'or', 'also', 'plus']);
// A question about what the sentence before it said: "How do I do that?", "Why did this happen?"
const REFERS_BACK = /\b(?:it|that|this|them|those|these)\b/iu;
const REQUEST_MODALS = new Set(['can', 'could', 'would', 'will']);
const LEADING_JOINERS = new Set(['hi', 'hello', 'hey', 'dear', 'now', 'btw', 'quick', 'question', 'um', 'and', 'or', 'also', 'plus', 'so', 'but', 'oh', 'ok', 'okay', 'then', 'lastly', 'finally', 'secondly', 'firstly', 'and/or']);

/** Token ranges of the questions a sentence asks: "Do I need a visa, and is lunch included?" asks two. */
function questionParts(sentence: Sentence): Array<[number, number]> {
  const { tokens } = sentence;
  const parts: Array<[number, number]> = [];
  let from = 0;
  for (let index = 2; index < tokens.length - 2; index++) {
    if (JOINERS.has(tokens[index]!.norm) && QUESTION_OPENERS.has(tokens[index + 1]!.norm) && index - from >= 3) {
      parts.push([from, index]);
      from = index;
    }
  }
  parts.push([from, tokens.length]);
  return parts;
}

/** Where a statement before the question ends inside one sentence ("…€49. What is…?"), or -1. */
function lastStatementEnd(sentence: Sentence): number {
  const body = sentence.text.trimEnd().slice(0, -1);
  const boundary = [...body.matchAll(/[.!]\s+(?=[\p{Lu}])/gu)].pop();
  return boundary ? sentence.start + boundary.index + boundary[0].length : -1;
}

const WH_WORDS = new Set(['what', 'when', 'where', 'which', 'who', 'whom', 'whose', 'why', 'how', "what's", 'any', 'anything', 'eta']);
const asksDirectly = (opener: { norm: string; raw: string }): boolean => WH_WORDS.has(opener.norm) || YES_NO_OPENER.test(opener.raw) || opener.norm === 'please';

function questionsIn(sentence: Sentence): Question[] {
  const { tokens } = sentence;
  if (tokens.length === 0 || tokens.every((token) => token.quoted)) return [];
  const text = sentence.text.trimEnd().replace(/[\s"”’)\]\p{Extended_Pictographic}\uFE0F]+$/u, '');
  const asks = text.endsWith('?') || INDIRECT_QUESTIONS.matches(sentence).some((match) => !tokens[match.from]!.quoted);
  if (!asks) return [];
  if (NO_ANSWER_NEEDED.matches(sentence).length > 0) return [];
  const when = matchPattern(WHEN_QUESTION, sentence);
  const amount = matchPattern(AMOUNT_QUESTION, sentence);
  const inPart = (matches: readonly PatternMatch[], from: number, to: number): boolean => matches.some((match) => match.from >= from && match.from < to);
  return questionParts(sentence).flatMap(([from, to]) => {
    const words = tokens.slice(from, to).filter((token) => /\p{L}/u.test(token.norm));
    if (words.length <= 2) return [];
    const opener = words.find((token) => !LEADING_JOINERS.has(token.norm)) ?? words[0]!;
    // "My invoice shows €169. What is the €120 charge for?" read as one sentence: the question starts after the statement.
    const statementEnd = from === 0 ? lastStatementEnd(sentence) : -1;
    const first = statementEnd >= 0 ? tokens.findIndex((token) => token.start >= statementEnd) : from;
    if (first < 0) return [];
    const start = tokens[first]!.start;
    const end = to === tokens.length ? sentence.start + sentence.text.trimEnd().length : tokens[to - 1]!.end;
    // "Now I have to wait until next week?": a statement with a question mark voices frustration; it asks nothing.
    if (!asksDirectly(opener) && !INDIRECT_QUESTIONS.matches(sentence).some((match) => match.from >= from && match.from < to)) return [];
    const openerIndex = words.indexOf(opener);
    const request = REQUEST_MODALS.has(opener.norm) && words[openerIndex + 1]?.norm === 'you';
    return [{ sentence, start, end, text: sentence.text.slice(start - sentence.start, end - sentence.start), yesNo: YES_NO_OPENER.test(opener.raw), request, when: inPart(when, from, to), amount: inPart(amount, from, to) }];
  });
}

/**
 * The question's topic: roots of its nouns, verbs and adjectives, as compromise tags them.
 * Words support mail uses for anything ("request", "time", "situation") are kept apart: they
 * count as half an answer when the reply repeats them, so that a question with a misspelt
 * topic ("redimbursements") is not taken for unanswered.
 */
interface Topic {
  specific: string[];
  generic: string[];
}

// An editor re-lints the reply on every keystroke while the quoted questions stay the same:
// their topics are kept, so compromise tags each question once.
const TOPIC_CACHE_LIMIT = 500;
const topicCache = new Map<string, Topic>();

function topicOf(nlp: Nlp, text: string): Topic {
  const key = text.replace(/\s+/gu, ' ');
  let topic = topicCache.get(key);
  if (!topic) {
    topic = tagTopic(nlp, key);
    topicCache.set(key, topic);
    if (topicCache.size > TOPIC_CACHE_LIMIT) topicCache.delete(topicCache.keys().next().value!);
  }
  return topic;
}

function tagTopic(nlp: Nlp, text: string): Topic {
  const doc = nlp(text);
  doc.compute('root');
  const terms = (doc.json({ terms: { normal: true } }) as Array<{ terms: TaggedTerm[] }>).flatMap((sentence) => sentence.terms);
  const words = terms
    .filter(({ tags }) => (tags.includes('Noun') && !tags.includes('Pronoun') && !tags.includes('Possessive')) || (tags.includes('Verb') && !tags.includes('Modal') && !tags.includes('Auxiliary') && !tags.includes('Copula')) || tags.includes('Adjective'))
    .map(({ normal, root }) => (root ?? normal).replace(/[^\p{L}\p{N}'-]/gu, ''))
    .filter((word) => word.length > 2 && !ASKING_WORDS.has(word) && !GENERIC_WORDS.has(word));
  const isSpecific = (word: string): boolean => !STOPWORDS.has(word) || TOPIC_NOUNS.has(word);
  return { specific: [...new Set(words.filter(isSpecific).map(stem))], generic: [...new Set(words.filter((word) => !isSpecific(word)).map(stem))] };
}

interface ReplyWords {
  /** The reply asks the customer for the details an answer needs. */
  asksForDetails: boolean;
  stems: string[];
  groups: Set<number>;
  /** A sentence opens with yes, no or their kin. */
  opensYesNo: boolean;
  /** Stems of each sentence that answers yes or no inside it ("there's no need to…", "you can…"). */
  yesNoSentences: string[][];
  text: string;
}

function replyWords(reply: Reply): ReplyWords {
  const sentences = reply.paragraphs.flatMap((paragraph) => paragraph.sentences);
  // "gluten-free" answers for "gluten" and for "free".
  const words = sentences.flatMap((sentence) => sentence.tokens.flatMap((token) => [token.norm, ...(token.norm.includes('-') ? token.norm.split('-') : [])]));
  const stems = [...new Set(words.filter((word) => word.length > 2 && !GENERIC_WORDS.has(word)).map(stem))];
  const groups = new Set(stems.flatMap(groupsOf));
  const opensYesNo = sentences.some((sentence) => YES_NO_ANSWER.has(sentence.tokens[0]?.norm ?? ''));
  const yesNoSentences = sentences.filter((sentence) => matchPattern(YES_NO_PHRASES, sentence).length > 0).map((sentence) => sentence.tokens.map((token) => stem(token.norm)));
  const asksForDetails = sentences.some((sentence) => matchPattern(ASKS_FOR_DETAILS, sentence).length > 0);
  return { asksForDetails, stems, groups, opensYesNo, yesNoSentences, text: sentences.map((sentence) => sentence.text).join(' ') };
}

/** How much of a topic the reply covers: a word it repeats (or a form of it) counts 1, a word of the same vocabulary ½. */
function coverage(topic: readonly string[], words: ReplyWords): number {
  let covered = 0;
  for (const word of topic) {
    if (words.stems.some((other) => sameTopic(word, other))) covered += 1;
    else if (groupsOf(word).some((group) => words.groups.has(group))) covered += 0.5;
  }
  return covered;
}

function addressed(question: Question, topic: readonly string[], generic: readonly string[], words: ReplyWords): boolean {
  if (words.asksForDetails) return true;
  if (question.yesNo && words.opensYesNo) return true;
  // "You can book online" answers "Is there a lifeguard?" only if it is about the lifeguard.
  // "Do I need to return it?" is answered by "there's no need", "you'll need to…".
  if (question.yesNo && /\b(?:need|have) to\b/iu.test(question.text) && NEED_ANSWER.test(words.text)) return true;
  const about = (stems: readonly string[]): boolean => topic.some((word) => stems.some((other) => sameTopic(word, other) || groupsOf(word).some((group) => groupsOf(other).includes(group))));
  if (question.yesNo && words.yesNoSentences.some(about)) return true;
  if (question.when && TIME_ANSWER.test(words.text)) return true;
  if (question.amount && AMOUNT_ANSWER.test(words.text)) return true;
  // A question whose topic compromise could not find is no question to judge.
  if (topic.length === 0) return true;
  // One word of the topic, or two of its vocabulary: "Can I change the delivery address?" is
  // answered by "I've updated the address on your order". A request is answered by what was
  // done about it in other words: "Can you send a new one?" by "a replacement is on its way".
  const needed = question.request ? 0.5 : Math.min(1, Math.max(0.5, topic.length / 2));
  const genericCovered = generic.filter((word) => words.stems.some((other) => sameTopic(word, other))).length / 2;
  return coverage(topic, words) + genericCovered >= needed;
}

/** A question's own topic: the words no other question of the message shares (its whole topic if none are its own). */
function distinctTopics(topics: readonly string[][]): string[][] {
  return topics.map((topic, index) => {
    const others = topics.filter((_, other) => other !== index).flat();
    const own = topic.filter((word) => !others.some((other) => sameTopic(word, other)));
    return own.length > 0 ? own : topic;
  });
}

export default defineRule({
  meta: {
    id: 'unanswered-question',
    description: 'The customer asked a question that the reply does not answer',
    category: 'substance',
    severity: 'warn',
    fixable: false,
    principle: '2. Answer the question; no canned non-answers',
    recommended: false,
  },
  create(context) {
    const { reply } = context;
    return {
      async reply() {
        const message = latestCustomerMessage(reply);
        if (!message || message.interleaved) return;
        const questions = message.sentences.flatMap(questionsIn);
        if (questions.length === 0) return;
        // The report stands on the reply's first body sentence: the question itself is quoted
        // history, where no report may stand.
        const first = reply.paragraphs[0]?.sentences[0];
        const anchor = first ? { start: first.start, end: first.start + first.text.trimEnd().length } : reply.model.greeting;
        if (!anchor) return;
        const nlp = await context.nlp();
        const words = replyWords(reply);
        const questionTopics = questions.map((question) => {
          const own = topicOf(nlp, question.text);
          if (own.specific.length > 0 || !REFERS_BACK.test(question.text)) return own;
          // "I need to unlock my phone. How do I do that?": the question is about the sentence before.
          const before = message.sentences[message.sentences.indexOf(question.sentence) - 1];
          return before && questionsIn(before).length === 0 ? topicOf(nlp, before.text) : own;
        });
        const topics = distinctTopics(questionTopics.map((topic) => topic.specific));
        questions.forEach((question, index) => {
          if (addressed(question, topics[index]!, questionTopics[index]!.generic, words)) return;
          const asked = question.text.replace(/\s+/gu, ' ');
          context.report({
            start: anchor.start,
            end: anchor.end,
            message: `The customer asked "${asked}" and the reply does not answer it`,
            note: 'Answer the question they actually asked: a reply that skips one sends the customer back to ask again.',
            related: [{ start: question.start, end: question.end, message: 'The unanswered question' }],
          });
        });
      },
    };
  },
});

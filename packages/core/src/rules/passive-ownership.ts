/**
 * Own the case: say who did it. The rule reports the passive voice where it hides the team's
 * own action:
 *
 * - mistakes: "mistakes were made", "an error has been made";
 * - decisions: "it has been decided", "a decision was made to…";
 * - hand-offs of the customer's matter: "your request has been escalated", "your comments
 *   have been shared with…", "this has been passed on to…";
 * - adverse decisions about the customer: "your account has been suspended", "your
 *   application … has been declined", "your claim was rejected".
 *
 * It suggests the active sentence ("I've escalated your request", "we've suspended your
 * account") where the subject is short enough to move. Passives that report good news or a
 * status pass ("your refund has been processed", "your parcel has been delivered", "your ban
 * has been lifted"), as do actions with their actor ("declined by your insurer"), what the
 * customer asked for ("cancelled as requested"), negatives ("has not been suspended"),
 * conditions ("if your claim is rejected, …") and quoted text.
 *
 * compromise is not needed: the verbs are closed lists and the subject is a short walk back
 * from the auxiliary.
 */
import { compilePattern, matchPattern } from '../phrases.js';
import { matchCase } from '../phrase-rule.js';
import { defineRule } from '../rule.js';
import type { Sentence, Token } from '../text.js';
import { clauseBreakBefore, inCondition } from '../wording.js';

type Kind = 'hand-off' | 'adverse' | 'mistake' | 'decision';

const PARTICIPLES: ReadonlyMap<string, Kind> = new Map([
  ...['escalated', 'forwarded', 'referred', 'transferred', 'shared', 'passed', 'raised'].map((word) => [word, 'hand-off'] as const),
  ...['suspended', 'terminated', 'declined', 'rejected', 'denied', 'refused', 'banned', 'restricted', 'revoked', 'deactivated'].map((word) => [word, 'adverse'] as const),
  ...['decided', 'determined', 'concluded', 'made', 'taken', 'reached'].map((word) => [word, 'decision'] as const),
]);
// The customer's matter, handed on: "your request", "the complaint", "it".
const MATTERS = new Set([
  'request', 'requests', 'case', 'ticket', 'complaint', 'query', 'enquiry', 'inquiry', 'issue', 'concern', 'concerns', 'feedback',
  'comments', 'comment', 'message', 'email', 'details', 'information', 'question', 'suggestion', 'suggestions', 'claim', 'report', 'matter', 'problem',
]);
// What the team can decide against: "your account", "your application".
const DECIDED_ABOUT = new Set([
  'account', 'application', 'appeal', 'claim', 'request', 'refund', 'order', 'booking', 'subscription', 'membership', 'listing',
  'profile', 'review', 'post', 'return', 'access', 'loan', 'reservation', 'registration', 'submission', 'warranty', 'complaint',
]);
const MISTAKES = new Set(['mistake', 'mistakes', 'error', 'errors']);
const PRONOUNS = new Set(['it', 'this', 'that']);
const DETERMINERS = new Set(['your', 'the', 'this', 'that', 'a', 'an', 'some', 'several', 'my', 'these', 'those']);
const AUXILIARIES = new Set(['been', 'was', 'were', 'is', 'are', 'be', 'being']);
const ADVERBS = new Set(['now', 'already', 'just', 'also', 'since', 'recently', 'unfortunately', 'regrettably', 'therefore', 'officially', 'permanently', 'temporarily', 'automatically', 'subsequently', 'then']);
// The customer's own wish: "cancelled as requested", "at your request".
const REQUESTED = compilePattern('(as (you)? (requested|asked|instructed)|at your (request|instruction)|per your request|as per your request|on your (request|instruction|instructions))');
const CLAUSE_OPENERS = new Set(['and', 'but', 'so', 'or', 'because', 'which', 'that', 'when', 'once', 'after', 'while', 'since']);
const MAX_SUBJECT = 10;
const TEMPORAL = new Set(['once', 'when', 'whenever', 'after', 'until', 'before', 'unless', 'if']);

const MESSAGES: Record<Kind, string> = {
  'hand-off': 'says the matter was handed on, not who handed it on: say "I\'ve…" and own it',
  adverse: 'hides who decided: say who did it and why ("we\'ve…, because…")',
  mistake: 'hides who made the mistake: own it ("we made a mistake")',
  decision: 'hides who decided: say who did ("we\'ve decided…")',
};
const NOTE = 'A named person owns the case: "I\'ve escalated your request" tells the customer someone is doing something; the passive tells them nobody is.';

interface Passive {
  kind: Kind;
  /** Token range of subject … participle (and its particle). */
  from: number;
  to: number;
  /** The auxiliary's tense, for the rewrite. */
  tense: 'perfect' | 'past' | 'future' | 'present' | 'progressive';
  /** A subject short enough to move after the verb ("your request"), or undefined. */
  object?: [number, number];
}

function tenseOf(tokens: readonly Token[], aux: number): Passive['tense'] | undefined {
  const word = tokens[aux]!.norm;
  const before = tokens[aux - 1]?.norm;
  if (word === 'been') return before === 'has' || before === 'have' || before === 'had' ? 'perfect' : undefined;
  if (word === 'be') return before === 'will' || before === 'shall' ? 'future' : undefined;
  if (word === 'being') return 'progressive';
  return word === 'was' || word === 'were' ? 'past' : 'present';
}

/** The subject's head before the auxiliary, walking back within the clause. */
function subjectOf(sentence: Sentence, start: number, kind: Kind, participle: string): { from: number; object?: [number, number] } | undefined {
  const { tokens } = sentence;
  const adjacent = tokens[start - 1];
  if (!adjacent) return undefined;
  if (kind === 'decision') {
    if (['decided', 'determined', 'concluded'].includes(participle)) return adjacent.norm === 'it' ? { from: start - 1 } : undefined;
    const decision = [start - 1, start - 2].find((at) => tokens[at]?.norm === 'decision');
    if (decision === undefined) {
      // "made" also ends a mistake: "mistakes were made", "an error has been made".
      const mistake = [start - 1, start - 2].find((at) => MISTAKES.has(tokens[at]?.norm ?? ''));
      if (participle !== 'made' || mistake === undefined) return undefined;
      const from = DETERMINERS.has(tokens[mistake - 1]?.norm ?? '') ? mistake - 1 : mistake;
      return { from, object: [from, start] };
    }
    return { from: DETERMINERS.has(tokens[decision - 1]?.norm ?? '') ? decision - 1 : decision };
  }
  if (kind === 'hand-off' && PRONOUNS.has(adjacent.norm)) return { from: start - 1, object: [start - 1, start] };
  const heads = kind === 'hand-off' ? MATTERS : DECIDED_ABOUT;
  for (let at = start - 1; at >= 0 && start - at <= MAX_SUBJECT; at--) {
    const token = tokens[at]!;
    if (clauseBreakBefore(sentence, at + 1) && at + 1 < start) return undefined;
    if (CLAUSE_OPENERS.has(token.norm)) return undefined;
    if (heads.has(token.norm) && DETERMINERS.has(tokens[at - 1]?.norm ?? '')) {
      const from = at - 1;
      // Only "your request" right before the auxiliary moves whole into the rewrite.
      return at === start - 1 ? { from, object: [from, start] } : { from };
    }
  }
  return undefined;
}

function findPassives(sentence: Sentence): Passive[] {
  const { tokens } = sentence;
  const found: Passive[] = [];
  tokens.forEach((token, index) => {
    let kind = PARTICIPLES.get(token.norm);
    if (!kind) return;
    let aux = index - 1;
    while (aux >= 0 && ADVERBS.has(tokens[aux]!.norm)) aux--;
    if (aux < 0 || !AUXILIARIES.has(tokens[aux]!.norm)) return;
    const tense = tenseOf(tokens, aux);
    if (!tense) return;
    // The start of the verb group: "has been", "will be", "is being".
    let start = aux;
    while (start > 0 && ['has', 'have', 'had', 'will', 'shall', 'is', 'are', 'was', 'were'].includes(tokens[start - 1]!.norm) && start > aux - 2) start--;
    if (tokens.slice(start, index).some((word) => word.norm === 'not' || word.norm === 'never')) return;
    if (token.norm === 'passed' && !['on', 'along', 'to'].includes(tokens[index + 1]?.norm ?? '')) return;
    if (token.norm === 'raised' && tokens[index + 1]?.norm !== 'with') return;
    // "shared with billing" hands on; "it will be shared on the service page" publishes.
    if (token.norm === 'shared' && tokens[index + 1]?.norm !== 'with') return;
    // "ensure that your complaint is escalated": a present passive of a hand-off is no announcement.
    if (kind === 'hand-off' && tense === 'present') return;
    const subject = subjectOf(sentence, start, kind, token.norm);
    if (!subject) return;
    // What has not happened yet: "Once a decision has been reached, we will…".
    if (TEMPORAL.has(tokens[subject.from - 1]?.norm ?? '')) return;
    if (kind === 'decision' && (MISTAKES.has(tokens[subject.from]!.norm) || MISTAKES.has(tokens[subject.from + 1]?.norm ?? ''))) kind = 'mistake';
    // An actor named after the verb: "declined by your insurer".
    const particle = ['on', 'along'].includes(tokens[index + 1]?.norm ?? '') && token.norm === 'passed' ? 1 : 0;
    if (tokens[index + 1 + particle]?.norm === 'by') return;
    // Handed to the writer, who now owns it: "your ticket was transferred to me".
    if (kind === 'hand-off' && tokens[index + 1 + particle]?.norm === 'to' && tokens[index + 2 + particle]?.norm === 'me') return;
    const passive: Passive = { kind, from: subject.from, to: index + 1 + particle, tense };
    if (subject.object) passive.object = subject.object;
    found.push(passive);
  });
  return found;
}

const HAVE: Record<'i' | 'we', Record<Passive['tense'], string | undefined>> = {
  i: { perfect: "I've", past: 'I', future: "I'll", present: "I've", progressive: undefined },
  we: { perfect: "we've", past: 'we', future: "we'll", present: "we've", progressive: undefined },
};
// "will be escalated" → "I'll escalate": the base forms of the verbs a future rewrite needs.
const BASE: ReadonlyMap<string, string> = new Map([
  ['escalated', 'escalate'], ['forwarded', 'forward'], ['referred', 'refer'], ['transferred', 'transfer'], ['shared', 'share'],
  ['passed', 'pass'], ['raised', 'raise'], ['made', 'make'], ['decided', 'decide'], ['found', 'find'], ['concluded', 'conclude'],
]);

/** The active sentence, when the subject can move: "your request has been escalated" → "I've escalated your request". */
function rewrites(text: string, tokens: readonly Token[], passive: Passive): string[] {
  const last = tokens[passive.to - 1]!;
  const participle = PARTICIPLES.has(last.norm) ? last : tokens[passive.to - 2]!;
  const particle = participle === last ? '' : ` ${last.raw}`;
  const verbFor = (tense: Passive['tense'], verb: string): string | undefined => (tense === 'future' ? BASE.get(verb) : verb);
  if (passive.kind === 'decision') {
    const who = HAVE.we[passive.tense];
    // "it was determined that…" reports a finding: "we found that…".
    const verb = verbFor(passive.tense, participle.norm === 'determined' ? 'found' : participle.norm === 'concluded' ? 'concluded' : 'decided');
    if (!who || !verb) return [];
    if (tokens[passive.from]!.norm === 'it') return [`${who} ${verb}`];
    // "a decision was made to close" → "we decided to close"; "the decision was made on Friday" → "we made the decision on Friday".
    if (['to', 'that'].includes(tokens[passive.to]?.norm ?? '')) return [`${who} ${verb}`];
    const made = verbFor(passive.tense, 'made');
    return made ? [`${who} ${made} the decision`] : [];
  }
  if (!passive.object) return [];
  const [from, to] = passive.object;
  const object = text.slice(tokens[from]!.start, tokens[to - 1]!.end);
  // The subject moves after the verb: "Your request" → "your request".
  const moved = /^\p{Lu}\p{Ll}/u.test(object) ? object.charAt(0).toLowerCase() + object.slice(1) : object;
  const writers: Array<'i' | 'we'> = passive.kind === 'hand-off' ? ['i', 'we'] : ['we'];
  return writers.flatMap((writer) => {
    const who = HAVE[writer][passive.tense];
    const verb = verbFor(passive.tense, passive.kind === 'mistake' ? 'made' : participle.norm);
    // A particle follows the object: "passed it on".
    return who && verb ? [`${who} ${verb} ${moved}${particle}`] : [];
  });
}

export default defineRule({
  meta: {
    id: 'passive-ownership',
    description: 'Passive voice that hides who acted ("mistakes were made", "your request has been escalated")',
    category: 'ownership',
    severity: 'warn',
    fixable: false,
    principle: '3. A named person owns the case',
    recommended: true,
  },
  create(context) {
    const { text } = context.reply;
    return {
      sentence(sentence) {
        if (!sentence.tokens.some((token) => AUXILIARIES.has(token.norm))) return;
        const passives = findPassives(sentence);
        if (passives.length === 0 || matchPattern(REQUESTED, sentence).length > 0) return;
        for (const passive of passives) {
          const { tokens } = sentence;
          if (tokens.slice(passive.from, passive.to).some((token) => token.quoted) || inCondition(sentence, passive.from)) continue;
          const start = tokens[passive.from]!.start;
          const end = tokens[passive.to - 1]!.end;
          const actual = text.slice(start, end);
          const expected = rewrites(text, tokens, passive).map((rewrite) => matchCase(rewrite, actual));
          context.report({
            start,
            end,
            message: `"${actual.replace(/\s+/gu, ' ')}" ${MESSAGES[passive.kind]}`,
            note: NOTE,
            ...(expected.length > 0 ? { expected } : {}),
          });
        }
      },
    };
  },
});

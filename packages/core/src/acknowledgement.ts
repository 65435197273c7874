/**
 * Apologies and acknowledgements: the reply says sorry, or shows it has understood that
 * something went wrong ("I understand how frustrating this is", "that's not the experience
 * we want", "thank you for flagging this"). missing-apology asks whether a reply has one;
 * `findApology` is the pure detector a TACTICS summary can call too ("apologise").
 */
import { compilePattern, PatternIndex } from './phrases.js';
import type { Reply } from './rule.js';
import type { Sentence } from './text.js';

export type AcknowledgementKind = 'apology' | 'acknowledgement';

const EMOTION = '(frustrat*|annoy*|stressful|upsetting|upset|disappoint*|worrying|inconvenien*|difficult|hard|awful|maddening|infuriating|exasperating|a pain|a hassle|a nuisance|not ideal|far from ideal|no fun|unsettling|alarming)';

const ACKNOWLEDGEMENTS = new PatternIndex<AcknowledgementKind>([
  ...['sorry', 'apolog*', '(i|we) (sincerely|deeply|truly|really|do)? regret', 'my (bad|mistake|fault)', '(our|my) (mistake|fault|error|apologies)', 'forgive (me|us)', 'pardon (me|us|the)']
    .map((source) => [compilePattern(source), 'apology'] as const),
  ...[
    '(i|we) (completely|totally|fully|really|absolutely|can|do|definitely|certainly|can only|can fully|can completely)? (understand|imagine) (how|why|that|what|your|the|this)',
    '(i|we) (can)? (see|know|hear) (how|why)', '(i|we) hear you', '(i|we) (completely|totally|fully) understand',
    `(that|this|it|which) (must|must have|would|will|has|is|was|sounds) (be|been|have been|sounded)? (so|really|very|incredibly|extremely|truly|hugely|deeply|understandably|such)? ${EMOTION}`,
    `(understandably|understandable|no wonder|of course you are) _? _? ${EMOTION}?`,
    '(the|your|any|this|that) (frustration|annoyance|disappointment|inconvenience|stress|upset|hassle|worry|trouble (this|it) (has)? caused)',
    '(is|was|were|are) (not|never) (the experience|the service|the standard|what|how|acceptable|good enough|okay|ok)',
    '(not|never) (the experience|the service|the standard) (we|you|i)',
    'should (never|not) have (happened|been|had to|gone)', 'should (never|not) happen', '(that|this|it) (is|was) (unacceptable|not acceptable|not good enough|not okay|not ok|on (us|me))',
    'you (are|were) (absolutely|completely|quite|totally)? (right|correct)', 'fair point', '(we|i) (let you down|dropped the ball|got (this|that|it) wrong|messed (this|that|it)? up)',
    'thank* (you)? (so|very)? (much)? for (flagging|reporting|letting (us|me) know|raising|bringing|pointing|telling (us|me)|alerting|spotting|catching|highlighting|the heads (up)?|following up|chasing|persevering|sticking with)',
    '(we|i) (really|truly|do)? appreciate (you)? (flagging|letting|raising|bringing|reporting|telling|pointing)',
    '(oh no|what a (pain|nuisance|hassle|shame|mess))', '(it|these things|mistakes|that) (happens|happen) (to the best of us)?',
  ].map((source) => [compilePattern(source), 'acknowledgement'] as const),
]);

export interface Acknowledgement {
  start: number;
  end: number;
  kind: AcknowledgementKind;
}

/** How a sentence apologises or acknowledges a problem, outside quotation marks. */
export function acknowledgementIn(sentence: Sentence): AcknowledgementKind | undefined {
  const match = ACKNOWLEDGEMENTS.matches(sentence).find((found) => !sentence.tokens.slice(found.from, found.to).some((token) => token.quoted));
  return match?.value;
}

/** Whether a sentence says sorry (not only acknowledges), outside quotation marks. */
export function apologisesIn(sentence: Sentence): boolean {
  return ACKNOWLEDGEMENTS.matches(sentence).some((found) => found.value === 'apology' && !sentence.tokens.slice(found.from, found.to).some((token) => token.quoted));
}

/** The first apology or acknowledgement in the reply's body or closing ("Apologies again,"). */
export function findApology(reply: Reply): Acknowledgement | undefined {
  for (const paragraph of reply.paragraphs) {
    for (const sentence of paragraph.sentences) {
      const kind = acknowledgementIn(sentence);
      if (kind) return { start: sentence.start, end: sentence.start + sentence.text.trimEnd().length, kind };
    }
  }
  const { closing } = reply.model;
  if (closing && /\b(?:sorry|apolog)/iu.test(closing.text)) return { start: closing.start, end: closing.end, kind: 'apology' };
  return undefined;
}

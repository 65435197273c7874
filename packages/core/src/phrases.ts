/**
 * Word patterns for phrase rules. A pattern is matched against a sentence's normalised
 * tokens, so case, curly apostrophes and contractions never matter:
 *
 *   as i (said|mentioned|told you) (on the phone|before)?   alternatives and optional groups
 *   explain*                                                a word prefix
 *   _                                                       exactly one word
 *   *                                                       up to three words
 *   word?                                                   an optional word
 */
import { normalizeWord, type Sentence, type Token } from './text.js';
import { registerTable, sentenceWords, wordBitList, wordId, type SentenceWords, type WordBitList } from './word-ids.js';

type PatternItem =
  | { kind: 'word'; value: string; prefix: boolean; optional: boolean }
  | { kind: 'any'; optional: boolean }
  | { kind: 'gap' }
  | { kind: 'group'; alternatives: PatternItem[][]; optional: boolean; starts?: AlternativeStarts };

/**
 * A group's alternatives by the word they start with, so that a token tries only the few that
 * can start with it ("(refunded|sent|shipped|…)" has sixty); the rest start with a prefix or
 * any word and are tried in turn.
 */
interface AlternativeStarts {
  byWord: Map<string, number[]>;
  others: Array<{ which: number; first?: FirstWords }>;
}

export interface CompiledPattern {
  source: string;
  items: PatternItem[];
  /**
   * Words every match contains, as alternatives: each match holds at least one word of every
   * list ("(sent|shipped) to you": sent or shipped, to, you), as word ids. A sentence without
   * one cannot match. The lists that can hold the first word come last: a match is tried only
   * where a first word is, so those lists rule out the least.
   */
  required: WordBitList[];
  /** Words a match can start with; undefined when it can start with any word. */
  first?: FirstWords;
  /** Words a match's second token can be; undefined when any word can, or a match can be one word long. */
  second?: Set<string>;
}

interface FirstWords {
  words: Set<string>;
  prefixes: string[];
}

export class PatternError extends Error {}

function tokenize(source: string): string[] {
  return source.match(/\(|\)\??|\||[^\s()|]+/gu) ?? [];
}

function parseSequence(parts: string[], position: { index: number }, source: string, depth: number): PatternItem[][] {
  const alternatives: PatternItem[][] = [[]];
  while (position.index < parts.length) {
    const part = parts[position.index++]!;
    const current = alternatives[alternatives.length - 1]!;
    if (part === '(') {
      const inner = parseSequence(parts, position, source, depth + 1);
      const closer = parts[position.index - 1];
      if (closer !== ')' && closer !== ')?') throw new PatternError(`unclosed "(" in pattern "${source}"`);
      current.push({ kind: 'group', alternatives: inner, optional: closer === ')?' });
    } else if (part === ')' || part === ')?') {
      if (depth === 0) throw new PatternError(`unexpected ")" in pattern "${source}"`);
      return alternatives;
    } else if (part === '|') {
      alternatives.push([]);
    } else if (part === '*') {
      current.push({ kind: 'gap' });
    } else if (part === '_' || part === '_?') {
      current.push({ kind: 'any', optional: part === '_?' });
    } else {
      const optional = part.endsWith('?') && part.length > 1;
      const word = optional ? part.slice(0, -1) : part;
      const prefix = word.endsWith('*') && word.length > 1;
      const forms = normalizeWord(prefix ? word.slice(0, -1) : word);
      forms.forEach((form, index) => current.push({ kind: 'word', value: form.norm, prefix: prefix && index === forms.length - 1, optional }));
    }
  }
  if (depth > 0) throw new PatternError(`unclosed "(" in pattern "${source}"`);
  return alternatives;
}

/** The words a sequence can start with, or undefined if it can start with anything (or nothing). */
function firstWords(items: readonly PatternItem[], into: FirstWords = { words: new Set(), prefixes: [] }): FirstWords | undefined {
  const [head, ...rest] = items;
  if (!head) return undefined;
  switch (head.kind) {
    case 'word':
      if (head.prefix) into.prefixes.push(head.value);
      else into.words.add(head.value);
      return head.optional ? firstWords(rest, into) : into;
    case 'any':
    case 'gap':
      return undefined;
    case 'group': {
      for (const alternative of head.alternatives) {
        if (!firstWords([...alternative, ...rest], into)) return undefined;
      }
      return head.optional ? firstWords(rest, into) : into;
    }
  }
}

/**
 * What can follow the first word of a match of the sequence: every way the rest of it can go on,
 * or undefined when that is not known (a gap may take the first word or not).
 */
function afterFirstWord(items: readonly PatternItem[]): PatternItem[][] | undefined {
  const [head, ...rest] = items;
  if (!head) return [];
  switch (head.kind) {
    case 'word':
    case 'any': {
      if (!head.optional) return [rest];
      const skipped = afterFirstWord(rest);
      return skipped && [rest, ...skipped];
    }
    case 'gap':
      return undefined;
    case 'group': {
      const ways: PatternItem[][] = [];
      for (const alternative of [...head.alternatives, ...(head.optional ? [[]] : [])]) {
        const after = afterFirstWord([...alternative, ...rest]);
        if (!after) return undefined;
        ways.push(...after);
      }
      return ways;
    }
  }
}

function secondWords(items: readonly PatternItem[]): Set<string> | undefined {
  const second = new Set<string>();
  for (const rest of afterFirstWord(items) ?? [[]]) {
    // An empty rest: the match may end after its first word, so any second word will do.
    const first = firstWords(rest);
    if (!first || first.prefixes.length > 0) return undefined;
    first.words.forEach((word) => second.add(word));
  }
  return second;
}

export function compilePattern(source: string): CompiledPattern {
  const trimmed = source.trim();
  if (trimmed === '') throw new PatternError('empty pattern');
  const alternatives = parseSequence(tokenize(trimmed), { index: 0 }, trimmed, 0);
  const items: PatternItem[] = alternatives.length === 1 ? alternatives[0]! : [{ kind: 'group', alternatives, optional: false }];
  indexAlternatives(items);
  const first = firstWords(items);
  const required = requiredWords(items)
    .sort((a, b) => Number(a.some((word) => first?.words.has(word))) - Number(b.some((word) => first?.words.has(word))))
    .map((list) => wordBitList(list.map(wordId)));
  const second = first && secondWords(items);
  return { source: trimmed, items, required, ...(first ? { first } : {}), ...(second ? { second } : {}) };
}

/** Lists of words of which every match of the sequence holds at least one each (see `required`). */
function requiredWords(items: readonly PatternItem[]): string[][] {
  const required: string[][] = [];
  for (const item of items) {
    if (item.kind === 'word' && !item.optional && !item.prefix) required.push([item.value]);
    if (item.kind === 'group' && !item.optional) {
      const alternatives = item.alternatives.map(requiredWords);
      // A match takes one alternative, so it holds a word of that alternative's shortest list.
      if (alternatives.every((lists) => lists.length > 0)) {
        required.push([...new Set(alternatives.flatMap((lists) => lists.reduce((shortest, list) => (list.length < shortest.length ? list : shortest))))]);
      }
    }
  }
  return required;
}

/** File every group's alternatives by their first words, so matching skips the hopeless ones. */
function indexAlternatives(items: readonly PatternItem[]): void {
  for (const item of items) {
    if (item.kind !== 'group') continue;
    item.alternatives.forEach(indexAlternatives);
    const starts: AlternativeStarts = { byWord: new Map(), others: [] };
    item.alternatives.forEach((alternative, which) => {
      const first = firstWords(alternative);
      if (!first || first.prefixes.length > 0) {
        starts.others.push(first ? { which, first } : { which });
        return;
      }
      for (const word of first.words) {
        const filed = starts.byWord.get(word);
        if (filed) filed.push(which);
        else starts.byWord.set(word, [which]);
      }
    });
    item.starts = starts;
  }
}

const NONE: readonly number[] = [];

function canStartWith(first: FirstWords, token: Token): boolean {
  if (first.words.has(token.norm) || (token.alt !== undefined && first.words.has(token.alt))) return true;
  return first.prefixes.some((prefix) => token.norm.startsWith(prefix) || (token.alt?.startsWith(prefix) ?? false));
}

function wordMatches(item: { value: string; prefix: boolean }, token: Token): boolean {
  if (item.prefix) return token.norm.startsWith(item.value) || (token.alt?.startsWith(item.value) ?? false);
  return token.norm === item.value || token.alt === item.value;
}

/**
 * Call `found` with every token index at which items[index…] can end when matching starts
 * at `at`. Index-based and allocation-free but for groups: it runs for every word.
 */
function matchFrom(items: readonly PatternItem[], index: number, tokens: readonly Token[], at: number, found: (end: number) => void): void {
  const item = items[index];
  if (!item) {
    found(at);
    return;
  }
  switch (item.kind) {
    case 'word': {
      const token = tokens[at];
      if (token && wordMatches(item, token)) matchFrom(items, index + 1, tokens, at + 1, found);
      if (item.optional) matchFrom(items, index + 1, tokens, at, found);
      break;
    }
    case 'any':
      if (at < tokens.length) matchFrom(items, index + 1, tokens, at + 1, found);
      if (item.optional) matchFrom(items, index + 1, tokens, at, found);
      break;
    case 'gap':
      for (let skip = 0; skip <= 3 && at + skip <= tokens.length; skip++) matchFrom(items, index + 1, tokens, at + skip, found);
      break;
    case 'group': {
      // Every end is reported, so the order alternatives are tried in does not matter.
      const next = (position: number): void => matchFrom(items, index + 1, tokens, position, found);
      const token = tokens[at];
      const { byWord, others } = item.starts!;
      if (token) {
        for (const which of byWord.get(token.norm) ?? NONE) matchFrom(item.alternatives[which]!, 0, tokens, at, next);
        if (token.alt !== undefined) for (const which of byWord.get(token.alt) ?? NONE) matchFrom(item.alternatives[which]!, 0, tokens, at, next);
      }
      for (const { which, first } of others) {
        if (first && (!token || !canStartWith(first, token))) continue;
        matchFrom(item.alternatives[which]!, 0, tokens, at, next);
      }
      if (item.optional) next(at);
      break;
    }
  }
}

/** The end of the longest match of `pattern` starting at token `from` (`from` when none). */
function longestFrom(pattern: CompiledPattern, tokens: readonly Token[], from: number): number {
  let to = from;
  matchFrom(pattern.items, 0, tokens, from, (end) => {
    if (end > to) to = end;
  });
  return to;
}

export interface PatternMatch {
  /** Token index range [from, to). */
  from: number;
  to: number;
  start: number;
  end: number;
}

/** Longest, leftmost, non-overlapping matches of a pattern in a sentence. */
export function matchPattern(pattern: CompiledPattern, sentence: Sentence): PatternMatch[] {
  const { tokens } = sentence;
  const matches: PatternMatch[] = [];
  if (pattern.required.length > 0 && !sentenceWords(sentence).holdsOneOfEach(pattern.required)) return matches;
  for (let from = 0; from < tokens.length; from++) {
    if (pattern.first && !canStartWith(pattern.first, tokens[from]!)) continue;
    const to = longestFrom(pattern, tokens, from);
    if (to <= from) continue;
    matches.push({ from, to, start: tokens[from]!.start, end: tokens[to - 1]!.end });
    from = to - 1;
  }
  return matches;
}

export interface IndexedMatch<T> extends PatternMatch {
  value: T;
}

/**
 * Many patterns over one sentence. Each pattern is filed under the words it can start with, then
 * the words it can go on with; a sentence tries, at each token, only the patterns that can start
 * there and go on with the next token, so a table of hundreds of phrases costs about two lookups
 * per token (a pattern that can start anywhere, such as a team's "_ sucks", is tried at every
 * token). Matches come leftmost first, then longest (the more specific reading), then in table
 * order; each pattern's are longest and non-overlapping, as `matchPattern` gives them.
 */
export class PatternIndex<T> {
  private readonly patterns: CompiledPattern[] = [];
  private readonly values: T[] = [];
  /**
   * Entries by the id of a word they can start with: a dense array over every id known when the
   * table was built (its own words included), as reading one is cheaper than a Map lookup.
   */
  private readonly byFirstWord: Array<FirstWordEntries | undefined>;
  /** Patterns that start with a word prefix ("apologi*"), by the prefix's first character. */
  private readonly byFirstPrefix = new Map<string, Array<{ prefix: string; id: number }>>();
  private readonly anywhere: number[] = [];
  // Scratch for the sentence being matched, indexed by entry: a pattern's required words are
  // checked once per sentence, and its next match may not start before its last one ends.
  private readonly checkedIn: Uint32Array;
  private readonly viable: Uint8Array;
  private readonly nextFree: Int32Array;
  private call = 0;
  private readonly slot: number;

  constructor(entries: Iterable<readonly [CompiledPattern, T]>) {
    const byFirstWord = new Map<number, FirstWordEntries>();
    for (const [pattern, value] of entries) {
      const id = this.patterns.push(pattern) - 1;
      this.values.push(value);
      if (!pattern.first) {
        this.anywhere.push(id);
        continue;
      }
      for (const word of pattern.first.words) {
        let filed = byFirstWord.get(wordId(word));
        if (!filed) byFirstWord.set(wordId(word), (filed = { anySecond: [], bySecond: new Map() }));
        if (!pattern.second) filed.anySecond.push(id);
        for (const second of pattern.second ?? []) {
          const ids = filed.bySecond.get(wordId(second));
          if (ids) ids.push(id);
          else filed.bySecond.set(wordId(second), [id]);
        }
      }
      for (const prefix of pattern.first.prefixes) {
        const filed = this.byFirstPrefix.get(prefix[0]!) ?? [];
        filed.push({ prefix, id });
        this.byFirstPrefix.set(prefix[0]!, filed);
      }
    }
    const highest = Math.max(0, ...byFirstWord.keys());
    this.byFirstWord = Array.from({ length: highest + 1 }, (_, wordId) => byFirstWord.get(wordId));
    this.checkedIn = new Uint32Array(this.patterns.length);
    this.viable = new Uint8Array(this.patterns.length);
    this.nextFree = new Int32Array(this.patterns.length);
    this.slot = registerTable(byFirstWord.keys(), this.byFirstPrefix.size > 0 || this.anywhere.length > 0);
  }

  /** The longest match of every pattern at every word where it matches. */
  matches(sentence: Sentence): Array<IndexedMatch<T>> {
    const words = sentenceWords(sentence);
    const found: Array<IndexedMatch<T>> = [];
    if (!words.mayStart(this.slot)) return found;
    const { tokens } = sentence;
    const call: Call<T> = { tokens, words, found, foundIds: [] };
    this.call = (this.call + 1) >>> 0 || 1;
    for (let from = 0; from < tokens.length; from++) {
      const before = found.length;
      this.tryFiledAt(this.byFirstWord[words.norms[from]!], call, from);
      if (words.alts[from]! !== 0) this.tryFiledAt(this.byFirstWord[words.alts[from]!], call, from);
      if (this.byFirstPrefix.size > 0) this.tryPrefixesAt(call, from);
      this.tryEachAt(this.anywhere, call, from);
      if (found.length - before > 1) longestFirst(found, call.foundIds, before);
    }
    return found;
  }

  private tryFiledAt(filed: FirstWordEntries | undefined, call: Call<T>, from: number): void {
    if (filed === undefined) return;
    this.tryEachAt(filed.anySecond, call, from);
    if (filed.bySecond.size === 0 || from + 1 >= call.tokens.length) return;
    const { norms, alts } = call.words;
    this.tryEachAt(filed.bySecond.get(norms[from + 1]!), call, from);
    if (alts[from + 1] !== 0) this.tryEachAt(filed.bySecond.get(alts[from + 1]!), call, from);
  }

  private tryEachAt(ids: readonly number[] | undefined, call: Call<T>, from: number): void {
    if (ids === undefined) return;
    for (let index = 0; index < ids.length; index++) {
      const id = ids[index]!;
      // Most entries tried at a common word ("you") were ruled out earlier in the sentence.
      if (this.checkedIn[id] === this.call && (this.viable[id] === 0 || this.nextFree[id]! > from)) continue;
      this.tryAt(id, call, from);
    }
  }

  private tryPrefixesAt(call: Call<T>, from: number): void {
    const { norm, alt } = call.tokens[from]!;
    this.tryPrefixesOf(norm, call, from);
    if (alt !== undefined) this.tryPrefixesOf(alt, call, from);
  }

  private tryPrefixesOf(form: string, call: Call<T>, from: number): void {
    const filed = this.byFirstPrefix.get(form[0] ?? '');
    if (filed === undefined) return;
    for (const { prefix, id } of filed) if (form.startsWith(prefix)) this.tryAt(id, call, from);
  }

  private tryAt(id: number, call: Call<T>, from: number): void {
    const pattern = this.patterns[id]!;
    if (this.checkedIn[id] !== this.call) {
      this.checkedIn[id] = this.call;
      this.nextFree[id] = 0;
      this.viable[id] = pattern.required.length === 0 || call.words.holdsOneOfEach(pattern.required) ? 1 : 0;
    }
    if (this.viable[id] === 0 || this.nextFree[id]! > from) return;
    const { tokens, found, foundIds } = call;
    const to = longestFrom(pattern, tokens, from);
    // Not tried twice at one token, as a pattern filed under both forms of "'d" (would, had) would be.
    this.nextFree[id] = to > from ? to : from + 1;
    if (to <= from) return;
    found.push({ from, to, start: tokens[from]!.start, end: tokens[to - 1]!.end, value: this.values[id]! });
    foundIds.push(id);
  }
}

/**
 * The entries that start with one word, by the word they go on with: a token tries only those
 * that the next token can continue ("you failed to" is not tried at "you are").
 */
interface FirstWordEntries {
  /** Entries that can go on with any word, or end after the first. */
  anySecond: number[];
  bySecond: Map<number, number[]>;
}

/** One `matches` call: the sentence and what has been found in it so far. */
interface Call<T> {
  tokens: readonly Token[];
  words: SentenceWords;
  found: Array<IndexedMatch<T>>;
  /** The entry of each match in `found`. */
  foundIds: number[];
}

/** Order the matches found from index `from` on (all at one token): longest first, then in table order. */
function longestFirst<T>(found: Array<IndexedMatch<T>>, ids: number[], from: number): void {
  const order = ids
    .slice(from)
    .map((id, offset) => ({ id, match: found[from + offset]! }))
    .sort((a, b) => b.match.to - a.match.to || a.id - b.id);
  order.forEach(({ id, match }, offset) => {
    ids[from + offset] = id;
    found[from + offset] = match;
  });
}

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

type PatternItem =
  | { kind: 'word'; value: string; prefix: boolean; optional: boolean }
  | { kind: 'any'; optional: boolean }
  | { kind: 'gap' }
  | { kind: 'group'; alternatives: PatternItem[][]; optional: boolean; firsts?: Array<FirstWords | undefined> };

export interface CompiledPattern {
  source: string;
  items: PatternItem[];
  /** Words every match contains: a sentence without one of them cannot match. */
  required: string[];
  /** Words a match can start with; undefined when it can start with any word. */
  first?: FirstWords;
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

export function compilePattern(source: string): CompiledPattern {
  const trimmed = source.trim();
  if (trimmed === '') throw new PatternError('empty pattern');
  const alternatives = parseSequence(tokenize(trimmed), { index: 0 }, trimmed, 0);
  const items: PatternItem[] = alternatives.length === 1 ? alternatives[0]! : [{ kind: 'group', alternatives, optional: false }];
  indexAlternatives(items);
  const first = firstWords(items);
  const required = [...requiredWords(items)];
  return first ? { source: trimmed, items, required, first } : { source: trimmed, items, required };
}

/** Literal words present in every match of the sequence. */
function requiredWords(items: readonly PatternItem[]): Set<string> {
  const required = new Set<string>();
  for (const item of items) {
    if (item.kind === 'word' && !item.optional && !item.prefix) required.add(item.value);
    if (item.kind === 'group' && !item.optional) {
      const [first, ...others] = item.alternatives.map(requiredWords);
      for (const word of first ?? []) if (others.every((set) => set.has(word))) required.add(word);
    }
  }
  return required;
}

// Rules match many patterns against one sentence: its word set is built once.
const sentenceWords = new WeakMap<Sentence, Set<string>>();

/** Every normalised form in a sentence, for the required-words check. */
function wordsOf(sentence: Sentence): Set<string> {
  let words = sentenceWords.get(sentence);
  if (words) return words;
  words = new Set<string>();
  for (const token of sentence.tokens) {
    words.add(token.norm);
    if (token.alt !== undefined) words.add(token.alt);
  }
  sentenceWords.set(sentence, words);
  return words;
}

const hasAll = (words: ReadonlySet<string>, required: readonly string[]): boolean => required.every((word) => words.has(word));

/** Give every group the first words of each alternative, so matching skips the hopeless ones. */
function indexAlternatives(items: readonly PatternItem[]): void {
  for (const item of items) {
    if (item.kind !== 'group') continue;
    item.alternatives.forEach(indexAlternatives);
    item.firsts = item.alternatives.map((alternative) => firstWords(alternative));
  }
}

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
      const next = (position: number): void => matchFrom(items, index + 1, tokens, position, found);
      const token = tokens[at];
      for (let which = 0; which < item.alternatives.length; which++) {
        const first = item.firsts?.[which];
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
  if (pattern.required.length > 0 && !hasAll(wordsOf(sentence), pattern.required)) return matches;
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
 * Words of which every match of the sequence contains at least one: the smallest such set
 * found among its required items (a single long word is best), or undefined if none exists.
 */
function triggerWords(items: readonly PatternItem[]): Set<string> | undefined {
  let best: Set<string> | undefined;
  const better = (set: Set<string>): boolean =>
    !best || set.size < best.size || (set.size === 1 && best.size === 1 && [...set][0]!.length > [...best][0]!.length);
  for (const item of items) {
    let set: Set<string> | undefined;
    if (item.kind === 'word' && !item.optional && !item.prefix) set = new Set([item.value]);
    if (item.kind === 'group' && !item.optional) {
      const alternatives = item.alternatives.map(triggerWords);
      if (alternatives.every((alternative) => alternative !== undefined)) set = new Set(alternatives.flatMap((alternative) => [...alternative!]));
    }
    if (set && better(set)) best = set;
  }
  return best;
}

/**
 * Many patterns over one sentence. Each pattern is filed under its trigger words; a sentence
 * consults only the patterns filed under its own words, so a table of hundreds of phrases
 * costs about one lookup per distinct word.
 */
export class PatternIndex<T> {
  private readonly byTrigger = new Map<string, Array<[CompiledPattern, T]>>();
  private readonly unfiled: Array<[CompiledPattern, T]> = [];

  constructor(entries: Iterable<readonly [CompiledPattern, T]>) {
    for (const [pattern, value] of entries) {
      const triggers = triggerWords(pattern.items);
      if (!triggers) {
        this.unfiled.push([pattern, value]);
        continue;
      }
      for (const word of triggers) {
        const list = this.byTrigger.get(word) ?? [];
        list.push([pattern, value]);
        this.byTrigger.set(word, list);
      }
    }
  }

  /** The longest match of every pattern at every word where it matches. */
  matches(sentence: Sentence): Array<IndexedMatch<T>> {
    const words = wordsOf(sentence);
    const found: Array<IndexedMatch<T>> = [];
    const seen = new Set<CompiledPattern>();
    const consider = ([pattern, value]: readonly [CompiledPattern, T]): void => {
      if (seen.has(pattern)) return;
      seen.add(pattern);
      for (const match of matchPattern(pattern, sentence)) found.push({ ...match, value });
    };
    this.unfiled.forEach(consider);
    for (const word of words) this.byTrigger.get(word)?.forEach(consider);
    return found;
  }
}

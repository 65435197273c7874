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
  | { kind: 'group'; alternatives: PatternItem[][]; optional: boolean };

export interface CompiledPattern {
  source: string;
  items: PatternItem[];
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

export function compilePattern(source: string): CompiledPattern {
  const trimmed = source.trim();
  if (trimmed === '') throw new PatternError('empty pattern');
  const alternatives = parseSequence(tokenize(trimmed), { index: 0 }, trimmed, 0);
  const items: PatternItem[] = alternatives.length === 1 ? alternatives[0]! : [{ kind: 'group', alternatives, optional: false }];
  return { source: trimmed, items };
}

function wordMatches(item: { value: string; prefix: boolean }, token: Token): boolean {
  if (item.prefix) return token.norm.startsWith(item.value) || (token.alt?.startsWith(item.value) ?? false);
  return token.norm === item.value || token.alt === item.value;
}

/** Every token index at which `items` can end when matching starts at `at`. */
function ends(items: readonly PatternItem[], tokens: readonly Token[], at: number): number[] {
  if (items.length === 0) return [at];
  const [head, ...rest] = items as [PatternItem, ...PatternItem[]];
  const results: number[] = [];
  const continueFrom = (next: number): void => {
    for (const end of ends(rest, tokens, next)) results.push(end);
  };
  switch (head.kind) {
    case 'word': {
      const token = tokens[at];
      if (token && wordMatches(head, token)) continueFrom(at + 1);
      if (head.optional) continueFrom(at);
      break;
    }
    case 'any':
      if (at < tokens.length) continueFrom(at + 1);
      if (head.optional) continueFrom(at);
      break;
    case 'gap':
      for (let skip = 0; skip <= 3 && at + skip <= tokens.length; skip++) continueFrom(at + skip);
      break;
    case 'group':
      for (const alternative of head.alternatives) {
        for (const end of ends(alternative, tokens, at)) continueFrom(end);
      }
      if (head.optional) continueFrom(at);
      break;
  }
  return results;
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
  for (let from = 0; from < tokens.length; from++) {
    const to = Math.max(...ends(pattern.items, tokens, from));
    if (to <= from) continue;
    matches.push({ from, to, start: tokens[from]!.start, end: tokens[to - 1]!.end });
    from = to - 1;
  }
  return matches;
}

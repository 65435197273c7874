/**
 * Phrase rules are declarative: a table of word patterns, each with its message, rewrites
 * and exceptions. Teams extend a table with `add` and silence entries with `allow`, both
 * scoped to the one rule they configure.
 */
import { compilePattern, matchPattern, PatternError, PatternIndex, type CompiledPattern } from './phrases.js';
import type { Report, RuleMeta, RuleModule, RuleOptionsSpec } from './rule.js';
import type { Sentence } from './text.js';

export interface Phrase {
  /** One or more word patterns (see phrases.ts for the syntax). */
  pattern: string | string[];
  message: string;
  /** Rewrites of the matched words; the first letter follows the original's case. */
  expected?: string[];
  note?: string;
  /** Patterns that, found anywhere in the same sentence, mean the phrase is fine there. */
  unless?: string[];
}

export interface PhraseOptions {
  /** Team additions: a pattern string (with a generic message) or a full phrase entry. */
  add: Phrase[];
  /** Patterns whose matches this rule should not report. */
  allow: string[];
}

interface CompiledPhrase {
  phrase: Phrase;
  patterns: CompiledPattern[];
  unless: CompiledPattern[];
}

// Rules are created once per lint; their built-in tables are compiled once per process.
const compiledPhrases = new WeakMap<Phrase, CompiledPhrase>();

function compilePhrase(phrase: Phrase): CompiledPhrase {
  let compiled = compiledPhrases.get(phrase);
  if (!compiled) {
    const patterns = (Array.isArray(phrase.pattern) ? phrase.pattern : [phrase.pattern]).map(compilePattern);
    compiled = { phrase, patterns, unless: (phrase.unless ?? []).map(compilePattern) };
    compiledPhrases.set(phrase, compiled);
  }
  return compiled;
}

/** Give a rewrite the capitalisation of the words it replaces. */
export function matchCase(rewrite: string, original: string): string {
  if (rewrite === '') return rewrite;
  const first = original.charAt(0);
  if (first === first.toUpperCase() && first !== first.toLowerCase()) return rewrite.charAt(0).toUpperCase() + rewrite.slice(1);
  // "I", "I'm", "I've" stay capitalised mid-sentence.
  if (original === original.toLowerCase() && !/^I(?:$|[^\p{L}])/u.test(rewrite)) return rewrite.charAt(0).toLowerCase() + rewrite.slice(1);
  return rewrite;
}

function parsePhraseOptions(raw: unknown, defaultMessage: string): PhraseOptions {
  if (raw === undefined) return { add: [], allow: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('options must be an object with "add" and/or "allow"');
  const { add = [], allow = [], ...unknown } = raw as Record<string, unknown>;
  const extra = Object.keys(unknown)[0];
  if (extra !== undefined) throw new Error(`unknown option "${extra}" (expected "add" or "allow")`);
  if (!Array.isArray(add)) throw new Error('"add" must be a list of patterns or phrase entries');
  if (!Array.isArray(allow) || !allow.every((entry) => typeof entry === 'string')) throw new Error('"allow" must be a list of pattern strings');
  const phrases = add.map((entry, index): Phrase => {
    const phrase: Phrase | undefined =
      typeof entry === 'string'
        ? { pattern: entry, message: defaultMessage }
        : typeof entry === 'object' && entry !== null && (typeof entry.pattern === 'string' || Array.isArray(entry.pattern))
          ? { message: defaultMessage, ...entry }
          : undefined;
    if (!phrase) throw new Error(`"add[${index}]" must be a pattern string or an object with a "pattern"`);
    return phrase;
  });
  try {
    phrases.forEach(compilePhrase);
    allow.forEach((pattern) => compilePattern(pattern));
  } catch (error) {
    if (error instanceof PatternError) throw new Error(error.message);
    throw error;
  }
  return { add: phrases, allow: allow as string[] };
}

export function phraseOptionsSpec(defaultMessage: string): RuleOptionsSpec<PhraseOptions> {
  return { defaults: { add: [], allow: [] }, parse: (raw) => parsePhraseOptions(raw, defaultMessage) };
}

type SentenceMatcher = (sentence: Sentence) => Report[];

// Rules call phraseMatcher in create(), once per lint; the index is built once per table and options.
const matchers = new WeakMap<readonly Phrase[], WeakMap<PhraseOptions, SentenceMatcher>>();

/** A matcher for a phrase table: sentence in, reports out. */
export function phraseMatcher(phrases: readonly Phrase[], options: PhraseOptions): SentenceMatcher {
  let byOptions = matchers.get(phrases);
  if (!byOptions) matchers.set(phrases, (byOptions = new WeakMap()));
  let matcher = byOptions.get(options);
  if (!matcher) byOptions.set(options, (matcher = buildMatcher(phrases, options)));
  return matcher;
}

function buildMatcher(phrases: readonly Phrase[], options: PhraseOptions): SentenceMatcher {
  const compiled = [...phrases, ...options.add].map(compilePhrase);
  const index = new PatternIndex(compiled.flatMap((entry, order) => entry.patterns.map((pattern) => [pattern, order] as const)));
  const allowed = options.allow.map(compilePattern);
  return (sentence) => {
    // Earlier table entries win overlaps; within an entry, the leftmost match wins.
    const matches = index.matches(sentence).sort((a, b) => a.value - b.value || a.start - b.start || b.end - a.end);
    if (matches.length === 0) return [];
    const excepted = new Map<number, boolean>();
    const allowedSpans = allowed.flatMap((allow) => matchPattern(allow, sentence));
    const reports: Report[] = [];
    const taken: Array<[number, number]> = [];
    for (const match of matches) {
      const { phrase, unless } = compiled[match.value]!;
      if (!excepted.has(match.value)) excepted.set(match.value, unless.some((exception) => matchPattern(exception, sentence).length > 0));
      if (excepted.get(match.value)) continue;
      if (sentence.tokens.slice(match.from, match.to).some((token) => token.quoted)) continue;
      if (taken.some(([start, end]) => match.start < end && match.end > start)) continue;
      if (allowedSpans.some((span) => span.start <= match.start && span.end >= match.end)) continue;
      taken.push([match.start, match.end]);
      const actual = sentence.text.slice(match.start - sentence.start, match.end - sentence.start);
      const report: Report = { start: match.start, end: match.end, message: phrase.message.replace('{actual}', actual) };
      if (phrase.expected) report.expected = phrase.expected.map((rewrite) => matchCase(rewrite, actual));
      if (phrase.note) report.note = phrase.note;
      reports.push(report);
    }
    return reports.sort((a, b) => a.start - b.start);
  };
}

/** A rule whose whole behaviour is a phrase table (Vale's "existence"/"substitution"). */
export function definePhraseRule(meta: RuleMeta, phrases: readonly Phrase[]): RuleModule<PhraseOptions> {
  const options = phraseOptionsSpec(`${meta.description}: "{actual}"`);
  return {
    meta,
    options,
    create(context) {
      const match = phraseMatcher(phrases, context.options);
      return {
        sentence(sentence) {
          for (const report of match(sentence)) context.report(report);
        },
      };
    },
  };
}

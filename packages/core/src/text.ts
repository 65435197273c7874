/**
 * Sentence and word analysis of body paragraphs with retext-english, cached per paragraph
 * text so that an editor re-analyses only the paragraphs a keystroke changed.
 */
import type { Paragraph as NlcstParagraph, Root, Sentence as NlcstSentence } from 'nlcst';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import type { Placeholder } from './placeholders.js';
import { maskPlaceholders } from './placeholders.js';

/** A word as rules see it: lower-cased, apostrophes unified, contractions expanded. */
export interface Token {
  /** Normalised form ("i'm" yields two tokens, "i" and "am", sharing the word's range). */
  norm: string;
  /** A second reading of an ambiguous contraction ("'d" → would / had). */
  alt?: string;
  /** The word as written. */
  raw: string;
  start: number;
  end: number;
  /** Inside quotation marks: someone else's words, never flagged. */
  quoted: boolean;
  placeholder?: Placeholder;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
}

export interface AnalyzedParagraph {
  start: number;
  end: number;
  text: string;
  sentences: Sentence[];
}

const parser = unified().use(retextEnglish);

const CONTRACTION_SUFFIXES: ReadonlyArray<[RegExp, string[], string?]> = [
  [/^(can)'t$/u, ['can', 'not']],
  [/^(won)'t$/u, ['will', 'not']],
  [/^(shan)'t$/u, ['shall', 'not']],
  [/^(ain)'t$/u, ['is', 'not']],
  [/^(\p{L}+)n't$/u, ['$1', 'not']],
  [/^(\p{L}+)'ll$/u, ['$1', 'will']],
  [/^(\p{L}+)'re$/u, ['$1', 'are']],
  [/^(\p{L}+)'ve$/u, ['$1', 'have']],
  [/^(i)'m$/u, ['i', 'am']],
  [/^(\p{L}+)'d$/u, ['$1', 'would'], 'had'],
  [/^(let)'s$/u, ['let', 'us']],
  [/^(it|that|there|here|what|who|where|he|she|how|this|everything|nothing|something)'s$/u, ['$1', 'is'], 'has'],
];

/** Lower-case, unify apostrophes, and expand contractions into their words. */
export function normalizeWord(raw: string): Array<{ norm: string; alt?: string }> {
  const lower = raw.toLowerCase();
  return isOneWord(lower) ? [{ norm: lower }] : wordsOf(lower);
}

/** Whether a lower-cased word is its own normal form: most are, and they skip the contraction table. */
function isOneWord(lower: string): boolean {
  return lower !== 'cannot' && !/['’‘ʼ`´]/u.test(lower);
}

function wordsOf(lower: string): Array<{ norm: string; alt?: string }> {
  // "cannot" is "can't" spelled out: patterns say "can not" for all three.
  if (lower === 'cannot') return [{ norm: 'can' }, { norm: 'not' }];
  const word = lower.replace(/[’‘ʼ`´]/gu, "'");
  for (const [pattern, parts, alt] of CONTRACTION_SUFFIXES) {
    const match = pattern.exec(word);
    if (!match) continue;
    return parts.map((part, index) => {
      const norm = part.replace('$1', match[1] ?? '');
      return index === parts.length - 1 && alt ? { norm, alt } : { norm };
    });
  }
  return [{ norm: word }];
}

// Quotation marks that open and close someone else's words inside a paragraph.
const QUOTE_PAIRS: Record<string, string> = { '"': '"', '“': '”', '„': '“', '«': '»', '‘': '’' };

const QUOTE_MARK = /["“„«‘]/u;

/** Offsets [start, end) of quoted spans inside a paragraph (balanced marks only). */
function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!QUOTE_MARK.test(text)) return spans;
  for (let index = 0; index < text.length; index++) {
    const open = text[index]!;
    const close = QUOTE_PAIRS[open];
    if (!close) continue;
    // A ‘ that follows a letter is an apostrophe, not an opening mark.
    if (open === '‘' && index > 0 && /\p{L}/u.test(text[index - 1]!)) continue;
    let end = text.indexOf(close, index + 1);
    while (close === '’' && end >= 0 && /\p{L}/u.test(text[end + 1] ?? '')) end = text.indexOf(close, end + 1);
    if (end < 0) continue;
    spans.push([index, end + 1]);
    index = end;
  }
  return spans;
}

function analyzeSentence(node: NlcstSentence, source: string, quotes: Array<[number, number]>, offset: number): Sentence {
  const start = node.position!.start.offset!;
  const end = node.position!.end.offset!;
  const tokens: Token[] = [];
  for (const child of node.children) {
    if (child.type !== 'WordNode') continue;
    const wordStart = child.position!.start.offset!;
    const wordEnd = child.position!.end.offset!;
    // A word node's text is exactly its span of the source (nlcst keeps every character).
    const raw = source.slice(wordStart, wordEnd);
    const quoted = quotes.length > 0 && quotes.some(([from, to]) => wordStart >= from && wordEnd <= to);
    // normalizeWord inlined for the common word: no forms to allocate (once per word of every reply).
    const lower = raw.toLowerCase();
    if (isOneWord(lower)) {
      tokens.push({ norm: lower, raw, start: wordStart + offset, end: wordEnd + offset, quoted });
      continue;
    }
    for (const form of wordsOf(lower)) {
      const token: Token = { norm: form.norm, raw, start: wordStart + offset, end: wordEnd + offset, quoted };
      if (form.alt) token.alt = form.alt;
      tokens.push(token);
    }
  }
  return { start: start + offset, end: end + offset, text: source.slice(start, end), tokens };
}

/** A paragraph's sentences, with offsets for the paragraph placed at `start`. */
interface PlacedSentences {
  start: number;
  sentences: Sentence[];
}

function analyzeText(masked: string, start: number): PlacedSentences {
  const tree = parser.parse(masked) as Root;
  const quotes = quotedSpans(masked);
  const sentences: Sentence[] = [];
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of (paragraph as NlcstParagraph).children) {
      if (sentence.type === 'SentenceNode') sentences.push(analyzeSentence(sentence, masked, quotes, start));
    }
  }
  return { start, sentences };
}

const CACHE_LIMIT = 2000;
const cache = new Map<string, PlacedSentences>();

/** The analysis of a paragraph's text, placed wherever that text was first seen. */
function cachedAnalysis(masked: string, start: number): PlacedSentences {
  const hit = cache.get(masked);
  if (hit) {
    // Refresh recency: Map iteration order is insertion order.
    cache.delete(masked);
    cache.set(masked, hit);
    return hit;
  }
  const analysed = analyzeText(masked, start);
  cache.set(masked, analysed);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return analysed;
}

/**
 * Analyse the span [start, end) of `text` as one paragraph. Placeholders become opaque
 * tokens; every offset in the result points into `text`. A paragraph seen before in the same
 * place (an editor's unchanged paragraphs) gets the same sentences back, which no one changes.
 */
export function analyzeParagraph(text: string, start: number, end: number, placeholders: readonly Placeholder[]): AnalyzedParagraph {
  const inside = placeholders.filter((p) => p.start >= start && p.end <= end);
  const source = text.slice(start, end);
  const masked = inside.length === 0 ? source : maskPlaceholders(source, inside.map((p) => ({ ...p, start: p.start - start, end: p.end - start })));
  const analysed = cachedAnalysis(masked, start);
  if (analysed.start === start && inside.length === 0) return { start, end, text: source, sentences: analysed.sentences };
  const shift = start - analysed.start;
  const sentences = analysed.sentences.map((sentence) => ({
    start: sentence.start + shift,
    end: sentence.end + shift,
    // The masked text's sentences read placeholders as masks: the reply's own words are shown.
    text: inside.length === 0 ? sentence.text : text.slice(sentence.start + shift, sentence.end + shift),
    tokens: sentence.tokens.map((token) => {
      const placed: Token = { norm: token.norm, raw: token.raw, start: token.start + shift, end: token.end + shift, quoted: token.quoted };
      if (token.alt) placed.alt = token.alt;
      // A word that holds a placeholder ("{{first_name}}", "no.{{order.id}}") is opaque as a whole.
      const placeholder = inside.length > 0 ? inside.find((p) => p.start < placed.end && p.end > placed.start) : undefined;
      if (placeholder) {
        placed.placeholder = placeholder;
        placed.raw = text.slice(placed.start, placed.end);
        placed.norm = '{placeholder}';
      }
      return placed;
    }),
  }));
  return { start, end, text: source, sentences };
}

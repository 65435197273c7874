/**
 * The words that patterns name, as small integers. A sentence's tokens are looked up once, so
 * the many pattern tables matched against one sentence compare integers and test bits instead
 * of hashing strings again for every table.
 */
import type { Sentence } from './text.js';

/** Word → id, from 1; a word no pattern names has no id (0 in a sentence's ids). */
const ids = new Map<string, number>();

// Pattern tables ("slots") by the words their patterns can start with: most tables cannot
// start anywhere in a given sentence, and one look at the sentence's words says so. Sets of
// tables are bit sets (BITS_PER_WORD tables per element).
let slotCount = 0;
/** By word id: the tables that file patterns under the word (a bit set). */
const slotsStartingWith: Array<number[] | undefined> = [];
/** Tables with a pattern that starts with a word prefix or any word, not filed by word (a bit set). */
const slotsStartingAnywhere: number[] = [];
/** Bumped by every new word id or table, so sentences looked up before are looked up again. */
let generation = 0;

export function wordId(word: string): number {
  let id = ids.get(word);
  if (id === undefined) {
    ids.set(word, (id = ids.size + 1));
    generation++;
  }
  return id;
}

/** A new table whose patterns can start with these words (`anywhere`: or with any word); its slot. */
export function registerTable(firstWords: Iterable<number>, anywhere: boolean): number {
  const slot = slotCount++;
  generation++;
  if (anywhere) setBit(slotsStartingAnywhere, slot);
  for (const id of new Set(firstWords)) setBit((slotsStartingWith[id] ??= []), slot);
  return slot;
}

function setBit(bits: number[], bit: number): void {
  const element = (bit / BITS_PER_WORD) | 0;
  while (bits.length <= element) bits.push(0);
  bits[element]! |= 1 << bit % BITS_PER_WORD;
}

/** A sentence's tokens as word ids (0: named by no pattern), and what it holds. */
export class SentenceWords {
  // Plain arrays, not typed ones: a typed array of more than 64 bytes is allocated outside the
  // JavaScript heap, which costs far more than the lookups it would speed up.
  /** The id of each token's normalised form, and of its second reading ("'d": would, had). */
  readonly norms: number[];
  readonly alts: number[];
  /** Words and tables added since these were looked up may be missing from them. */
  readonly generation = generation;
  private startable: number[] | undefined;
  private bits: number[] | undefined;

  constructor(sentence: Sentence) {
    const { tokens } = sentence;
    this.norms = new Array<number>(tokens.length);
    this.alts = new Array<number>(tokens.length);
    for (let index = 0; index < tokens.length; index++) {
      const { norm, alt } = tokens[index]!;
      this.norms[index] = ids.get(norm) ?? 0;
      this.alts[index] = alt === undefined ? 0 : (ids.get(alt) ?? 0);
    }
  }

  /** Whether a pattern of the table in `slot` can start at any token of the sentence. */
  mayStart(slot: number): boolean {
    const startable = (this.startable ??= this.findStartable());
    return ((startable[(slot / BITS_PER_WORD) | 0] ?? 0) & (1 << slot % BITS_PER_WORD)) !== 0;
  }

  private findStartable(): number[] {
    const startable = [...slotsStartingAnywhere];
    const mark = (id: number): void => {
      const slots = slotsStartingWith[id];
      if (slots === undefined) return;
      for (let element = 0; element < slots.length; element++) startable[element] = (startable[element] ?? 0) | slots[element]!;
    };
    this.norms.forEach(mark);
    this.alts.forEach(mark);
    return startable;
  }

  /** Whether the sentence holds at least one word of each list (lists made by `wordBitList`). */
  holdsOneOfEach(lists: readonly WordBitList[]): boolean {
    // One bit per word id, set for the sentence's words: built once, on the first question.
    // Every id in a list is older than the sentence's generation, so its element is in range.
    const bits = (this.bits ??= this.wordBits());
    for (const list of lists) {
      let holds = false;
      for (let index = 0; index < list.length && !holds; index += 2) holds = (bits[list[index]!]! & list[index + 1]!) !== 0;
      if (!holds) return false;
    }
    return true;
  }

  private wordBits(): number[] {
    const bits = new Array<number>(((ids.size / BITS_PER_WORD) | 0) + 1).fill(0);
    const set = (id: number): void => {
      if (id !== 0) bits[(id / BITS_PER_WORD) | 0]! |= 1 << id % BITS_PER_WORD;
    };
    this.norms.forEach(set);
    this.alts.forEach(set);
    return bits;
  }
}

// Bits per element of a plain array that stay small integers (V8 stores those unboxed).
const BITS_PER_WORD = 30;

/** Alternative words as each one's element of a sentence's bit set, then its bit: [element, mask, element, mask…]. */
export type WordBitList = readonly number[];

export function wordBitList(words: readonly number[]): WordBitList {
  return words.flatMap((id) => [(id / BITS_PER_WORD) | 0, 1 << id % BITS_PER_WORD]);
}

// Kept on the sentence itself: every pattern table asks for it, and a WeakMap lookup per table
// per sentence cost more than the lookups it saves.
const WORDS = Symbol('sentence words');

export function sentenceWords(sentence: Sentence & { [WORDS]?: SentenceWords }): SentenceWords {
  let words = sentence[WORDS];
  if (!words || words.generation !== generation) sentence[WORDS] = words = new SentenceWords(sentence);
  return words;
}

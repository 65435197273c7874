/**
 * The words that patterns name, as small integers. A sentence's tokens are looked up once, so
 * the many pattern tables matched against one sentence compare integers and test bits instead
 * of hashing strings again for every table.
 */
import type { Sentence } from './text.js';

/** Word → id, from 1; a word no pattern names has no id (0 in a sentence's ids). */
const ids = new Map<string, number>();

// Pattern tables ("slots") by the words their patterns can start with: most tables cannot
// start anywhere in a given sentence, and one look at the sentence's words says so.
let slotCount = 0;
const slotsStartingWith = new Map<number, number[]>();
/** Tables with a pattern that starts with a word prefix or any word: not filed by word. */
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
  if (anywhere) slotsStartingAnywhere.push(slot);
  for (const id of new Set(firstWords)) {
    const slots = slotsStartingWith.get(id);
    if (slots) slots.push(slot);
    else slotsStartingWith.set(id, [slot]);
  }
  return slot;
}

/** A sentence's tokens as word ids (0: named by no pattern), and what it holds. */
export class SentenceWords {
  /** The id of each token's normalised form, and of its second reading ("'d": would, had). */
  readonly norms: Int32Array;
  readonly alts: Int32Array;
  /** Words and tables added since these were looked up may be missing from them. */
  readonly generation = generation;
  private startable: Uint8Array | undefined;
  private bits: Uint32Array | undefined;

  constructor(sentence: Sentence) {
    const { tokens } = sentence;
    this.norms = new Int32Array(tokens.length);
    this.alts = new Int32Array(tokens.length);
    tokens.forEach((token, index) => {
      this.norms[index] = ids.get(token.norm) ?? 0;
      if (token.alt !== undefined) this.alts[index] = ids.get(token.alt) ?? 0;
    });
  }

  /** Whether a pattern of the table in `slot` can start at any token of the sentence. */
  mayStart(slot: number): boolean {
    if (!this.startable) {
      const startable = new Uint8Array(slotCount);
      for (const anywhere of slotsStartingAnywhere) startable[anywhere] = 1;
      for (const words of [this.norms, this.alts]) {
        for (const id of words) {
          for (const table of slotsStartingWith.get(id) ?? []) startable[table] = 1;
        }
      }
      this.startable = startable;
    }
    return this.startable[slot] === 1;
  }

  /** Whether the sentence holds at least one word of each list. */
  holdsOneOfEach(lists: readonly (readonly number[])[]): boolean {
    // One bit per word id, set for the sentence's words: built once, on the first question.
    const bits = (this.bits ??= this.wordBits());
    for (const list of lists) {
      let holds = false;
      for (let index = 0; index < list.length && !holds; index++) {
        const id = list[index]!;
        holds = ((bits[id >>> 5] ?? 0) & (1 << (id & 31))) !== 0;
      }
      if (!holds) return false;
    }
    return true;
  }

  private wordBits(): Uint32Array {
    const bits = new Uint32Array((ids.size >>> 5) + 1);
    for (const words of [this.norms, this.alts]) {
      for (const id of words) if (id !== 0) bits[id >>> 5]! |= 1 << (id & 31);
    }
    return bits;
  }
}

const cache = new WeakMap<Sentence, SentenceWords>();

export function sentenceWords(sentence: Sentence): SentenceWords {
  let words = cache.get(sentence);
  if (!words || words.generation !== generation) cache.set(sentence, (words = new SentenceWords(sentence)));
  return words;
}

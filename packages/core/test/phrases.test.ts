import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeParagraph, compilePattern, findPlaceholders, matchPattern, normalizeWord, PatternError, type Sentence } from '../src/index.js';
import { PatternIndex } from '../src/phrases.js';

function sentence(text: string): Sentence {
  return analyzeParagraph(text, 0, text.length, [])!.sentences[0]!;
}

function matches(pattern: string, text: string): string[] {
  return matchPattern(compilePattern(pattern), sentence(text)).map((match) => text.slice(match.start, match.end));
}

describe('normalizeWord', () => {
  it('expands contractions and unifies apostrophes', () => {
    expect(normalizeWord("Don’t").map((form) => form.norm)).toEqual(['do', 'not']);
    expect(normalizeWord("can't").map((form) => form.norm)).toEqual(['can', 'not']);
    expect(normalizeWord('Cannot').map((form) => form.norm)).toEqual(['can', 'not']);
    expect(normalizeWord("won't").map((form) => form.norm)).toEqual(['will', 'not']);
    expect(normalizeWord("I'm").map((form) => form.norm)).toEqual(['i', 'am']);
    expect(normalizeWord("we'll").map((form) => form.norm)).toEqual(['we', 'will']);
    expect(normalizeWord("you'd")).toEqual([{ norm: 'you' }, { norm: 'would', alt: 'had' }]);
    expect(normalizeWord("that's")).toEqual([{ norm: 'that' }, { norm: 'is', alt: 'has' }]);
  });

  it('leaves possessives alone', () => {
    expect(normalizeWord("Marcus's")).toEqual([{ norm: "marcus's" }]);
  });
});

describe('word patterns', () => {
  it('matches regardless of case, curly apostrophes and contractions', () => {
    expect(matches('there is nothing i can do', 'THERE’S nothing I can do, sorry.')).toEqual(['THERE’S nothing I can do']);
    expect(matches("you should've read", 'You should have read it.')).toEqual(['You should have read']);
  });

  it('supports alternatives, optional groups and optional words', () => {
    const pattern = 'as i (already)? (said|told you) (on the phone)?';
    expect(matches(pattern, 'As I already told you on the phone, no.')).toEqual(['As I already told you on the phone']);
    expect(matches(pattern, 'As I said, no.')).toEqual(['As I said']);
    expect(matches('per my last? email', 'Per my email, yes.')).toEqual(['Per my email']);
  });

  it('supports one-word wildcards, gaps and prefixes', () => {
    expect(matches('we _ your business', 'We value your business.')).toEqual(['We value your business']);
    expect(matches('we * business', 'We truly value your business.')).toEqual(['We truly value your business']);
    expect(matches('we * business', 'We one two three four business.')).toEqual([]);
    expect(matches('apologi* for', 'We apologise for the delay.')).toEqual(['apologise for']);
  });

  it('prefers the longest match and does not overlap', () => {
    expect(matches('(calm|calm down)', 'Calm down, calm.')).toEqual(['Calm down', 'calm']);
  });

  it('never matches across sentences', () => {
    const text = 'As I said. On the phone.';
    const sentences = analyzeParagraph(text, 0, text.length, []).sentences;
    const pattern = compilePattern('as i said on the phone');
    expect(sentences.flatMap((s) => matchPattern(pattern, s))).toEqual([]);
  });

  it('rejects malformed patterns with a reason', () => {
    expect(() => compilePattern('(as i said')).toThrow(PatternError);
    expect(() => compilePattern('as i said)')).toThrow(/unexpected "\)"/u);
    expect(() => compilePattern('   ')).toThrow(/empty pattern/u);
  });
});

describe('paragraph analysis', () => {
  it('keeps offsets into the original text, with placeholders as opaque tokens', () => {
    const text = 'Intro.\r\n\r\nHi {{ticket.requester.first_name}}, I’ll call you 🙂 today.';
    const start = text.indexOf('Hi');
    const paragraph = analyzeParagraph(text, start, text.length, findPlaceholders(text));
    for (const token of paragraph.sentences.flatMap((s) => s.tokens)) {
      expect(text.slice(token.start, token.end)).toBe(token.placeholder ? token.placeholder.raw : token.raw);
    }
    const placeholder = paragraph.sentences[0]!.tokens.find((token) => token.placeholder);
    expect(placeholder?.norm).toBe('{placeholder}');
    expect(paragraph.sentences[0]!.tokens.map((token) => token.norm)).toContain('will');
  });

  it('marks words inside quotation marks as quoted', () => {
    const quoted = sentence('You wrote “obviously broken” and I agree.').tokens.filter((token) => token.quoted).map((token) => token.raw);
    expect(quoted).toEqual(['obviously', 'broken']);
    const apostrophes = sentence('It’s the customer’s order.').tokens.filter((token) => token.quoted);
    expect(apostrophes).toEqual([]);
  });
});

describe('matchCase', () => {
  it('follows the capitalisation of the replaced words, but keeps "I" upper-case', async () => {
    const { matchCase } = await import('../src/index.js');
    expect(matchCase('to recap', 'As I said')).toBe('To recap');
    expect(matchCase('To recap', 'as i said')).toBe('to recap');
    expect(matchCase('I understand how frustrating this is', 'please calm down')).toBe('I understand how frustrating this is');
    expect(matchCase("I'm sorry to say that", 'we regret to inform you that')).toBe("I'm sorry to say that");
    expect(matchCase('It looks like', 'It Failed')).toBe('It looks like');
  });
});

describe('pattern tables', () => {
  const table = (sources: string[]) => new PatternIndex(sources.map((source, order) => [compilePattern(source), order] as const));

  it('gives matches leftmost first, then the longest, then in table order', () => {
    const text = 'They will be happy to help you, and we will call.';
    const found = table(['(they|we) will _', '(they|we) will be happy to _', 'happy to']).matches(sentence(text));
    expect(found.map((match) => [text.slice(match.start, match.end), match.value])).toEqual([
      ['They will be happy to help', 1],
      ['They will be', 0],
      ['happy to', 2],
      ['we will call', 0],
    ]);
  });

  it('finds patterns that start with a word prefix or with any word', () => {
    const text = 'We apologise; this product sucks.';
    const found = table(['apologi*', '_ sucks']).matches(sentence(text));
    expect(found.map((match) => text.slice(match.start, match.end))).toEqual(['apologise', 'product sucks']);
  });

  // The table files each pattern under the words it can start with and skips sentences
  // without its required words: it must find exactly what matching each pattern alone finds.
  it('finds what each of its patterns finds alone (fast-check)', () => {
    const word = fc.constantFrom('we', 'i', 'you', 'will', "we'll", "you'd", 'had', 'would', 'sent', 'shipped', 'it', 'to', 'apologise', 'sorry', 'not', 'can', 'cannot');
    const item = fc.oneof(
      word,
      word.map((w) => `${w}?`),
      fc.constantFrom('_', '_?', '*', 'apolog*', 'sen*'),
      fc.tuple(word, word).map(([a, b]) => `(${a}|${b} ${a})`),
      fc.tuple(word, word).map(([a, b]) => `(${a} ${b})?`),
    );
    const pattern = fc.array(item, { minLength: 1, maxLength: 4 }).map((items) => items.join(' '));
    const text = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => `${words.join(' ')}.`);
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 6 }), text, (sources, prose) => {
        const analysed = sentence(prose);
        const alone = sources.flatMap((source, order) => matchPattern(compilePattern(source), analysed).map((match) => ({ ...match, value: order })));
        const key = (match: { from: number; to: number; value: number }) => `${match.value}:${match.from}-${match.to}`;
        expect(table(sources).matches(analysed).map(key).sort()).toEqual(alone.map(key).sort());
      }),
    );
  });
});

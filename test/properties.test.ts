/**
 * Property tests: for any input — random unicode (surrogate pairs, lone surrogates), mixed
 * line breaks, tabs, very long lines, the empty string, and reply-shaped texts assembled from
 * greetings, bodies, closings, signatures and quoted history — the pipeline never throws and
 * every position it hands out points at the text it claims, in the original input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeReply, applyFixes, findPlaceholders, fixUntilStable, lint, MAX_FIX_PASSES, parseEmail, type EmailModel, type Fix, type LintMessage, type Region } from '../packages/core/src/index.js';
import { maskPlaceholders } from '../packages/core/src/placeholders.js';

// ---------------------------------------------------------------------------------------------
// Positions, computed independently of vfile-location

/** Offsets just after each line break: LF, CR, and CRLF counted once. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) starts.push(index + 1);
  }
  return starts;
}

/** 1-based line and column (in UTF-16 units) of `offset`. */
function pointAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  return { line: line + 1, column: offset - starts[line]! + 1 };
}

function regionsOf(model: EmailModel): Region[] {
  return [model.greeting, ...model.body, model.closing, ...model.signature, ...model.quoted].filter((region): region is Region => region !== undefined);
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && a.end > b.start;

// ---------------------------------------------------------------------------------------------
// Checks shared by the properties

function checkMessage(text: string, starts: readonly number[], message: LintMessage): void {
  const { startOffset: start, endOffset: end } = message;
  expect(Number.isInteger(start) && Number.isInteger(end), `${message.ruleId}: integer offsets`).toBe(true);
  expect(0 <= start && start <= end && end <= text.length, `${message.ruleId}: ${start}-${end} within 0-${text.length}`).toBe(true);
  expect(message.actual, `${message.ruleId}: actual is the text at its range`).toBe(text.slice(start, end));
  const place = message.place as { start: { line: number; column: number }; end: { line: number; column: number } };
  expect({ line: message.line, column: message.column }, `${message.ruleId}: line/column of ${start}`).toEqual(pointAt(starts, start));
  expect({ line: place.start.line, column: place.start.column }).toEqual(pointAt(starts, start));
  expect({ line: place.end.line, column: place.end.column }, `${message.ruleId}: endLine/endColumn of ${end}`).toEqual(pointAt(starts, end));
}

function checkModel(text: string, model: EmailModel): void {
  const regions = regionsOf(model).sort((a, b) => a.start - b.start || a.end - b.end);
  for (const region of regions) {
    expect(0 <= region.start && region.start <= region.end && region.end <= text.length, `${region.kind} ${region.start}-${region.end} within the input`).toBe(true);
    expect(region.text, `${region.kind} text is the slice at its range`).toBe(text.slice(region.start, region.end));
  }
  for (let index = 1; index < regions.length; index++) {
    const [previous, next] = [regions[index - 1]!, regions[index]!];
    expect(overlaps(previous, next), `${previous.kind} ${previous.start}-${previous.end} overlaps ${next.kind} ${next.start}-${next.end}`).toBe(false);
  }
  for (const placeholder of model.placeholders) expect(placeholder.raw).toBe(text.slice(placeholder.start, placeholder.end));
}

/** Sentences lie in their paragraph and tokens in their sentence, each at the text it carries. */
function checkAnalysis(text: string): void {
  for (const paragraph of analyzeReply(text).paragraphs) {
    expect(paragraph.text).toBe(text.slice(paragraph.start, paragraph.end));
    for (const sentence of paragraph.sentences) {
      expect(paragraph.start <= sentence.start && sentence.start <= sentence.end && sentence.end <= paragraph.end).toBe(true);
      expect(sentence.text).toBe(text.slice(sentence.start, sentence.end));
      for (const token of sentence.tokens) {
        expect(sentence.start <= token.start && token.start <= token.end && token.end <= sentence.end).toBe(true);
        // A word holding a placeholder ("{{first_name}}'s", "no.{{order.id}}") is opaque as a whole.
        if (token.placeholder) expect(token.placeholder.start < token.end && token.placeholder.end > token.start).toBe(true);
        expect(token.raw, `token at ${token.start}-${token.end}`).toBe(text.slice(token.start, token.end));
      }
    }
  }
}

/** Lint `text` and check every message against the input and the quoted history. */
async function checkLint(text: string): Promise<LintMessage[]> {
  const { messages, model } = await lint(text);
  const starts = lineStarts(text);
  for (const message of messages) {
    checkMessage(text, starts, message);
    for (const quote of model.quoted) {
      expect(overlaps({ start: message.startOffset, end: message.endOffset }, quote), `${message.ruleId} "${message.actual}" inside quoted history`).toBe(false);
    }
  }
  return messages;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const lineBreak = fc.constantFrom('\n', '\r\n', '\r');
const whitespace = fc.constantFrom('\t', ' ', '  ', '\u00a0', '\u2028', '\f', '\v');
const asciiWord = fc.constantFrom('sorry', 'calm', 'down', 'soon', 'Thanks', 'regards', 'Kai', 'wrote:', 'On', '>', '--', '{{', '}}', '[', ']', '%{', '#{', "I'll", 'don’t', '.', ',', '!', '?');

/** Random text over the whole of UTF-16: astral characters, lone surrogates, breaks, tabs, email markers. */
const unicodeText = fc.string({
  unit: fc.oneof(
    { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 4 },
    { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), weight: 3 },
    { arbitrary: loneSurrogate, weight: 1 },
    { arbitrary: lineBreak, weight: 2 },
    { arbitrary: whitespace, weight: 2 },
    { arbitrary: asciiWord.map((word) => `${word} `), weight: 3 },
  ),
  maxLength: 200,
  size: 'medium',
});

const GREETINGS = [
  'Hi Marcus,',
  'Dear Ms. Okafor,',
  'Hello,',
  'Hey there',
  'Hi {{ticket.requester.first_name}},',
  'Hi {{customer.first_name | fallback: "there"}},',
  'Hello {%customer.firstName,fallback=there%},',
  'Dear [Customer Name],',
  'Hallo Jürgen,',
  'Xin chào chị Lan,',
  'Good morning team',
  'Hi 👋 Priya!',
  'Welcome back, Ana',
];
const SENTENCES = [
  // rude
  'As I said on the phone, you should have read the manual.',
  'Per my last email, the refund was already issued.',
  'Like I told you, calm down.',
  "That's not my department, and there's nothing I can do.",
  'Obviously you failed to restart the router.',
  'Our records show that you never paid the invoice.',
  'Clearly you did not read the instructions.',
  // canned
  'We have received your request and it is being processed.',
  'We apologize for any inconvenience this may have caused.',
  'Your feedback is important to us.',
  'Please be advised that we value your business.',
  'Please direct all inquiries through our website.',
  'Thanks for reaching out!',
  // commitments, vague and concrete
  'We will look into it and get back to you.',
  "I'll keep you posted.",
  'Someone will be in touch shortly.',
  'You will receive an email once it is processed.',
  'The courier will collect it within 24 hours.',
  'I will call you by Friday between 9 and 11 am.',
  "If you'd prefer a replacement, reply and I'll switch it.",
  // specifics, apologies, refusals
  'I refunded £6.95 to your card, reference RF-20931.',
  'Your order {{order.id}} left our warehouse today.',
  'Ticket %{ticket.number} is now assigned to #{ticket.owner}.',
  'Sorry again for the inconvenience.',
  'Unfortunately, this is the best we can offer.',
  'He said "you should have known" and left.',
  // other scripts and symbols
  'Das Paket kommt morgen — versprochen 📦.',
  '「ありがとうございます」と彼は言った。',
  'Ваш заказ отправлен сегодня.',
  'مرحبا، تم شحن طلبك.',
  'The code is E4 (see p. 14) → restart; 50% off!!! 🙌🏽',
  '1. Open {{Website Name}}.',
  '- Reset your password.',
];
const CLOSINGS = ['Best regards,', 'Thanks,', 'Cheers,', 'Warmly,', 'Talk soon,', 'Viele Grüße,', 'Enjoy your weekend!', 'Cheers, Kai', 'Sorry again,', 'Thanks again for your patience,', 'Best — Kai Andersen'];
const SIGNATURES = [
  'Kai Andersen',
  'Nguyễn Thị Lan\nCustomer Care, Brightside Appliances',
  '-- \nZhang Wei\n+44 20 7946 0958',
  '– Kai Andersen, Support',
  'Customer Care Team',
  '{{current_user.first_name}}',
  '[Your name]',
  'Support',
  'Oluwaseun Bakare | Acme Inc.',
  'Siobhan Murphy\nwww.example.com\n\nSent from my iPhone',
  'P.S. I will send the label tomorrow.',
];
const QUOTES = [
  '> I want a refund now.\n> As I said on the phone, calm down.',
  'On Tue, 3 Mar 2024 at 10:12, Marcus Lee <marcus@example.com> wrote:\n> Per my last email, you should have shipped it.\n> We will get back to you soon.',
  'On Tue, 3 Mar 2024 at 10:12, Marcus Lee\n<marcus@example.com> wrote:\n\nObviously you failed to refund me.',
  '-----Original Message-----\nFrom: Marcus Lee\nSent: Monday\nTo: support@acme.com\nSubject: refund\n\nObviously you failed to refund me. We apologize for any inconvenience.',
  'Begin forwarded message:\n\nFrom: Ana\nDate: Friday\nSubject: help\n\nCalm down. Someone will be in touch shortly.',
  'From: Customer <c@example.com>\nSent: today\nTo: us\nSubject: help\nYou should have read my email. Sorry again for the inconvenience.',
  'Am 3. März 2024 schrieb Jürgen Weiß <jw@example.de>:\n> Das ist nicht meine Abteilung.',
];

/** A sentence: mostly a known phrase, sometimes random text or a phrase with random text spliced in. */
const sentence = fc.oneof(
  { arbitrary: fc.constantFrom(...SENTENCES), weight: 6 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom(...SENTENCES), unicodeText).map(([phrase, noise]) => `${noise.slice(0, 20)}${phrase}`), weight: 1 },
);
/** A body paragraph: sentences on one line or broken across lines, possibly indented by tabs. */
const paragraph = fc
  .tuple(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', '\n', '  ', '\t'), fc.constantFrom('', '\t', '    '))
  .map(([sentences, glue, indent]) => indent + sentences.join(glue));
const optional = (values: readonly string[]): fc.Arbitrary<string | undefined> => fc.option(fc.constantFrom(...values), { nil: undefined, freq: 4 });

interface GeneratedReply {
  text: string;
  /** Where the generator put quoted history: any message there is wrong, whatever the model says. */
  quotedSpans: Array<{ start: number; end: number }>;
}

/**
 * A reply: greeting, body paragraphs (with an inline `>` quote between them sometimes),
 * closing, signature, quoted history; every line break then replaced by LF, CRLF or CR in a
 * generated mix, some lines with trailing tabs or spaces.
 */
const reply: fc.Arbitrary<GeneratedReply> = fc
  .record({
    greeting: optional(GREETINGS),
    body: fc.array(paragraph, { maxLength: 4 }),
    inlineQuote: fc.option(fc.tuple(fc.nat(4), fc.constantFrom(...QUOTES.filter((quote) => quote.startsWith('>')))), { nil: undefined, freq: 4 }),
    closing: optional(CLOSINGS),
    signature: optional(SIGNATURES),
    quote: optional(QUOTES),
    gaps: fc.array(fc.constantFrom('\n\n', '\n', '\n\n\n', '\n \t\n'), { minLength: 1, maxLength: 6 }),
    breaks: fc.array(lineBreak, { minLength: 1, maxLength: 6 }),
    trailing: fc.array(fc.constantFrom('', '', '', ' ', '\t', '  \t'), { minLength: 1, maxLength: 6 }),
  })
  .map(({ greeting, body, inlineQuote, closing, signature, quote, gaps, breaks, trailing }) => {
    const blocks = body.map((text) => ({ text, quoted: false }));
    if (inlineQuote) blocks.splice(Math.min(inlineQuote[0], blocks.length), 0, { text: inlineQuote[1], quoted: true });
    if (greeting !== undefined) blocks.unshift({ text: greeting, quoted: false });
    for (const part of [closing, signature]) if (part !== undefined) blocks.push({ text: part, quoted: false });
    if (quote !== undefined) blocks.push({ text: quote, quoted: true });
    let line = 0;
    const withBreaks = (text: string): string =>
      text.replace(/\n/gu, () => {
        line++;
        return trailing[line % trailing.length]! + breaks[line % breaks.length]!;
      });
    let text = '';
    const quotedSpans: GeneratedReply['quotedSpans'] = [];
    blocks.forEach((block, index) => {
      if (index > 0) text += withBreaks(gaps[index % gaps.length]!);
      const start = text.length;
      text += withBreaks(block.text);
      if (block.quoted) quotedSpans.push({ start, end: text.length });
    });
    return { text, quotedSpans };
  });
const replyText = reply.map(({ text }) => text);

/** One very long line: a repeated unicode chunk, or thousands of words of a reply. */
const longLine = fc.oneof(
  fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), fc.integer({ min: 1_000, max: 4_000 })).map(([chunk, times]) => chunk.repeat(times)),
  fc.array(fc.constantFrom(...SENTENCES, ...GREETINGS, ...CLOSINGS), { minLength: 200, maxLength: 1_000 }).map((parts) => parts.join(' ')),
  fc.tuple(optional(GREETINGS), fc.array(fc.constantFrom(...SENTENCES), { minLength: 200, maxLength: 600 }), optional(SIGNATURES)).map(
    ([greeting, sentences, signature]) => [greeting ?? '', sentences.join(' '), signature ?? ''].join('\r\n\r\n'),
  ),
);

const PLACEHOLDERS = [
  '{{ticket.requester.first_name}}',
  '{{customer.first_name | fallback: "there"}}',
  '{%customer.firstName,fallback=there%}',
  '{% if ticket.priority %}',
  '%{ticket.number}',
  '#{ticket.title}',
  '[[agent.name]]',
  '[Customer Name]',
  '[Your name]',
  '{{Purchase ID Anonymized}}',
  '{{😀 naïve 名前}}',
];
/** Text with placeholders (and broken ones) between random unicode. */
const textWithPlaceholders = fc
  .array(fc.oneof(unicodeText.map((text) => text.slice(0, 30)), fc.constantFrom(...PLACEHOLDERS), fc.constantFrom('{{', '}}', '[', ']', '%{', '{%')), { maxLength: 12 })
  .map((parts) => parts.join(''));

// ---------------------------------------------------------------------------------------------

describe('lint on arbitrary input', () => {
  it('handles the empty string and blank inputs', async () => {
    for (const text of ['', '\n', '\r\n', '\r', '\t', ' \r\n\t\r\n', '>', '--', '-- \n']) await checkLint(text);
  });

  it('never throws and reports exact ranges and positions on random unicode', async () => {
    await fc.assert(
      fc.asyncProperty(unicodeText, async (text) => {
        await checkLint(text);
      }),
      { numRuns: 600 },
    );
  });

  it('never throws, reports exact ranges and never flags quoted history on reply-shaped texts', async () => {
    await fc.assert(
      fc.asyncProperty(reply, async ({ text, quotedSpans }) => {
        const messages = await checkLint(text);
        for (const message of messages) {
          for (const span of quotedSpans) {
            expect(overlaps({ start: message.startOffset, end: message.endOffset }, span), `${message.ruleId} "${message.actual}" in the generated quote`).toBe(false);
          }
        }
      }),
      { numRuns: 600 },
    );
  });

  it('handles very long lines', async () => {
    await fc.assert(
      fc.asyncProperty(longLine, async (text) => {
        await checkLint(text);
      }),
      { numRuns: 30 },
    );
  });
});

describe('the email model on arbitrary input', () => {
  it('gives regions inside the input, without overlaps, each carrying the text at its range', () => {
    fc.assert(
      fc.property(fc.oneof(unicodeText, replyText), (text) => checkModel(text, parseEmail(text))),
      { numRuns: 1000 },
    );
  });

  it('gives sentences and tokens at the text they carry', () => {
    fc.assert(fc.property(fc.oneof(unicodeText, replyText, textWithPlaceholders), checkAnalysis), {
      numRuns: 600,
      // Found by this property (seed 915134004): a word with a placeholder glued after its first
      // letter got the masked text ("axxxx…") as its raw form, and no placeholder.
      examples: [['a{{ticket.requester.first_name}}']],
    });
  });
});

describe('maskPlaceholders', () => {
  it('preserves length and everything outside placeholders', () => {
    fc.assert(
      fc.property(textWithPlaceholders, (text) => {
        const placeholders = findPlaceholders(text);
        const masked = maskPlaceholders(text, placeholders);
        expect(masked.length).toBe(text.length);
        let cursor = 0;
        for (const placeholder of placeholders) {
          expect(masked.slice(cursor, placeholder.start)).toBe(text.slice(cursor, placeholder.start));
          expect(masked.slice(placeholder.start, placeholder.end)).toBe('x'.repeat(placeholder.end - placeholder.start));
          cursor = placeholder.end;
        }
        expect(masked.slice(cursor)).toBe(text.slice(cursor));
      }),
      { numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Fixes

/** A source with fixes anywhere in it: overlapping, nested, empty insertions, deletions. */
const sourceWithFixes = unicodeText.chain((source) =>
  fc.tuple(
    fc.constant(source),
    fc.array(
      fc.tuple(fc.nat(source.length), fc.nat(source.length), fc.oneof(fc.constant(''), fc.string({ unit: 'grapheme', maxLength: 12 }), lineBreak)).map(([a, b, text]): Fix => ({ range: [Math.min(a, b), Math.max(a, b)], text })),
      { maxLength: 8 },
    ),
  ),
);

/** A source with fixes that do not overlap: cut points in order, each gap possibly fixed. */
const sourceWithDisjointFixes = unicodeText.chain((source) =>
  fc.tuple(
    fc.constant(source),
    fc.uniqueArray(fc.nat(source.length), { maxLength: 10 }).chain((cuts) => {
      const points = [...cuts].sort((a, b) => a - b);
      const spans = points.slice(1).map((end, index): [number, number] => [points[index]!, end]);
      // Insertions at distinct points, replacements between them: never two insertions at one point.
      return fc.tuple(...spans.map(([start, end]) => fc.option(fc.string({ maxLength: 6 }).map((text): Fix => ({ range: [start, end], text })), { nil: undefined })));
    }),
  ),
).map(([source, fixes]) => ({ source, fixes: fixes.filter((fix): fix is Fix => fix !== undefined) }));

/** Apply fixes one at a time from the end of the source: an oracle independent of applyFixes. */
function spliceFromTheEnd(source: string, fixes: readonly Fix[]): string {
  return [...fixes].sort((a, b) => b.range[0] - a.range[0] || b.range[1] - a.range[1]).reduce((text, { range, text: replacement }) => text.slice(0, range[0]) + replacement + text.slice(range[1]), source);
}

const breaksIn = (text: string): Set<string> => new Set(text.match(/\r\n|\r|\n/gu) ?? []);

describe('applyFixes', () => {
  it('applies a set of fixes that do not overlap, leaving every byte outside them as it was', () => {
    fc.assert(
      fc.property(sourceWithFixes, ([source, fixes]) => {
        const { output, applied } = applyFixes(source, fixes);
        for (let index = 1; index < applied.length; index++) {
          const [previous, next] = [applied[index - 1]!.range, applied[index]!.range];
          expect(previous[1] <= next[0] && !(previous[0] === previous[1] && next[0] === next[1] && previous[0] === next[0]), `${previous} then ${next}`).toBe(true);
        }
        // Everything outside the applied ranges is copied as it is, in order.
        let at = 0;
        let copiedFrom = 0;
        for (const { range, text } of applied) {
          const kept = source.slice(copiedFrom, range[0]);
          expect(output.slice(at, at + kept.length)).toBe(kept);
          expect(output.slice(at + kept.length, at + kept.length + text.length)).toBe(text);
          at += kept.length + text.length;
          copiedFrom = range[1];
        }
        expect(output.slice(at)).toBe(source.slice(copiedFrom));
        expect(output).toBe(spliceFromTheEnd(source, applied));
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves out only fixes that overlap one it applied (the first wins)', () => {
    fc.assert(
      fc.property(sourceWithFixes, ([source, fixes]) => {
        const { applied } = applyFixes(source, fixes);
        for (const fix of fixes.filter((candidate) => !applied.includes(candidate))) {
          const [start, end] = fix.range;
          const clash = applied.find(({ range }) => (start < range[1] && range[0] < end) || (start === end && range[0] < start && start < range[1]) || (start === end && range[0] === range[1] && range[0] === start) || (range[0] === range[1] && start < range[0] && range[0] < end));
          expect(clash, `fix ${fix.range} was left out without an overlapping fix`).toBeDefined();
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same result whatever the order of fixes that do not overlap', () => {
    fc.assert(
      fc.property(
        sourceWithDisjointFixes.chain(({ source, fixes }) => fc.tuple(fc.constant(source), fc.constant(fixes), fc.shuffledSubarray(fixes, { minLength: fixes.length, maxLength: fixes.length }))),
        ([source, fixes, shuffled]) => {
          const inOrder = applyFixes(source, fixes);
          expect(inOrder.applied).toHaveLength(fixes.length);
          expect(applyFixes(source, shuffled).output).toBe(inOrder.output);
          expect(inOrder.output).toBe(spliceFromTheEnd(source, fixes));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('rejects a fix outside the source', () => {
    expect(() => applyFixes('abc', [{ range: [2, 4], text: 'x' }])).toThrow(RangeError);
    expect(() => applyFixes('abc', [{ range: [2, 1], text: 'x' }])).toThrow(RangeError);
  });
});

describe('fixing replies until nothing changes', () => {
  const lintText = async (text: string): Promise<LintMessage[]> => (await lint(text)).messages;

  /** A linter that wants every "aa" (overlapping matches too) to be `replacement`. */
  const pairsTo = (replacement: string) => (text: string) =>
    [...text.matchAll(/(?=aa)/gu)].map((match) => ({ fatal: match.index % 2 === 0, fix: { range: [match.index, match.index + 2] as [number, number], text: replacement } }));
  const aaToB = pairsTo('b');

  it('applies in a later pass what an overlapping fix held back, and reports what remains of the output', async () => {
    expect(await fixUntilStable('aaaa-aaa', aaToB)).toMatchObject({ output: 'bb-ba', changed: true, messages: [], fixCount: 3, passes: 1 });
    // "aaaa" → "aa" (the middle pair waits) → "a".
    expect(await fixUntilStable('aaaa', pairsTo('a'))).toMatchObject({ output: 'a', messages: [], fixCount: 3, passes: 2 });
    // Rules that undo each other stop at the pass limit, their messages still reported.
    const flipFlop = await fixUntilStable('x', (text) => [{ fix: { range: [0, 1] as [number, number], text: text === 'x' ? 'y' : 'x' } }]);
    expect(flipFlop).toMatchObject({ passes: MAX_FIX_PASSES, output: 'x', changed: false });
    expect(flipFlop.messages).toHaveLength(1);
    expect((await fixUntilStable('aaaa', aaToB, { shouldFix: (message) => message.fatal })).output).toBe('bb');
    expect((await fixUntilStable('aaaa', aaToB, { shouldFix: (message) => !message.fatal })).output).toBe('aba');
    const unchanged = await fixUntilStable('abc', aaToB);
    expect(unchanged).toMatchObject({ output: 'abc', changed: false, fixCount: 0, passes: 0 });
  });

  it('is idempotent, keeps the line breaks of the source and leaves no fix behind', async () => {
    let changedRuns = 0;
    await fc.assert(
      fc.asyncProperty(replyText, async (source) => {
        const once = await fixUntilStable(source, lintText);
        expect(once.passes, 'the fixes settle before the pass limit').toBeLessThan(MAX_FIX_PASSES);
        expect(once.messages.filter((message) => message.fix && once.output.slice(...message.fix.range) !== message.fix.text)).toEqual([]);
        const twice = await fixUntilStable(once.output, lintText);
        expect(twice).toMatchObject({ changed: false, fixCount: 0, output: once.output });
        for (const lineBreakKind of breaksIn(once.output)) expect(breaksIn(source).has(lineBreakKind), `a ${JSON.stringify(lineBreakKind)} line break appeared`).toBe(true);
        if (!once.changed) expect(once.output).toBe(source);
        changedRuns += once.changed ? 1 : 0;
      }),
      { numRuns: 300 },
    );
    // The generator's rude and canned sentences make most replies fixable: the property is not vacuous.
    expect(changedRuns).toBeGreaterThan(100);
  });
});

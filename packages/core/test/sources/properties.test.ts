/**
 * Property tests for extracted text: for any Markdown or HTML assembled from prose, markup,
 * entities, escapes, code, comments, CRLF, tabs and emoji, every extracted unit maps to source
 * characters that spell or decode to it, in source order, and every message lands in the source.
 */
import { decodeHTML } from 'entities';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHtml } from '../../src/sources/html.js';
import { encodeMarkdown } from '../../src/sources/markdown.js';
import { extractTargets, lintTarget, MappedText, MappedTextBuilder, resolveConfig, type MappedText as Mapped } from '../../src/index.js';

const EVERY_RULE = resolveConfig({ extends: 'replylint:all' });

const words = fc.constantFrom('Hi', 'Sam', 'thanks', 'refund', 'as I said on the phone', 'calm down', 'we will get back to you', 'soon', 'Best', 'Kai', 'café', '🎉', 'x\ty', '{{ticket.id}}', 'AT&T');
const breaks = fc.constantFrom('\n', '\r\n', '\n\n', '\r\n\r\n', ' ', '\t');

const markdownPiece = fc.oneof(
  words,
  breaks,
  fc.constantFrom('**', '*', '_', '`code`', '[link](http://x.y)', '<https://x.y>', '&amp;', '&eacute;', '&#233;', '\\*', '# ', '- ', '1. ', '> ', '<!-- c -->', '<b>', '</b>', '```\ncode\n```\n', '    indented\n', '  \n', '|a|b|\n|-|-|\n', '---\n'),
);
const htmlPiece = fc.oneof(
  words,
  breaks,
  fc.constantFrom('<p>', '</p>', '<div>', '</div>', '<br>', '<b>', '</b>', '<em>', '</em>', '<ul><li>', '</li></ul>', '<blockquote>', '</blockquote>', '<script>x</script>', '<style>p{}</style>', '&amp;', '&nbsp;', '&eacute;', '&#x1F389;', '&copy', '<!-- c -->', '<pre>', '</pre>', '<table><tr><td>', '</td></tr></table>', '<'),
);
const document = (piece: fc.Arbitrary<string>) => fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

/** Whether source text `spelled` can stand for extracted `unit`: the same character, an escape or reference decoding to it, or layout. */
function standsFor(unit: string, spelled: string): boolean {
  if (spelled.includes(unit)) return true;
  if (/^[\s>]$/u.test(unit) || unit === '\u00a0') return true; // line breaks, collapsed spaces, quote markers
  if (decodeHTML(spelled).includes(unit)) return true;
  return spelled.startsWith('\\') && spelled[1] === unit;
}

function checkMapping(source: string, content: Mapped): void {
  let previousStart = 0;
  for (let index = 0; index < content.text.length; index++) {
    // A surrogate pair is one character: check it whole.
    const width = /[\uD800-\uDBFF]/u.test(content.text[index]!) && index + 1 < content.text.length ? 2 : 1;
    const unit = content.text.slice(index, index + width);
    const range = content.toSource(index, index + width);
    expect(0 <= range.start && range.start <= range.end && range.end <= source.length, `unit ${index} at ${range.start}-${range.end}`).toBe(true);
    expect(range.start, `unit ${index} ${JSON.stringify(unit)} starts before the one before it`).toBeGreaterThanOrEqual(previousStart);
    expect(standsFor(unit, source.slice(range.start, range.end)), `${JSON.stringify(unit)} from ${JSON.stringify(source.slice(range.start, range.end))}`).toBe(true);
    previousStart = range.start;
    index += width - 1;
  }
}

async function checkSource(source: string, path: string): Promise<void> {
  for (const target of await extractTargets(source, { path })) {
    checkMapping(source, target.content);
    for (const message of (await lintTarget(target, { source, config: EVERY_RULE })).messages) {
      expect(0 <= message.startOffset && message.startOffset <= message.endOffset && message.endOffset <= source.length).toBe(true);
      const before = source.slice(0, message.startOffset).split(/\r\n|\r|\n/u);
      expect([message.line, message.column]).toEqual([before.length, before[before.length - 1]!.length + 1]);
      if (message.fix) expect(message.fix.range).toEqual([message.startOffset, message.endOffset]);
    }
  }
}

describe('mapped text', () => {
  it('identity maps every range onto itself and is contiguous', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(), fc.nat(), (text, a, b) => {
        const mapped = MappedText.identity(text);
        const [start, end] = [Math.min(a, b) % (text.length + 1), Math.max(a, b) % (text.length + 1)].sort((x, y) => x - y) as [number, number];
        expect(mapped.text).toBe(text);
        expect(mapped.toSource(start, end)).toEqual({ start, end });
        expect(mapped.isContiguous(start, end)).toBe(true);
      }),
    );
  });

  it('nesting through an outer map composes the two', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat({ max: 50 }), fc.nat({ max: 50 }), (text, outerShift, innerShift) => {
        const outer = new MappedTextBuilder().verbatim(`${' '.repeat(innerShift)}${text}`, outerShift).build();
        const inner = new MappedTextBuilder().verbatim(text, innerShift).build();
        const nested = inner.within(outer);
        expect(nested.toSource(0, text.length)).toEqual({ start: outerShift + innerShift, end: outerShift + innerShift + text.length });
      }),
    );
  });
});

describe('extracted positions', () => {
  it('Markdown: every unit maps to source that spells it, in order; messages land in the source', async () => {
    await fc.assert(fc.asyncProperty(document(markdownPiece), (source) => checkSource(source, 'reply.md')), { numRuns: 150 });
  });

  it('HTML: every unit maps to source that spells or decodes to it, in order; messages land in the source', async () => {
    await fc.assert(fc.asyncProperty(document(htmlPiece), (source) => checkSource(source, 'reply.html')), { numRuns: 150 });
  });
});

/** Quoted-printable as mail clients write it: non-ASCII and "=" as =XX, CRLF line ends, soft breaks in long lines. */
function quotedPrintable(text: string): string {
  const encoded = [...text].map((char) => (char === '\n' ? '\r\n' : /^[ -<>-~]$/u.test(char) ? char : [...new TextEncoder().encode(char)].map((byte) => `=${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('')));
  let line = 0;
  return encoded
    .map((token) => {
      if (token === '\r\n') {
        line = 0;
        return token;
      }
      line += token.length;
      if (line <= 70) return token;
      line = token.length;
      return `=\r\n${token}`;
    })
    .join('');
}

const decodeQuotedPrintable = (spelled: string): string =>
  new TextDecoder().decode(Uint8Array.from(spelled.replace(/=\r\n/gu, '').replace(/=([0-9A-F]{2})/gu, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), (char) => char.charCodeAt(0)));

/** Apply each message's fix to the source on its own: the reply read back has the rewrite in place of the flagged words. */
async function checkFixes(source: string, path: string): Promise<void> {
  for (const target of await extractTargets(source, { path })) {
    const before = target.content.text;
    for (const message of (await lintTarget(target, { source, config: EVERY_RULE })).messages) {
      if (!message.fix || before.split(message.actual!).length !== 2) continue;
      const fixed = source.slice(0, message.fix.range[0]) + message.fix.text + source.slice(message.fix.range[1]);
      const [after] = await extractTargets(fixed, { path });
      expect(after!.content.text, `${message.ruleId} fix of ${JSON.stringify(message.actual)}`).toBe(before.replace(message.actual!, message.expected![0]!));
    }
  }
}

describe('fixes in Markdown and HTML', () => {
  it('a fix rewrites exactly the flagged words of the reply, escaped for the source', async () => {
    const rewritable = fc.constantFrom('as I said on the phone', 'As I said on the phone', 'Per my last email', 'AT&T', '<', '*');
    await fc.assert(fc.asyncProperty(document(fc.oneof(markdownPiece, rewritable)), (source) => checkFixes(`Hi Sam,\n\n${source}\n\nAs I said on the phone, it ships.`, 'reply.md')), { numRuns: 150 });
    await fc.assert(fc.asyncProperty(document(fc.oneof(htmlPiece, rewritable)), (source) => checkFixes(`<p>Hi Sam,</p>${source}<p>As I said on the phone, it ships.</p>`, 'reply.html')), { numRuns: 150 });
  });
});

describe('rewrites encoded for the source', () => {
  const rewrite = fc.stringMatching(/^[a-z0-9 *_`[\]<>&#;!()\\.-]{1,20}$/u).map((text) => text.trim()).filter((text) => text !== '');
  it('Markdown and HTML read an encoded rewrite back as the rewrite', async () => {
    await fc.assert(
      fc.asyncProperty(rewrite, async (text) => {
        const [markdown] = await extractTargets(`Thanks ${encodeMarkdown(text)} today`, { path: 'a.md' });
        expect(markdown!.content.text).toBe(`Thanks ${text} today`);
        const [html] = await extractTargets(`<p>Thanks ${encodeHtml(text)} today</p>`, { path: 'a.html' });
        expect(html!.content.text).toBe(`Thanks ${text.replace(/\s+/gu, ' ')} today`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('.eml positions', () => {
  it('quoted-printable: every decoded unit maps to the =XX or characters that encode it, in order', async () => {
    const body = fc.array(fc.oneof(words, fc.constantFrom('\n', '\n\n', ' ', '=', 'é', '€', '😀', 'a'.repeat(80))), { minLength: 1, maxLength: 30 }).map((pieces) => `${pieces.join('')}x`);
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const source = `From: a@example.com\r\nSubject: x\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${quotedPrintable(text)}\r\n`;
        const [target] = await extractTargets(source, { path: 'reply.eml' });
        const { content } = target!;
        let previousStart = 0;
        for (const [index, unit] of [...content.text].entries()) {
          const offset = [...content.text].slice(0, index).join('').length;
          const range = content.toSource(offset, offset + unit.length);
          expect(range.start).toBeGreaterThanOrEqual(previousStart);
          const spelled = source.slice(range.start, range.end);
          expect(/^\s$/u.test(unit) || decodeQuotedPrintable(spelled).includes(unit), `${JSON.stringify(unit)} from ${JSON.stringify(spelled)}`).toBe(true);
          previousStart = range.start;
        }
      }),
      { numRuns: 100 },
    );
  });
});


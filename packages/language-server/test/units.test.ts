/**
 * The language server's pure parts: settings parsing, message → diagnostic conversion,
 * fix-all edits, and the framing filter that keeps a corrupted stream from deafening it.
 */
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { ruleById, type LintMessage } from '@replylint/core';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { fixAllEdits } from '../src/actions.js';
import { toDiagnostic } from '../src/diagnostics.js';
import { ResyncingFraming } from '../src/framing.js';
import { DEFAULT_SETTINGS, parseSettings } from '../src/settings.js';

/** A message as the core reports it, with only the fields the server reads: rewrites that can be written back are suggestions, the first the fix of a fixable rule. */
function message(fields: Partial<LintMessage> & Pick<LintMessage, 'ruleId' | 'startOffset' | 'endOffset'>, writable = true): LintMessage {
  const range: [number, number] = [fields.startOffset, fields.endOffset];
  const suggestions = writable && fields.expected?.length ? fields.expected.map((text) => ({ desc: `Replace with "${text}"`, fix: { range, text } })) : undefined;
  const fix = suggestions && ruleById.get(fields.ruleId)?.meta.fixable ? suggestions[0]!.fix : undefined;
  return { reason: 'flagged', fatal: false, expected: [], url: `https://example.test/${fields.ruleId}.md`, ...(suggestions ? { suggestions } : {}), ...(fix ? { fix } : {}), ...fields } as LintMessage;
}

describe('settings', () => {
  it('uses the defaults for a missing or null section', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(parseSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(parseSettings({ enable: null, run: null })).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('keeps valid settings and names each invalid one', () => {
    const { settings, problems } = parseSettings({ enable: 'yes', run: 'always', languages: ['markdown'], rules: { 'rude-phrasing': 'error', 'no-such-rule': 'warn' } });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, languages: ['markdown'] });
    expect(problems).toEqual([
      'replylint.enable setting: expected true or false',
      'replylint.run setting: expected "onType" or "onSave", got "always"',
      expect.stringMatching(/^replylint settings \(rules\.no-such-rule\): unknown rule "no-such-rule"/u),
    ]);
    expect(parseSettings({ rules: { 'rude-phrasing': ['error', { allow: ['as previously advised'] }] } }).settings.rules).toEqual({ 'rude-phrasing': ['error', { allow: ['as previously advised'] }] });
  });
});

describe('diagnostics', () => {
  const document = TextDocument.create('file:///reply.txt', 'plaintext', 3, 'Hi 🙂 Ana,\r\nWe will get back to you.\r\n');

  it('maps UTF-16 offsets to positions, CRLF included, and errors to Error severity', () => {
    const diagnostic = toDiagnostic(message({ ruleId: 'missing-timeframe', startOffset: 17, endOffset: 36, fatal: true }), document);
    expect(diagnostic).toMatchObject({ range: { start: { line: 1, character: 5 }, end: { line: 1, character: 24 } }, severity: 1, code: 'missing-timeframe', source: 'replylint' });
  });

  it('shows warnings as Warning and info findings as Information', () => {
    expect(toDiagnostic(message({ ruleId: 'missing-timeframe', startOffset: 17, endOffset: 36, fatal: false }), document).severity).toBe(2);
    expect(toDiagnostic(message({ ruleId: 'missing-timeframe', startOffset: 17, endOffset: 36, fatal: undefined }), document).severity).toBe(3);
  });

  it('turns related spans into related information in the same document', () => {
    const related = [{ start: 3, end: 5, message: 'the emoji' }];
    const diagnostic = toDiagnostic(message({ ruleId: 'missing-timeframe', startOffset: 17, endOffset: 36, related }), document);
    expect(diagnostic.relatedInformation).toEqual([{ location: { uri: 'file:///reply.txt', range: { start: { line: 0, character: 3 }, end: { line: 0, character: 5 } } }, message: 'the emoji' }]);
  });
});

describe('fix all', () => {
  it('applies the first rewrite of auto-fixable rules only, skipping overlaps', () => {
    const document = TextDocument.create('file:///reply.txt', 'plaintext', 1, 'Per my last email, please calm down now.');
    const messages = [
      message({ ruleId: 'rude-phrasing', startOffset: 0, endOffset: 17, expected: ['Following up on my last email', 'x'] }),
      message({ ruleId: 'rude-phrasing', startOffset: 10, endOffset: 20, expected: ['overlapping'] }),
      message({ ruleId: 'missing-timeframe', startOffset: 19, endOffset: 25, expected: ['not a drop-in rewrite'] }),
      message({ ruleId: 'rude-phrasing', startOffset: 19, endOffset: 35, expected: ['I understand how frustrating this is'] }),
    ];
    const edits = fixAllEdits({ document, version: 1, messages, problems: [] });
    expect(TextDocument.applyEdits(document, edits)).toBe('Following up on my last email, I understand how frustrating this is now.');
  });

  it('skips rewrites that cannot be written back into the source (they span markup)', () => {
    const document = TextDocument.create('file:///reply.md', 'markdown', 1, 'Per *my* last email, thanks.');
    const messages = [message({ ruleId: 'rude-phrasing', startOffset: 0, endOffset: 19, expected: ['Following up on my last email'] }, false)];
    expect(fixAllEdits({ document, version: 1, messages, problems: [] })).toEqual([]);
  });
});

describe('framing', () => {
  const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

  it('passes well-formed messages through and skips malformed stretches', async () => {
    const good = [frame('{"a":"é"}'), frame('{"b":2}'), `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n${frame('{"c":3}')}`];
    const input = ['junk', good[0], 'Content-Length: NaN\r\n\r\n{}', good[1], 'no: length\r\nbroken line\r\n\r\n', good[2]].join('');
    // Split into small chunks so that headers and bodies straddle chunk boundaries.
    const chunks = Buffer.from(input).reduce<Buffer[]>((list, _byte, index, bytes) => (index % 7 === 0 ? [...list, bytes.subarray(index, index + 7)] : list), []);
    const skipped: number[] = [];
    const framing = new ResyncingFraming().on('skipped', (bytes: number) => skipped.push(bytes));
    expect(await text(Readable.from(chunks).pipe(framing))).toBe(good.join(''));
    expect(skipped.reduce((sum, bytes) => sum + bytes, 0)).toBe(Buffer.byteLength(input) - Buffer.byteLength(good.join('')));
  });
});

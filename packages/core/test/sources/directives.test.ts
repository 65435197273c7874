import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../src/index.js';
import { CORE_RULES, lintSource } from './helpers.js';

const RUDE = 'As I said on the phone, the refund went out.';

const rulesIn = async (source: string, path: string) => (await lintSource(source, path, CORE_RULES)).map((message) => `${message.line}:${message.ruleId}`);

describe('inline replylint comments', () => {
  it('disable … enable switches every rule off in between (Markdown)', async () => {
    const source = `Hi Sam,\n\n<!-- replylint-disable -->\n\n${RUDE}\n\n<!-- replylint-enable -->\n\n${RUDE}\n\nBest,\nKai\n`;
    expect(await rulesIn(source, 'a.md')).toEqual(['9:rude-phrasing']);
  });

  it('disable names rules, separated by spaces or commas; others stay on (HTML)', async () => {
    const source = `<p>Hi Sam,</p>\n<!-- replylint-disable rude-phrasing, weak-closing -->\n<p>${RUDE} We will get back to you soon.</p>\n<p>Best,<br>Kai</p>`;
    expect(await rulesIn(source, 'a.html')).toEqual(['3:missing-timeframe']);
  });

  it('disable-next-line reaches the next line only', async () => {
    const source = `Hi Sam,\n\n<!-- replylint-disable-next-line rude-phrasing -->\n${RUDE}\n\n${RUDE}\n\nBest,\nKai\n`;
    expect(await rulesIn(source, 'a.md')).toEqual(['6:rude-phrasing']);
  });

  it('enable of one rule inside a disable-all keeps the others off', async () => {
    const source = `<p>Hi Sam,</p>\n<!-- replylint-disable -->\n<p>${RUDE}</p>\n<!-- replylint-enable rude-phrasing -->\n<p>${RUDE} We will get back to you soon.</p>\n<p>Best,<br>Kai</p>`;
    expect(await rulesIn(source, 'a.html')).toEqual(['5:rude-phrasing']);
  });

  it('a description after -- is allowed', async () => {
    const source = `Hi Sam,\n\n<!-- replylint-disable-next-line rude-phrasing -- legal approved this wording -->\n${RUDE}\n\nBest,\nKai\n`;
    expect(await rulesIn(source, 'a.md')).toEqual([]);
  });

  it('an unknown rule is a problem of the file, at the comment; the known rules still apply', async () => {
    const source = `Hi Sam,\n\n<!-- replylint-disable rude-phrase, missing-timeframe -->\n${RUDE} We will get back to you soon.\n`;
    const [target] = await extractTargets(source, { path: 'a.md' });
    const comment = source.indexOf('<!--');
    expect(target!.problems).toEqual([{ start: comment, end: source.indexOf('-->') + 3, message: 'replylint-disable names an unknown rule "rude-phrase"' }]);
    expect(await rulesIn(source, 'a.md')).toContain('4:rude-phrasing');
    expect(await rulesIn(source, 'a.md')).not.toContain('4:missing-timeframe');
    // Only unknown rules: nothing is switched off, not every rule.
    expect(await rulesIn(`Hi Sam,\n\n<!-- replylint-disable rude-phrase -->\n${RUDE}\n`, 'a.md')).toContain('4:rude-phrasing');
  });

  it('ordinary comments and look-alikes are not directives', async () => {
    const source = `Hi Sam,\n\n<!-- replylint-disabled -->\n<!-- see replylint-disable -->\n${RUDE}\n\nBest,\nKai\n`;
    expect(await rulesIn(source, 'a.md')).toEqual(['5:rude-phrasing']);
  });
});

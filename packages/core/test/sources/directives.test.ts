import { describe, expect, it } from 'vitest';
import { extractTargets, SourceError } from '../../src/index.js';
import { EVERY_RULE, lintSource } from './helpers.js';

const RUDE = 'As I said on the phone, the refund went out.';

const rulesIn = async (source: string, path: string) => (await lintSource(source, path, EVERY_RULE)).map((message) => `${message.line}:${message.ruleId}`);

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

  it('an unknown rule is an error naming the line and the rule', async () => {
    const source = 'Hi Sam,\n\n<!-- replylint-disable rude-phrase -->\nThanks.\n';
    await expect(extractTargets(source, { path: 'a.md' })).rejects.toThrow(SourceError);
    await expect(extractTargets(source, { path: 'a.md' })).rejects.toThrow('line 3: replylint-disable names an unknown rule "rude-phrase"');
  });

  it('ordinary comments and look-alikes are not directives', async () => {
    const source = `Hi Sam,\n\n<!-- replylint-disabled -->\n<!-- see replylint-disable -->\n${RUDE}\n\nBest,\nKai\n`;
    expect(await rulesIn(source, 'a.md')).toEqual(['5:rude-phrasing']);
  });
});

/**
 * The playground's pure parts, without a browser: the quality score, "Copy fixed reply"
 * rewriting, and the stored settings (which outlive the rules and presets they name).
 */
import { describe, expect, it } from 'vitest';
import { applyBestRewrites } from '../../packages/playground/src/fixes.js';
import { qualityScore } from '../../packages/core/src/index.js';
import { configFor, isRuleOn, parseSettings, withPreset, withRule } from '../../packages/playground/src/settings.js';
import { lint } from '../../packages/core/src/index.js';

const warning = { fatal: false };
const error = { fatal: true };

describe('qualityScore', () => {
  it('starts at 100 and takes 2 per info, 8 per warning and 20 per error, never below 0', () => {
    expect(qualityScore([])).toBe(100);
    expect(qualityScore([{}, { fatal: null }])).toBe(96);
    expect(qualityScore([warning])).toBe(92);
    expect(qualityScore([error, warning, warning])).toBe(64);
    expect(qualityScore(Array.from({ length: 13 }, () => warning))).toBe(0);
    expect(qualityScore(Array.from({ length: 6 }, () => error))).toBe(0);
  });
});

describe('applyBestRewrites', () => {
  it('replaces each finding with its first rewrite and leaves findings without one', () => {
    const text = 'As I said, calm down. Bye.';
    const findings = [
      { startOffset: 11, endOffset: 20, expected: ['I understand', 'I see'] },
      { startOffset: 0, endOffset: 9, expected: ['To recap'] },
      { startOffset: 22, endOffset: 26, expected: [] },
    ];
    expect(applyBestRewrites(text, findings)).toEqual({ text: 'To recap, I understand. Bye.', applied: 2 });
  });

  it('keeps the first of two overlapping rewrites', () => {
    const findings = [
      { startOffset: 0, endOffset: 10, expected: ['A'] },
      { startOffset: 5, endOffset: 15, expected: ['B'] },
      { startOffset: 3, endOffset: 3, expected: ['C'] },
    ];
    expect(applyBestRewrites('0123456789abcdef', findings)).toEqual({ text: 'Aabcdef', applied: 1 });
  });

  it('turns a rude reply into one the core no longer flags for those words', async () => {
    const reply = 'Hi Marcus,\n\nAs I said on the phone, the refund takes five days. Please calm down, it is on its way.\n\nBest,\nKai Andersen\n';
    const { messages } = await lint(reply);
    const fixable = messages.filter((message) => (message.expected ?? []).length > 0);
    expect(fixable.length).toBeGreaterThan(0);
    const fixed = applyBestRewrites(reply, messages);
    expect(fixed.applied).toBe(fixable.length);
    const after = await lint(fixed.text);
    expect(after.messages.filter((message) => (message.expected ?? []).length > 0)).toEqual([]);
  });
});

describe('settings', () => {
  it('falls back to the recommended preset for missing, broken or outdated storage', () => {
    const defaults = { preset: 'replylint:recommended', overrides: {} };
    expect(parseSettings(null)).toEqual(defaults);
    expect(parseSettings('{not json')).toEqual(defaults);
    expect(parseSettings('"text"')).toEqual(defaults);
    expect(parseSettings(JSON.stringify({ preset: 'replylint:gone', overrides: { 'no-such-rule': false, 'weak-closing': 'off', 'rude-phrasing': false } }))).toEqual({
      preset: 'replylint:recommended',
      overrides: { 'rude-phrasing': false },
    });
  });

  it('switches rules on top of the preset and drops a switch that matches it', () => {
    const off = withRule(withPreset('replylint:recommended'), 'rude-phrasing', false);
    expect(off.overrides).toEqual({ 'rude-phrasing': false });
    expect(isRuleOn(off, 'rude-phrasing')).toBe(false);
    expect(configFor(off).rules.map(({ rule }) => rule.meta.id)).not.toContain('rude-phrasing');
    expect(configFor(off).rules.length).toBeGreaterThan(0);
    expect(withRule(off, 'rude-phrasing', true).overrides).toEqual({});
  });
});

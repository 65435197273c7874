import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig, rules, validateConfig } from '../src/index.js';

const enabled = (config: ReturnType<typeof resolveConfig>): string[] => config.rules.map((entry) => `${entry.rule.meta.id}:${entry.severity}`);

describe('resolveConfig', () => {
  it('defaults to the recommended preset: the rules marked recommended', () => {
    expect(enabled(resolveConfig())).toEqual(rules.filter((rule) => rule.meta.recommended).map((rule) => `${rule.meta.id}:${rule.meta.severity}`));
  });

  it('turns every rule on in strict and all; strict with each rule\'s strictest options', () => {
    const everyRule = rules.map((rule) => `${rule.meta.id}:${rule.meta.severity}`);
    expect(enabled(resolveConfig({ extends: 'replylint:all' }))).toEqual(everyRule);
    expect(enabled(resolveConfig({ extends: 'replylint:strict' }))).toEqual(everyRule);
    const optionsOf = (preset: string) => resolveConfig({ extends: preset }).rules.find((entry) => entry.rule.meta.id === 'missing-agent-name')!.options;
    expect(optionsOf('replylint:strict')).toEqual({ requireFullName: true });
    expect(optionsOf('replylint:all')).toEqual({ requireFullName: false });
  });

  it('applies settings on top of recommended unless extends is given', () => {
    const config = resolveConfig({ rules: { 'weak-closing': 'off', 'rude-phrasing': 'error' } });
    expect(enabled(config)).toContain('rude-phrasing:error');
    expect(enabled(config)).not.toContain('weak-closing:warn');
    expect(enabled(config)).toContain('missing-timeframe:warn');
    expect(enabled(resolveConfig({ extends: [], rules: { 'rude-phrasing': 2 } }))).toEqual(['rude-phrasing:error']);
  });

  it('lets later layers override earlier ones', () => {
    const config = resolveConfig({ rules: { 'rude-phrasing': 'error' } }, { rules: { 'rude-phrasing': 'off' } });
    expect(enabled(config).some((entry) => entry.startsWith('rude-phrasing'))).toBe(false);
  });

  it('parses rule options', () => {
    const config = resolveConfig({ extends: [], rules: { 'rude-phrasing': ['warn', { allow: ['calm down'] }] } });
    expect(config.rules[0]!.options).toEqual({ add: [], allow: ['calm down'] });
  });
});

describe('validateConfig', () => {
  const problem = (raw: unknown): string => {
    try {
      validateConfig(raw, 'team/.replylintrc.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    return 'valid';
  };

  it('names the file and the key at fault', () => {
    expect(problem({ rules: { 'rude-phrasing': 'loud' } })).toBe('team/.replylintrc.json (rules.rude-phrasing): severity must be "off", "info", "warn" or "error" (or 0, 1, 2), got "loud"');
    expect(problem({ rule: {} })).toMatch(/^team\/\.replylintrc\.json \(rule\): unknown key/u);
    expect(problem({ extends: 'replylint:strictest' })).toMatch(/\(extends\): unknown preset "replylint:strictest"/u);
    expect(problem({ rules: { 'weak-closing': 'warn', 'rude-phrase': 'warn' } })).toMatch(/unknown rule "rude-phrase" \(did you mean "rude-phrasing"\?\)/u);
    expect(problem({ rules: { 'rude-phrasing': ['warn', { allow: 'calm down' }] } })).toMatch(/\(rules\.rude-phrasing\[1\]\): "allow" must be a list/u);
    expect(problem({ rules: { 'rude-phrasing': ['warn', { add: ['(unclosed'] }] } })).toMatch(/unclosed "\("/u);
    expect(problem([])).toMatch(/must be an object/u);
  });

  it('accepts a valid configuration', () => {
    expect(problem({ $schema: 'x', extends: ['replylint:recommended'], rules: { 'rude-phrasing': ['error', { add: ['with respect'] }] } })).toBe('valid');
  });
});

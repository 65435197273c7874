/**
 * The reader's choices — preset and per-rule switches — kept in localStorage so the page
 * opens the way they left it. The draft itself is never stored: it holds customer data.
 */
import { DEFAULT_PRESET, presets, resolveConfig, ruleById, type Config, type ResolvedConfig } from '@replylint/core';

export const STORAGE_KEY = 'replylint-playground:settings';

export interface Settings {
  preset: string;
  /** Rules switched on or off by hand, on top of the preset. */
  overrides: Record<string, boolean>;
}

/** The part of `Storage` used here, so tests and private-mode browsers can stand in. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Stored settings, keeping only what still exists: presets and rules come and go between versions. */
export function parseSettings(stored: string | null): Settings {
  const settings: Settings = { preset: DEFAULT_PRESET, overrides: {} };
  if (stored === null) return settings;
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return settings;
  }
  if (typeof raw !== 'object' || raw === null) return settings;
  const { preset, overrides } = raw as Partial<Record<keyof Settings, unknown>>;
  if (typeof preset === 'string' && Object.hasOwn(presets, preset)) settings.preset = preset;
  if (typeof overrides === 'object' && overrides !== null) {
    for (const [id, on] of Object.entries(overrides)) {
      if (ruleById.has(id) && typeof on === 'boolean') settings.overrides[id] = on;
    }
  }
  return settings;
}

export function loadSettings(store: KeyValueStore | undefined): Settings {
  try {
    return parseSettings(store?.getItem(STORAGE_KEY) ?? null);
  } catch {
    // Storage can be switched off or full; the page still works, it just forgets.
    return parseSettings(null);
  }
}

export function saveSettings(store: KeyValueStore | undefined, settings: Settings): void {
  try {
    store?.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // As above: not remembering is better than not working.
  }
}

/** The rule ids a preset switches on. */
export function presetRuleIds(preset: string): Set<string> {
  return new Set(resolveConfig({ extends: [preset] }).rules.map(({ rule }) => rule.meta.id));
}

export function configFor(settings: Settings): ResolvedConfig {
  const rules: NonNullable<Config['rules']> = {};
  for (const [id, on] of Object.entries(settings.overrides)) rules[id] = on ? ruleById.get(id)!.meta.severity : 'off';
  return resolveConfig({ extends: [settings.preset], rules });
}

export function isRuleOn(settings: Settings, id: string): boolean {
  return settings.overrides[id] ?? presetRuleIds(settings.preset).has(id);
}

/** Switch one rule; a switch that matches the preset is dropped so the preset stays in charge. */
export function withRule(settings: Settings, id: string, on: boolean): Settings {
  const overrides = { ...settings.overrides };
  if (presetRuleIds(settings.preset).has(id) === on) delete overrides[id];
  else overrides[id] = on;
  return { ...settings, overrides };
}

/** A new preset starts clean: the reader sees exactly what it switches on. */
export function withPreset(preset: string): Settings {
  return { preset, overrides: {} };
}

/**
 * Client settings (the `replylint` section): what the editor can change without a
 * configuration file. Anything malformed falls back to its default with a problem message,
 * so a typo in an editor's settings never stops the server.
 */
import { ConfigError, validateConfig, type Config, type RuleSetting } from '@replylint/core';

export type RunMode = 'onType' | 'onSave';

export interface Settings {
  enable: boolean;
  run: RunMode;
  /** Rule settings layered over the `.replylintrc` found for the document. */
  rules: Record<string, RuleSetting>;
  /** Language ids the server lints; other documents are ignored. */
  languages: string[];
}

/** "plaintext" is VS Code's id for plain text, "text" Neovim's and Helix's; "mail" is Neovim's for e-mail drafts. */
export const DEFAULT_LANGUAGES: readonly string[] = ['plaintext', 'text', 'markdown', 'mail', 'email'];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ enable: true, run: 'onType', rules: {}, languages: [...DEFAULT_LANGUAGES] });

export interface ParsedSettings {
  settings: Settings;
  /** One line per ignored setting, naming it. */
  problems: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Read the `replylint` section as the client sent it (undefined, null and partial sections allowed). */
export function parseSettings(raw: unknown): ParsedSettings {
  const settings: Settings = { ...DEFAULT_SETTINGS, languages: [...DEFAULT_SETTINGS.languages] };
  const problems: string[] = [];
  if (!isRecord(raw)) return { settings, problems };

  if (raw.enable !== undefined && raw.enable !== null) {
    if (typeof raw.enable === 'boolean') settings.enable = raw.enable;
    else problems.push('replylint.enable setting: expected true or false');
  }
  if (raw.run !== undefined && raw.run !== null) {
    if (raw.run === 'onType' || raw.run === 'onSave') settings.run = raw.run;
    else problems.push(`replylint.run setting: expected "onType" or "onSave", got ${JSON.stringify(raw.run)}`);
  }
  if (raw.languages !== undefined && raw.languages !== null) {
    if (Array.isArray(raw.languages) && raw.languages.every((id) => typeof id === 'string')) settings.languages = raw.languages as string[];
    else problems.push('replylint.languages setting: expected a list of language ids');
  }
  if (raw.rules !== undefined && raw.rules !== null) {
    try {
      settings.rules = validateConfig({ rules: raw.rules }, 'replylint settings').rules ?? {};
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error.message);
    }
  }
  return { settings, problems };
}

/** The settings as a configuration layer over the file's own. */
export function settingsLayer(settings: Settings): Config[] {
  return Object.keys(settings.rules).length > 0 ? [{ rules: settings.rules }] : [];
}

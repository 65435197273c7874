import { extractTargets, lintTarget, resolveConfig, type LintMessage, type LintTarget, type MappedText } from '../../src/index.js';

export const ONLY_RUDE = resolveConfig({ extends: [], rules: { 'rude-phrasing': 'warn' } });
export const EVERY_RULE = resolveConfig({ extends: 'replylint:all' });
/** A fixed set of rules, so that expectations do not move as rules are added. */
export const CORE_RULES = resolveConfig({
  extends: [],
  rules: { 'rude-phrasing': 'warn', 'canned-response': 'warn', 'missing-agent-name': 'warn', 'missing-timeframe': 'warn', 'weak-closing': 'warn', 'malformed-placeholder': 'error' },
});

export async function only(source: string, path: string): Promise<LintTarget> {
  const targets = await extractTargets(source, { path });
  if (targets.length !== 1) throw new Error(`expected one target, got ${targets.length}`);
  return targets[0]!;
}

/** Lint a file as the CLI does: every target, messages in the source. */
export async function lintSource(source: string, path: string, config = ONLY_RUDE): Promise<LintMessage[]> {
  const messages: LintMessage[] = [];
  for (const target of await extractTargets(source, { path })) messages.push(...(await lintTarget(target, { source, path, config })).messages);
  return messages;
}

/** The source text under each message. */
export const flaggedSource = (source: string, messages: readonly LintMessage[]): string[] => messages.map((message) => source.slice(message.startOffset, message.endOffset));

/** The source text the first occurrence of `needle` in the extracted text came from. */
export function sourceOf(source: string, content: MappedText, needle: string): string {
  const start = content.text.indexOf(needle);
  const range = content.toSource(start, start + needle.length);
  return source.slice(range.start, range.end);
}

import { lint, resolveConfig, type LintMessage } from '../packages/core/src/index.js';

/** Lint with one rule switched on (as a warning) and every other rule off. */
export async function lintWithRule(text: string, ruleId: string, options?: unknown): Promise<LintMessage[]> {
  const config = resolveConfig({ extends: [], rules: { [ruleId]: options === undefined ? 'warn' : ['warn', options] } });
  const { messages } = await lint(text, { config });
  return messages;
}

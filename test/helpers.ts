import { lint, resolveConfig, type DocumentInfo, type LintMessage } from '../packages/core/src/index.js';

/** Lint with one rule switched on (as a warning) and every other rule off; a draft unless `document` says otherwise. */
export async function lintWithRule(text: string, ruleId: string, options?: unknown, document?: DocumentInfo): Promise<LintMessage[]> {
  const config = resolveConfig({ extends: [], rules: { [ruleId]: options === undefined ? 'warn' : ['warn', options] } });
  const { messages } = await lint(text, document === undefined ? { config } : { config, document });
  return messages;
}

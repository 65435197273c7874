/**
 * --fix and --fix-dry-run: a file's source goes through the core's fix loop (ESLint's: fix,
 * re-lint, up to 10 passes), and the problems reported are those left in the fixed source.
 * Fixes are in source coordinates, so the same code fixes any file whose messages are mapped
 * onto it (a .txt draft, or targets extracted from Markdown, HTML or an export).
 */
import { fixUntilStable, type LintMessage } from '@replylint/core';

export interface FixRequest {
  /** `--quiet` fixes errors only, as in ESLint: warnings nobody sees are not rewritten. */
  errorsOnly: boolean;
}

export interface LintedSource {
  messages: LintMessage[];
  /** The fixed source, BOM included, when fixing changed it. */
  output?: string;
}

const BOM = '\uFEFF';

/** Lint `source` as read from the file (BOM included), fixing it first when asked. */
export async function lintOrFix(source: string, lintText: (text: string) => Promise<LintMessage[]>, fix?: FixRequest): Promise<LintedSource> {
  // Offsets are into the text after the BOM (as in ESLint); the BOM goes back on the output.
  const bom = source.startsWith(BOM) ? BOM : '';
  const text = source.slice(bom.length);
  if (!fix) return { messages: await lintText(text) };
  const fixed = await fixUntilStable(text, lintText, fix.errorsOnly ? { shouldFix: (message) => message.fatal === true } : {});
  return fixed.changed ? { messages: fixed.messages, output: bom + fixed.output } : { messages: fixed.messages };
}

/**
 * Linting a reply extracted from a source file (Markdown, HTML, a MIME part, an export's
 * string): the same pipeline as `lint`, with every message placed in the source — offsets,
 * line/column, related spans and fixes — and inline `replylint-disable` comments applied.
 */
import { VFile } from 'vfile';
import { location, type Location } from 'vfile-location';
import type { ResolvedConfig } from './config.js';
import { lintPlaced, type LintResult } from './lint.js';
import type { LintTarget } from './target.js';

let sharedIndex: { source: string; place: Location } | undefined;

export interface LintTargetOptions {
  /** The whole source file the target was extracted from: line and column are counted in it. */
  source: string;
  /** Resolved configuration; the recommended preset when absent. */
  config?: ResolvedConfig;
  /** The source file's path, shown in messages; never read from disk here. */
  path?: string;
  /** Also work out the reply's TACTICS coverage, placed in the source. */
  tactics?: boolean;
}

/**
 * Lint one target. Messages carry source offsets and positions, `actual` is the reply's words
 * as the customer reads them, and `target` names the reply within its file. A rewrite becomes
 * a fix or suggestion only where it can be written back: the flagged text is one unbroken
 * stretch of the source and the target knows how to encode text for it.
 */
export function lintTarget(target: LintTarget, options: LintTargetOptions): Promise<LintResult> {
  const { content, encode, disabled = [] } = target;
  const { source } = options;
  const file = new VFile(options.path === undefined ? { value: source } : { value: source, path: options.path });
  // The targets of one file (the thousands of lines of a JSON Lines archive) share its line index:
  // one index per target would scan the file again for each of them.
  if (sharedIndex?.source !== source) sharedIndex = { source, place: location(source) };
  return lintPlaced(
    content.text,
    { config: options.config, document: target.document, ...(options.tactics ? { tactics: true } : {}) },
    {
      file,
      place: sharedIndex.place,
      toSource: (start, end) => content.toSource(start, end),
      rewrite: (start, end, replacement) => (encode && content.isContiguous(start, end) ? encode(replacement, start, end) : undefined),
      keeps: (ruleId, sourceStart) =>
        !disabled.some((range) => sourceStart >= range.start && sourceStart < range.end && (range.ruleIds === undefined || range.ruleIds.includes(ruleId))),
      ...(target.name === undefined ? {} : { target: target.name }),
    },
  );
}

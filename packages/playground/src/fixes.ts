/** Rewriting the draft with the core's suggestions: what "Copy fixed reply" copies. */
import { applyFixes } from '@replylint/core';

export interface Rewritable {
  startOffset: number;
  endOffset: number;
  expected?: string[] | null | undefined;
}

export interface RewriteResult {
  text: string;
  /** How many findings were rewritten. */
  applied: number;
}

/**
 * Replace each finding's range with its first (best) rewrite. Findings without a rewrite
 * are left as they are, and so is a finding that overlaps one already rewritten (the core's
 * `applyFixes` chooses): two rewrites of the same words cannot both hold.
 */
export function applyBestRewrites(text: string, findings: readonly Rewritable[]): RewriteResult {
  const fixes = findings.flatMap((finding) => {
    const rewrite = finding.expected?.[0];
    return rewrite === undefined ? [] : [{ range: [finding.startOffset, finding.endOffset] as const, text: rewrite }];
  });
  const { output, applied } = applyFixes(text, fixes);
  return { text: output, applied: applied.length };
}

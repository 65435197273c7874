/** Rewriting the draft with the core's suggestions: what "Copy fixed reply" copies. */

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
 * are left as they are, and so is a finding that overlaps one already rewritten: two
 * rewrites of the same words cannot both hold.
 */
export function applyBestRewrites(text: string, findings: readonly Rewritable[]): RewriteResult {
  const chosen: Array<{ start: number; end: number; rewrite: string }> = [];
  const byPosition = [...findings].sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset);
  let claimedUntil = -1;
  for (const finding of byPosition) {
    const rewrite = finding.expected?.[0];
    if (rewrite === undefined || finding.startOffset < claimedUntil) continue;
    chosen.push({ start: finding.startOffset, end: finding.endOffset, rewrite });
    claimedUntil = Math.max(finding.endOffset, finding.startOffset + 1);
  }
  let result = text;
  for (const { start, end, rewrite } of chosen.reverse()) result = result.slice(0, start) + rewrite + result.slice(end);
  return { text: result, applied: chosen.length };
}

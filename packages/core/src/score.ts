/**
 * A reply's quality score, 0–100: one number for the playground, reports and dashboards.
 *
 * Formula: start at 100 and subtract a fixed weight per finding by severity — 20 for an
 * error, 8 for a warning, 2 for an info — never going below 0:
 *
 *     score = max(0, 100 − 20 × errors − 8 × warnings − 2 × infos)
 *
 * So a clean reply scores 100, one warning 92, a rude unsigned reply with three warnings 76,
 * and a reply with thirteen warnings 0. Only the findings of the rules switched on count.
 */
export const SCORE_WEIGHTS = { error: 20, warning: 8, info: 2 } as const;

/** What the score needs of a finding: vfile's `fatal` — true for an error, false for a warning, absent for info. */
export interface ScoredFinding {
  fatal?: boolean | null | undefined;
}

export function qualityScore(findings: Iterable<ScoredFinding>): number {
  let score = 100;
  for (const finding of findings) score -= finding.fatal === true ? SCORE_WEIGHTS.error : finding.fatal === false ? SCORE_WEIGHTS.warning : SCORE_WEIGHTS.info;
  return Math.max(0, score);
}

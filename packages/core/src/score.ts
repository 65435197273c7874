/**
 * A reply's quality score, 0–100: one number for the playground, reports and dashboards.
 *
 * Formula: start at 100 and subtract a fixed weight per finding by severity — 20 for an
 * error, 8 for a warning — never going below 0:
 *
 *     score = max(0, 100 − 20 × errors − 8 × warnings)
 *
 * So a clean reply scores 100, one warning 92, a rude unsigned reply with three warnings 76,
 * and a reply with thirteen warnings 0. Only the findings of the rules switched on count.
 */
export const SCORE_WEIGHTS = { error: 20, warning: 8 } as const;

/** What the score needs of a finding: whether it is an error (`fatal`) or a warning. */
export interface ScoredFinding {
  fatal?: boolean | null | undefined;
}

export function qualityScore(findings: Iterable<ScoredFinding>): number {
  let score = 100;
  for (const finding of findings) score -= finding.fatal ? SCORE_WEIGHTS.error : SCORE_WEIGHTS.warning;
  return Math.max(0, score);
}

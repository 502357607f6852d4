import type { RuleResult, RuleSeverity } from '../model';

/**
 * The 0-100 risk score (RULES.md, Risk score). The gravest failure sets a floor: any block
 * failure puts an item at 80 or more, a high one at 50 or more, a medium one at 15. Every other
 * failure adds a few points, but never lifts an item into the band above its gravest failure:
 * ten medium findings are still not worth one a moderator must look at. Info adds nothing.
 */
const floor: Record<RuleSeverity, number> = { block: 80, high: 50, medium: 15, info: 0 };
const extra: Record<RuleSeverity, number> = { block: 6, high: 4, medium: 3, info: 0 };
const ceiling: Record<RuleSeverity, number> = { block: 100, high: 79, medium: 49, info: 0 };
const gravity: RuleSeverity[] = ['block', 'high', 'medium', 'info'];

export interface RiskPart {
  ruleId: string;
  severity: RuleSeverity;
  /** What this failure added to the score. */
  points: number;
  /** True for the gravest failure, whose points are the band's floor. */
  sets: boolean;
}

export interface RiskBreakdown {
  score: number;
  parts: RiskPart[];
  /** Points the band's ceiling took off the sum, so the parts add up to the score. */
  capped: number;
}

/** The score and where each point came from ("why is this first?"). */
export function riskBreakdown(results: readonly RuleResult[]): RiskBreakdown {
  const failures = results
    .filter((r) => r.outcome === 'fail')
    .sort((a, b) => gravity.indexOf(a.severity) - gravity.indexOf(b.severity));
  if (failures.length === 0) return { score: 0, parts: [], capped: 0 };
  const parts = failures.map((result, i) => ({
    ruleId: result.ruleId,
    severity: result.severity,
    points: i === 0 ? floor[result.severity] : extra[result.severity],
    sets: i === 0,
  }));
  const sum = parts.reduce((total, part) => total + part.points, 0);
  const score = Math.min(sum, ceiling[failures[0].severity]);
  return { score, parts, capped: sum - score };
}

export const riskScore = (results: readonly RuleResult[]): number => riskBreakdown(results).score;

import type { RaRecord } from 'react-admin';
import { ruleSeverities, type RuleSeverity } from '../domain/model';
import type { CheckedResult } from '../domain/rules/engine';
import type { Tone } from './tones';

/** A failure's colour: what must not be published or must be looked at is red, what is worth a look amber. */
export const severityTone: Record<RuleSeverity, Tone> = {
  block: 'danger',
  high: 'danger',
  medium: 'warning',
  info: 'neutral',
};

/** The rule id without its content type's prefix (NEAR_DUP for REV_NEAR_DUP): the screen already says the type. */
export const shortRuleId = (ruleId: string) => ruleId.replace(/^[A-Z]+_/, '');

/** The results a record carries; an older record or a type without rules has none. */
export const ruleResultsOf = (record: RaRecord | undefined, source = 'ruleResults'): CheckedResult[] => {
  const results: unknown = record?.[source];
  return Array.isArray(results) ? (results as CheckedResult[]) : [];
};

/** The failed results, gravest first (ruleSeverities is in that order), as the risk score weighs them. */
export const failedResults = (results: readonly CheckedResult[]): CheckedResult[] =>
  results
    .filter((result) => result.outcome === 'fail')
    .sort((a, b) => ruleSeverities.indexOf(a.severity) - ruleSeverities.indexOf(b.severity));

/** A 0-1 similarity as moderators read it. */
export const asPercent = (share: number) => `${Math.round(share * 100)}%`;

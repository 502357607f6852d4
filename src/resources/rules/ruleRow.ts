import type { ThresholdSpec } from '../../domain/rules/engine';
import type { CheckedType } from '../../domain/rules/registry';
import type { RuleSeverity } from '../../domain/model';

/** A rule as GET /api/rules describes it: its definition, its current setting and how often it fires. */
export interface RuleRow {
  id: string;
  type: CheckedType;
  severity: RuleSeverity;
  description: string;
  threshold: ThresholdSpec | null;
  enabled: boolean;
  /** The threshold in force; null when the rule has none. */
  value: number | null;
  firedLast30Days: number;
  updatedAt: string | null;
  updatedBy: number | null;
}

/** What an admin may change of a rule. */
export type RuleSettingChange = Pick<RuleRow, 'enabled' | 'value'>;

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
  /** The rule's further numbers an admin may tune, by name. */
  tunables: Readonly<Record<string, ThresholdSpec>>;
  enabled: boolean;
  /** The threshold in force; null when the rule has none. */
  value: number | null;
  /** Each further number in force, by name. */
  tuned: Readonly<Record<string, number>>;
  firedLast30Days: number;
  updatedAt: string | null;
  updatedBy: number | null;
}

/** What an admin may change of a rule. */
export type RuleSettingChange = Pick<RuleRow, 'enabled' | 'value'> & { tuned?: Record<string, number> };

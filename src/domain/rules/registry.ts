import { answerRules } from './answers';
import { doctorRules } from './doctors';
import type { RuleType, ThresholdSpec } from './engine';
import { photoRules } from './photos';
import { reviewRules } from './reviews';

/** Every rule Verity runs, per content type: the Rules page, the settings and the server read this. */
export const rulesByType = {
  doctors: doctorRules,
  answers: answerRules,
  reviews: reviewRules,
  photos: photoRules,
} as const;

export type CheckedType = keyof typeof rulesByType;
export const checkedTypes = Object.keys(rulesByType) as CheckedType[];

export const isChecked = (resource: string): resource is CheckedType => Object.hasOwn(rulesByType, resource);

export interface RuleSummary {
  id: string;
  type: RuleType;
  severity: string;
  description: string;
  threshold: ThresholdSpec | null;
  tunables: Readonly<Record<string, ThresholdSpec>>;
}

export const allRules: RuleSummary[] = checkedTypes.flatMap((type) =>
  rulesByType[type].map((rule) => ({
    id: rule.id,
    type: rule.type,
    severity: rule.severity,
    description: rule.description,
    threshold: rule.threshold ?? null,
    tunables: rule.tunables ?? {},
  })),
);

export const findRule = (id: string): RuleSummary | undefined => allRules.find((rule) => rule.id === id);

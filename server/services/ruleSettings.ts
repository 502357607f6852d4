import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { SignedIn } from './auth';
import { lookUp } from '../../src/domain/lookup';
import { resolveSetting, type ThresholdSpec } from '../../src/domain/rules/engine';
import { allRules, type CheckedType, findRule, type RuleSummary } from '../../src/domain/rules/registry';
import type { Dialect } from '../db/connection';
import { asSettings, findingCounts, saveSetting, storedSettings } from '../db/rules';
import type { Database } from '../db/schema';
import { invalid, invalidBody, notFound } from '../errors';
import { appendAudit } from './audit';
import { requestRun } from './rerun';

/** The Rules page's rows: each rule, its current setting, and how often it fired lately. */

type Db = Kysely<Database>;

export interface RuleRow extends RuleSummary {
  enabled: boolean;
  /** The threshold in force; null for rules without one. */
  value: number | null;
  /** Each of the rule's further numbers in force, by name ({} for rules without any). */
  tuned: Readonly<Record<string, number>>;
  /** Items created in the last 30 days that fail the rule now. */
  firedLast30Days: number;
  updatedAt: string | null;
  updatedBy: number | null;
}

const recentDays = 30;

export async function listRules(db: Db, now: Date): Promise<RuleRow[]> {
  const stored = await storedSettings(db);
  const settings = asSettings(stored);
  const since = new Date(now.getTime() - recentDays * 86_400_000).toISOString();
  const counts = await findingCounts(db, since);
  return allRules.map((rule) => {
    const setting = resolveSetting(rule, settings);
    const row = stored.find((s) => s.ruleId === rule.id);
    return {
      ...rule,
      enabled: setting.enabled,
      value: setting.threshold,
      tuned: setting.tuned,
      firedLast30Days: counts.get(rule.id) ?? 0,
      updatedAt: row?.updatedAt ?? null,
      updatedBy: row?.updatedBy ?? null,
    };
  });
}

export async function getRule(db: Db, id: string, now: Date): Promise<RuleRow> {
  const row = (await listRules(db, now)).find((rule) => rule.id === id);
  if (!row) throw notFound(`there is no rule ${id.slice(0, 60)}`);
  return row;
}

export const ruleChange = z.strictObject({
  enabled: z.boolean().optional(),
  value: z
    .number()
    .finite()
    .nullable()
    .optional()
    .describe("The threshold; null puts back the rule's default"),
  tuned: z
    .record(z.string().max(60), z.number().finite().nullable())
    .optional()
    .describe("The rule's further numbers to change, by name; null puts back a number's default"),
});

const describe = (enabled: boolean, value: number | null, tuned: Readonly<Record<string, number>>) =>
  [
    `${enabled ? 'on' : 'off'}${value === null ? '' : ` at ${value}`}`,
    ...Object.entries(tuned).map(([name, number]) => `${name} ${number}`),
  ].join(', ');

/** A number checked against the bounds its rule declares; `path` names it in the error. */
function withinBounds(id: string, spec: ThresholdSpec, number: number, path: string, what: string): void {
  if (number < spec.min || number > spec.max)
    throw invalid(`${id}'s ${what} must be between ${spec.min} and ${spec.max}`, [
      { path, message: 'out of range' },
    ]);
}

/**
 * An admin turns a rule on or off or moves its threshold. The change and its audit entry are one
 * transaction, and the type's items are queued to be checked again under the new setting.
 */
export async function changeRule(
  db: Db,
  dialect: Dialect,
  id: string,
  body: unknown,
  actor: SignedIn,
  now: Date,
): Promise<RuleRow> {
  const rule = findRule(id);
  if (!rule) throw notFound(`there is no rule ${id.slice(0, 60)}`);
  const parsed = ruleChange.safeParse(body);
  if (!parsed.success) throw invalidBody(parsed.error);
  const before = await getRule(db, id, now);
  const enabled = parsed.data.enabled ?? before.enabled;
  let value = parsed.data.value === undefined ? before.value : parsed.data.value;
  if (!rule.threshold) {
    if (value !== null) throw invalid(`${id} has no threshold`, [{ path: 'value', message: 'not tunable' }]);
  } else {
    value ??= rule.threshold.default;
    withinBounds(id, rule.threshold, value, 'value', 'threshold');
  }
  const tuned = { ...before.tuned };
  for (const [name, number] of Object.entries(parsed.data.tuned ?? {})) {
    const spec = lookUp(rule.tunables, name);
    if (!spec) {
      const known = Object.keys(rule.tunables);
      throw invalid(
        `${id} has no number named ${name.slice(0, 60)}${known.length > 0 ? ` (it has ${known.join(', ')})` : ''}`,
        [{ path: `tuned.${name.slice(0, 60)}`, message: 'not tunable' }],
      );
    }
    tuned[name] = number ?? spec.default;
    withinBounds(id, spec, tuned[name], `tuned.${name}`, name);
  }
  const unchanged = Object.keys(tuned).every((name) => tuned[name] === before.tuned[name]);
  if (enabled === before.enabled && value === before.value && unchanged) return before;
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const saved = await saveSetting(trx, {
      ruleId: id,
      enabled: enabled ? 1 : 0,
      threshold: value,
      tuned: JSON.stringify(tuned),
      updatedAt: at,
      updatedBy: actor.id,
    });
    await appendAudit(trx, dialect, {
      at,
      actorId: actor.id,
      action: 'configure',
      resource: 'rules',
      recordId: saved.id,
      fromStatus: describe(before.enabled, before.value, before.tuned),
      toStatus: describe(enabled, value, tuned),
      reasonCode: null,
      note: id,
      ruleResults: null,
    });
    await requestRun(trx, rule.type as CheckedType, now);
  });
  return getRule(db, id, now);
}

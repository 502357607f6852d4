import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { can } from '../../src/domain/permissions';
import { type SampledType, sampledTypes, samplingKey } from '../../src/domain/quality';
import { defaultTargetHours } from '../../src/domain/stats';
import { type ModeratedResource, moderatedResources } from '../../src/domain/transitions';
import type { Dialect } from '../db/connection';
import { saveSettingRow, storedSetting, storedSettingRows } from '../db/credentials';
import type { Database } from '../db/schema';
import { ApiError, invalidBody, notFound } from '../errors';
import { appendAudit } from './audit';
import type { SignedIn } from './auth';

/**
 * Console-wide settings (rule thresholds have their own table): each with its default, the values
 * it takes, what it means and what guards it: admins change the console's, seniors the sampling
 * of quality checks. Every change is audited.
 */

type AnyDb = Kysely<Database> | Transaction<Database>;

interface SettingSpec<T> {
  key: string;
  description: string;
  schema: z.ZodType<T>;
  defaultValue: T;
  /** Who may change it: whoever may update this. */
  guard: 'settings' | 'quality';
  /** What a number counts; null for a switch. */
  unit: SettingUnit;
}

export type SettingUnit = 'hours' | 'percent' | null;

const fourEyes: SettingSpec<boolean> = {
  key: 'doctors.fourEyes',
  description:
    'Verifying a doctor takes two verifiers: the first one\'s "verify" waits for a second verifier to confirm',
  schema: z.boolean(),
  defaultValue: true,
  guard: 'settings',
  unit: null,
};

const typeNames: Record<ModeratedResource, string> = {
  answers: 'an answer',
  reviews: 'a review',
  photos: 'a photo pair',
  doctors: "a doctor's verification",
};

/** How long each type's items may wait; the dashboard shows the ones waiting longer. */
const targetSpec = (resource: ModeratedResource): SettingSpec<number> => ({
  key: `dashboard.targetHours.${resource}`,
  description: `Hours ${typeNames[resource]} may wait for a decision before the dashboard shows it over target`,
  schema: z
    .number()
    .int()
    .min(1)
    .max(24 * 90),
  defaultValue: defaultTargetHours[resource],
  guard: 'settings',
  unit: 'hours',
});

/** The share of a type's decisions drawn for a second review (quality checks); none by default. */
const samplingSpec = (resource: SampledType): SettingSpec<number> => ({
  key: samplingKey(resource),
  description: `Percent of the decisions on ${typeNames[resource]} drawn for a second review by another moderator`,
  schema: z.number().int().min(0).max(100),
  defaultValue: 0,
  guard: 'quality',
  unit: 'percent',
});

const sampling: Record<SampledType, SettingSpec<number>> = {
  answers: samplingSpec('answers'),
  reviews: samplingSpec('reviews'),
  photos: samplingSpec('photos'),
};

const targets: Record<ModeratedResource, SettingSpec<number>> = {
  answers: targetSpec('answers'),
  reviews: targetSpec('reviews'),
  photos: targetSpec('photos'),
  doctors: targetSpec('doctors'),
};

// Appended, never reordered: a setting's place in this list is the record id its audit entries name.
const settingSpecs: readonly SettingSpec<unknown>[] = [
  fourEyes as SettingSpec<unknown>,
  ...moderatedResources.map((resource) => targets[resource] as SettingSpec<unknown>),
  ...sampledTypes.map((resource) => sampling[resource] as SettingSpec<unknown>),
];

export interface SettingRow {
  key: string;
  value: unknown;
  description: string;
  updatedAt: string | null;
  updatedBy: number | null;
  /** What a role needs the update permission on to change it. */
  guard: 'settings' | 'quality';
  unit: SettingUnit;
}

async function valueOf<T>(db: AnyDb, spec: SettingSpec<T>): Promise<T> {
  const row = await storedSetting(db, spec.key);
  return row ? (JSON.parse(row.value) as T) : spec.defaultValue;
}

export const fourEyesVerification = (db: AnyDb) => valueOf(db, fourEyes);

export const targetHours = (db: AnyDb, resource: ModeratedResource) => valueOf(db, targets[resource]);

export const samplingPercent = (db: AnyDb, resource: SampledType) => valueOf(db, sampling[resource]);

export async function listSettings(db: AnyDb): Promise<SettingRow[]> {
  const stored = new Map((await storedSettingRows(db)).map((row) => [row.key, row]));
  return settingSpecs.map((spec) => {
    const row = stored.get(spec.key);
    return {
      key: spec.key,
      value: row ? JSON.parse(row.value) : spec.defaultValue,
      description: spec.description,
      updatedAt: row?.updatedAt ?? null,
      updatedBy: row?.updatedBy ?? null,
      guard: spec.guard,
      unit: spec.unit,
    };
  });
}

const settingChange = z.strictObject({ value: z.unknown() });

export async function changeSetting(
  db: Kysely<Database>,
  dialect: Dialect,
  key: string,
  body: unknown,
  actor: SignedIn,
  now: Date,
): Promise<SettingRow> {
  const spec = settingSpecs.find((s) => s.key === key);
  if (!spec) throw notFound(`there is no setting ${key.slice(0, 60)}`);
  if (!can(actor.role, 'update', spec.guard))
    throw new ApiError(403, 'forbidden', `a ${actor.role} may not change ${key}`);
  const change = settingChange.safeParse(body);
  if (!change.success) throw invalidBody(change.error);
  const parsed = spec.schema.safeParse(change.data.value);
  if (!parsed.success) throw invalidBody(parsed.error);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const before = await valueOf(trx, spec);
    if (JSON.stringify(before) === JSON.stringify(parsed.data)) return;
    await saveSettingRow(trx, {
      key,
      value: JSON.stringify(parsed.data),
      updatedAt: at,
      updatedBy: actor.id,
    });
    await appendAudit(trx, dialect, {
      at,
      actorId: actor.id,
      action: 'configure',
      resource: 'settings',
      // Settings have no numeric id; the key is the note.
      recordId: settingSpecs.indexOf(spec) + 1,
      fromStatus: JSON.stringify(before),
      toStatus: JSON.stringify(parsed.data),
      reasonCode: null,
      note: key,
      ruleResults: null,
    });
  });
  return (await listSettings(db)).find((row) => row.key === key)!;
}

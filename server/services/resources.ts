import type { Kysely } from 'kysely';
import { canonicalJson } from '../../src/domain/canonical';
import { parseListQuery, InvalidListQuery } from '../../src/domain/listQuery';
import { type ResourceSpec, serverOwnedFields } from '../../src/domain/resources';
import {
  type ApiRecord,
  deleteRecord,
  findRecord,
  insertRecord,
  listRecords,
  updateRecord,
} from '../db/records';
import type { Database } from '../db/schema';
import type { Dialect } from '../db/connection';
import { isChecked, type CheckedType } from '../../src/domain/rules/registry';
import type { CredentialRegistry } from '../registries/registry';
import { forgetChecks, recheck } from './checks';
import { askRegistry } from './credentials';
import {
  ApiError,
  badRequest,
  conflict,
  constraintViolation,
  invalid,
  invalidBody,
  isDataException,
  notFound,
} from '../errors';

/** The generic resources' business rules: what a client may read and write through plain REST. */

type Db = Kysely<Database>;

const readOnly = (spec: ResourceSpec) => new ApiError(405, 'method_not_allowed', `${spec.name} is read-only`);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseId(raw: string): number {
  const id = /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id))
    throw badRequest(`"${raw.slice(0, 40)}" is not a record id (a positive integer)`);
  return id;
}

export async function listResource(
  db: Db,
  dialect: Dialect,
  spec: ResourceSpec,
  params: { filter?: string; sort?: string; range?: string },
) {
  try {
    const query = parseListQuery(spec, params);
    return { ...(await listRecords(db, dialect, spec, query)), offset: query.offset };
  } catch (error) {
    if (error instanceof InvalidListQuery) throw badRequest(error.message, { param: error.param });
    throw error;
  }
}

export async function getResource(db: Db, spec: ResourceSpec, id: number): Promise<ApiRecord> {
  const record = await findRecord(db, spec, id);
  if (!record) throw notFound(`${spec.name} ${id} does not exist`);
  return record;
}

/** Integrity errors a client's values can cause, as the 4xx they deserve. */
function asClientError(spec: ResourceSpec, error: unknown, whileDeleting = false): unknown {
  if (isDataException(error)) return invalid('a value is out of range or cannot be stored');
  switch (constraintViolation(error)) {
    case 'foreignKey':
      return whileDeleting
        ? conflict(`${spec.name} that other records refer to cannot be deleted`)
        : invalid('a referenced record does not exist');
    case 'unique':
      return conflict('a record with the same unique value already exists');
    case 'notNull':
    case 'check':
      return invalid('a required value is missing or out of range');
    default:
      return error;
  }
}

/**
 * A doctor is checked against the registry's answer about their NPI, asked for before the write:
 * the registry may be slow, and no transaction waits on it.
 */
async function askAbout(
  db: Db,
  spec: ResourceSpec,
  values: Record<string, unknown>,
  now: Date,
  registry?: CredentialRegistry,
) {
  if (spec.name === 'doctors' && registry && typeof values.npi === 'string') {
    await askRegistry(db, registry, [values.npi], now);
  }
}

export async function createResource(
  db: Db,
  spec: ResourceSpec,
  body: unknown,
  now: Date,
  registry?: CredentialRegistry,
): Promise<ApiRecord> {
  if (!spec.create) throw readOnly(spec);
  if (!isPlainObject(body)) throw invalid('the body must be a JSON object');
  const parsed = spec.create.safeParse(body);
  if (!parsed.success) throw invalidBody(parsed.error);
  const values = {
    ...spec.defaults,
    ...parsed.data,
    ...('createdAt' in spec.fields ? { createdAt: now.toISOString() } : {}),
  };
  await askAbout(db, spec, values, now, registry);
  try {
    if (!isChecked(spec.name)) return await insertRecord(db, spec, values);
    // The item and its rule results are written together: no reader ever sees it unchecked.
    return await db.transaction().execute(async (trx) => {
      const created = await insertRecord(trx, spec, values);
      return (await recheck(trx, spec.name as CheckedType, created.id as number, now))!;
    });
  } catch (error) {
    throw asClientError(spec, error);
  }
}

/**
 * What the rules concluded changes without an edit (a re-run, a new near-duplicate), so an edit
 * form may send back any earlier state of it; it is ignored, and the write checks the item again.
 */
const checkOutcomes = new Set(['ruleResults', 'riskScore']);

/**
 * A PUT carries the whole record, as react-admin sends it. Server-owned fields may come back
 * unchanged but never changed: moderation state moves only through decisions. A `version` in
 * the body makes the write conditional, so two editors cannot silently overwrite each other.
 */
export async function updateResource(
  db: Db,
  spec: ResourceSpec,
  id: number,
  body: unknown,
  now: Date,
  registry?: CredentialRegistry,
): Promise<ApiRecord> {
  if (!spec.create) throw readOnly(spec);
  if (!isPlainObject(body)) throw invalid('the body must be a JSON object');
  const current = await getResource(db, spec, id);
  const writable: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body)) {
    if (!Object.hasOwn(spec.fields, field))
      throw invalid(`${spec.name} has no field ${field}`, [{ path: field, message: 'unknown field' }]);
    if (field === 'version' || checkOutcomes.has(field)) continue;
    if (!serverOwnedFields.has(field)) writable[field] = value;
    else if (canonicalJson(value) !== canonicalJson(current[field])) {
      const how = field === spec.statusField ? `: use POST /api/${spec.name}/${id}/decision` : '';
      throw invalid(`${field} is set by the server${how}`, [{ path: field, message: 'read-only field' }]);
    }
  }
  const parsed = spec.create.partial().safeParse(writable);
  if (!parsed.success) throw invalidBody(parsed.error);
  // zod fills defaults for absent keys; an update changes only what the client sent.
  const changes = Object.fromEntries(Object.entries(parsed.data).filter(([field]) => field in writable));
  const version = body.version;
  if (version !== undefined && !Number.isSafeInteger(version)) throw invalid('version must be an integer');
  if (!('version' in spec.fields) && Object.keys(changes).length === 0) return current;
  await askAbout(db, spec, { ...current, ...changes }, now, registry);
  let updated: ApiRecord | null;
  const expected = (version as number | undefined) ?? null;
  try {
    updated = isChecked(spec.name)
      ? await db.transaction().execute(async (trx) => {
          const written = await updateRecord(trx, spec, id, changes, expected);
          return written && recheck(trx, spec.name as CheckedType, id, now);
        })
      : await updateRecord(db, spec, id, changes, expected);
  } catch (error) {
    throw asClientError(spec, error);
  }
  if (!updated) {
    const now = await getResource(db, spec, id);
    throw conflict(`${spec.name} ${id} changed since version ${String(version)}; reload it`, {
      version: now.version,
    });
  }
  return updated;
}

export async function deleteResource(db: Db, spec: ResourceSpec, id: number, now: Date): Promise<ApiRecord> {
  if (!spec.deletable)
    throw new ApiError(405, 'method_not_allowed', `${spec.name} records cannot be deleted`);
  const current = await getResource(db, spec, id);
  try {
    if (!isChecked(spec.name)) await deleteRecord(db, spec, id);
    else
      await db.transaction().execute(async (trx) => {
        await deleteRecord(trx, spec, id);
        await forgetChecks(trx, spec.name as CheckedType, current, now);
      });
  } catch (error) {
    throw asClientError(spec, error, true);
  }
  return current;
}

import { type Kysely, type RawBuilder, sql } from 'kysely';
import { resourceSpecs } from '../../src/domain/resources';
import type { DecisionAction, ModeratedResource } from '../../src/domain/transitions';
import type { Dialect } from './connection';
import type { Database } from './schema';

/**
 * The statistics' SQL: every figure is an aggregate the database computes over an index (the
 * audit log by resource and time, the records by status and arrival, the kept counts), so what
 * crosses into the server is one row per type, day or moderator, never the items themselves.
 * Days are the first ten characters of the stored ISO timestamps, which are UTC on both engines.
 */

type Db = Kysely<Database>;

const day = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 10)`;
const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));
const statusOf = (resource: ModeratedResource) => resourceSpecs[resource].statusField!;

/** Records of `resource` per status, as the triggers of migration 009 keep them. */
export async function statusCounts(db: Db, resource: ModeratedResource): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('recordCounts')
    .select(['status', 'count'])
    .where('resource', '=', resource)
    .execute();
  return new Map(rows.map((row) => [row.status, Number(row.count)]));
}

/** The arrival of the oldest record waiting in `statuses`, and how many waiting arrived at or before `before`, as a list filtered by `createdAt_lte` counts them. */
export async function waitingSince(
  db: Db,
  resource: ModeratedResource,
  statuses: readonly string[],
  before: string,
): Promise<{ oldest: string | null; arrivedBefore: number }> {
  const table = sql.table(resource);
  const status = sql.ref(statusOf(resource));
  const { rows } = await sql<{ oldest: string | null; arrivedBefore: number }>`
    select min("createdAt") as oldest,
      count(case when "createdAt" <= ${before} then 1 end) as "arrivedBefore"
    from ${table} where ${status} in (${list(statuses)})`.execute(db);
  return { oldest: rows[0]?.oldest ?? null, arrivedBefore: Number(rows[0]?.arrivedBefore ?? 0) };
}

/** Audit entries of `actions` on `resource` since each of the given instants. */
export async function decisionsSince(
  db: Db,
  resource: ModeratedResource,
  actions: readonly DecisionAction[],
  since: readonly string[],
): Promise<number[]> {
  const earliest = [...since].sort()[0];
  const { rows } = await sql<Record<string, number | null>>`
    select ${sql.join(since.map((at, i) => sql`count(case when at >= ${at} then 1 end) as ${sql.ref(`since${i}`)}`))}
    from audit where resource = ${resource} and at >= ${earliest} and action in (${list(actions)})`.execute(
    db,
  );
  return since.map((_, i) => Number(rows[0]?.[`since${i}`] ?? 0));
}

/**
 * Per day from `firstDay`, how many records joined the queue (`statuses`) less how many left it:
 * on arrival, and by every audited move across the queue's edge. Records arrive in
 * `arrivalStatus` when the type has one; otherwise in the status their first audited decision
 * took them from, or the one they are still in.
 */
export async function queueFlows(
  db: Db,
  resource: ModeratedResource,
  statuses: readonly string[],
  arrivalStatus: string | null,
  firstDay: string,
): Promise<Map<string, number>> {
  const queued = list(statuses);
  const table = sql.table(resource);
  const status = sql.ref(`${resource}.${statusOf(resource)}`);
  const arrivedQueued =
    arrivalStatus === null
      ? sql`coalesce((select a."fromStatus" from audit a
          where a.resource = ${resource} and a."recordId" = ${sql.ref(`${resource}.id`)} and a."fromStatus" is not null
          order by a.id limit 1), ${status}) in (${queued})`
      : sql.lit(statuses.includes(arrivalStatus));
  const arrivals = await sql<{ day: string; n: number }>`
    select ${day('createdAt')} as day, count(*) as n from ${table}
    where "createdAt" >= ${firstDay} and ${arrivedQueued}
    group by ${day('createdAt')}`.execute(db);
  const moves = await sql<{ day: string; n: number }>`
    select ${day('at')} as day,
      sum(case when coalesce("toStatus", '') in (${queued}) then 1 else -1 end) as n
    from audit
    where resource = ${resource} and at >= ${firstDay}
      and (coalesce("toStatus", '') in (${queued})) <> (coalesce("fromStatus", '') in (${queued}))
    group by ${day('at')}`.execute(db);
  const net = new Map<string, number>();
  for (const row of [...arrivals.rows, ...moves.rows])
    net.set(row.day, (net.get(row.day) ?? 0) + Number(row.n));
  return net;
}

/** Decisions on `resource` per day and action from `firstDay`. */
export async function decisionsPerDay(
  db: Db,
  resource: ModeratedResource,
  actions: readonly DecisionAction[],
  firstDay: string,
): Promise<{ day: string; action: string; n: number }[]> {
  const { rows } = await sql<{ day: string; action: string; n: number }>`
    select ${day('at')} as day, action, count(*) as n from audit
    where resource = ${resource} and at >= ${firstDay} and action in (${list(actions)})
    group by ${day('at')}, action`.execute(db);
  return rows.map((row) => ({ ...row, n: Number(row.n) }));
}

export interface Percentiles {
  key: string | number;
  n: number;
  median: number | null;
  p90: number | null;
}

/**
 * Nearest-rank median and 90th percentile of `value` per `key`, over the rows `source` selects
 * (columns subject and measure): each row's rank is numbered in the database, which hands back one row per key.
 */
async function percentiles(db: Db, source: RawBuilder<unknown>): Promise<Percentiles[]> {
  const { rows } = await sql<Percentiles>`
    select subject as key, max(total) as n,
      min(case when place * 100 >= total * 50 then measure end) as median,
      min(case when place * 100 >= total * 90 then measure end) as p90
    from (
      select subject, measure,
        row_number() over (partition by subject order by measure) as place,
        count(*) over (partition by subject) as total
      from (${source}) chosen
    ) ranked
    group by subject`.execute(db);
  return rows.map((row) => ({
    key: row.key,
    n: Number(row.n),
    median: row.median === null ? null : Number(row.median),
    p90: row.p90 === null ? null : Number(row.p90),
  }));
}

/** Claim-to-decision times of the decisions in [from, to) per type, or per moderator. */
export const handlingTimes = (
  db: Db,
  by: 'resource' | 'actorId',
  range: { from: string; to: string },
  actorId?: number,
) =>
  percentiles(
    db,
    sql`select ${sql.ref(by)} as subject, ms as measure from "handlingTimes"
      where "decidedAt" >= ${range.from} and "decidedAt" < ${range.to}
      ${actorId === undefined ? sql`` : sql`and "actorId" = ${actorId}`}`,
  );

/** Waiting items of `resource` per rule their latest check failed. */
export async function failingRules(
  db: Db,
  resource: ModeratedResource,
  statuses: readonly string[],
): Promise<{ ruleId: string; n: number }[]> {
  const { rows } = await sql<{ ruleId: string; n: number }>`
    select f."ruleId" as "ruleId", count(*) as n
    from "ruleFindings" f join ${sql.table(resource)} t on t.id = f."recordId"
    where f.resource = ${resource} and ${sql.ref(`t.${statusOf(resource)}`)} in (${list(statuses)})
    group by f."ruleId"`.execute(db);
  return rows.map((row) => ({ ruleId: row.ruleId, n: Number(row.n) }));
}

/** Decisions per moderator and day in [from, to), by everyone or by one moderator. */
export async function decisionsPerModerator(
  db: Db,
  actions: readonly string[],
  range: { from: string; to: string },
  actorId?: number,
): Promise<{ actorId: number; day: string; n: number }[]> {
  const { rows } = await sql<{ actorId: number; day: string; n: number }>`
    select "actorId", ${day('at')} as day, count(*) as n from audit
    where at >= ${range.from} and at < ${range.to} and "actorId" is not null
      and action in (${list(actions)})
      ${actorId === undefined ? sql`` : sql`and "actorId" = ${actorId}`}
    group by "actorId", ${day('at')}`.execute(db);
  return rows.map((row) => ({ actorId: Number(row.actorId), day: row.day, n: Number(row.n) }));
}

/** Per moderator, how many of their decisions (`actions`) in [from, to) a later revert undid. */
export async function revertedPerModerator(
  db: Db,
  actions: readonly string[],
  range: { from: string; to: string },
  actorId?: number,
): Promise<Map<number, number>> {
  const { rows } = await sql<{ actorId: number; n: number }>`
    select d."actorId" as "actorId", count(*) as n
    from audit r join audit d on d.id = (
      select max(p.id) from audit p where p.resource = r.resource and p."recordId" = r."recordId" and p.id < r.id
        and p.action in (${list(actions)}))
    where r.action = 'revert' and r.at >= ${range.from}
      and d.at >= ${range.from} and d.at < ${range.to} and d."actorId" is not null
      ${actorId === undefined ? sql`` : sql`and d."actorId" = ${actorId}`}
    group by d."actorId"`.execute(db);
  return new Map(rows.map((row) => [Number(row.actorId), Number(row.n)]));
}

export async function moderatorNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('moderators')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Records of `resource` that arrived in [from, to). */
export async function arrivals(db: Db, resource: ModeratedResource, range: { from: string; to: string }) {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from ${sql.table(resource)}
    where "createdAt" >= ${range.from} and "createdAt" < ${range.to}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Audit entries of `actions` on the moderated types in [from, to), counted per type, action, outcome and reason. */
export async function outcomes(
  db: Db,
  resources: readonly string[],
  actions: readonly string[],
  range: { from: string; to: string },
) {
  const { rows } = await sql<{
    resource: string;
    action: string;
    toStatus: string | null;
    reasonCode: string | null;
    n: number;
  }>`
    select resource, action, "toStatus", "reasonCode", count(*) as n from audit
    where resource in (${list(resources)}) and at >= ${range.from} and at < ${range.to}
      and action in (${list(actions)})
    group by resource, action, "toStatus", "reasonCode"`.execute(db);
  return rows.map((row) => ({ ...row, n: Number(row.n) }));
}

/** Milliseconds between two ISO timestamps stored as text. */
const msBetween = (dialect: Dialect, from: string, to: string) =>
  dialect === 'postgres'
    ? sql`extract(epoch from (${sql.ref(to)}::timestamptz - ${sql.ref(from)}::timestamptz)) * 1000`
    : sql`(julianday(${sql.ref(to)}) - julianday(${sql.ref(from)})) * 86400000`;

/** Nearest-rank median time from arrival to decision, in ms, of `actions` on `resource` in [from, to). */
export async function timeToDecision(
  db: Db,
  dialect: Dialect,
  resource: ModeratedResource,
  actions: readonly string[],
  range: { from: string; to: string },
): Promise<number | null> {
  const [row] = await percentiles(
    db,
    sql`select 1 as subject, ${msBetween(dialect, 't.createdAt', 'a.at')} as measure
      from audit a join ${sql.table(resource)} t on t.id = a."recordId"
      where a.resource = ${resource} and a.at >= ${range.from} and a.at < ${range.to}
        and a.action in (${list(actions)})`,
  );
  return row?.median ?? null;
}

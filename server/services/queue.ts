import { can } from '../../src/domain/permissions';
import { resourceSpecs } from '../../src/domain/resources';
import {
  type ModeratedResource,
  moderatedResources,
  openStatuses,
  queueStatuses,
} from '../../src/domain/transitions';
import type { Db } from '../db/connection';
import { claimRecord, nextUnclaimed, releaseClaim } from '../db/moderation';
import { type ApiRecord, findRecord } from '../db/records';
import { ApiError, conflict, notFound } from '../errors';
import type { SignedIn } from './auth';
import { claimedConflict, decidedConflict, heldByAnother, statusOf } from './decisions';

/**
 * The moderation queue: every moderator asks for "the next item" and gets one nobody else is
 * working on, held for them by a claim that lapses on its own if they walk away.
 */

/** How long a claim holds an item; claiming it again renews the lease. */
export const claimLeaseMs = 5 * 60_000;

export interface QueueItem {
  resource: ModeratedResource;
  record: ApiRecord;
}

/** Riskiest first, then oldest, then by id, so that the order is total and the same everywhere. */
const queueOrder = (a: QueueItem, b: QueueItem) =>
  (b.record.riskScore as number) - (a.record.riskScore as number) ||
  String(a.record.createdAt).localeCompare(String(b.record.createdAt)) ||
  (a.record.id as number) - (b.record.id as number) ||
  moderatedResources.indexOf(a.resource) - moderatedResources.indexOf(b.resource);

const lease = (now: Date) => ({
  now: now.toISOString(),
  until: new Date(now.getTime() + claimLeaseMs).toISOString(),
});

/**
 * Claims the first pending item among `types` (every type the caller may decide, when absent)
 * that nobody holds; null when there is none. Looking and claiming are one transaction, so two
 * callers never get the same item.
 *
 * The head of each type is read first, without locks, to rank the types. On PostgreSQL the
 * item is then taken with `for update skip locked` from the best-ranked type that still has a
 * free one, locking only the row it claims: locking every type's head would hide items from
 * concurrent callers that this caller is not going to take. Under contention the item may be
 * the best free one of that type rather than the head another caller is just claiming. SQLite
 * has one writer, so the head read is the one claimed.
 */
export async function claimNext(
  db: Db,
  actor: SignedIn,
  types: readonly ModeratedResource[] | undefined,
  now: Date,
): Promise<QueueItem | null> {
  const notDecidable = (types ?? []).filter((resource) => !can(actor.role, 'decide', resource));
  if (notDecidable.length > 0) {
    throw new ApiError(403, 'forbidden', `a ${actor.role} may not decide ${notDecidable.join(', ')}`);
  }
  const wanted = (types ?? moderatedResources).filter((resource) => can(actor.role, 'decide', resource));
  const { now: at, until } = lease(now);
  const locking = db.dialect === 'postgres';
  return db.kysely.transaction().execute(async (trx) => {
    const heads: QueueItem[] = [];
    for (const resource of wanted) {
      const record = await nextUnclaimed(
        trx,
        resourceSpecs[resource],
        queueStatuses(resource),
        actor.id,
        at,
        false,
      );
      if (record) heads.push({ resource, record });
    }
    for (const head of heads.sort(queueOrder)) {
      const spec = resourceSpecs[head.resource];
      const statuses = queueStatuses(head.resource);
      const free = locking ? await nextUnclaimed(trx, spec, statuses, actor.id, at, true) : head.record;
      if (!free) continue;
      const record = await claimRecord(trx, spec, free.id as number, {
        moderatorId: actor.id,
        statuses,
        now: at,
        until,
      });
      // The row was read unclaimed under a lock (or by the only writer), so this cannot miss.
      if (!record) throw conflict('the queue changed while claiming; ask again');
      return { resource: head.resource, record };
    }
    return null;
  });
}

/** Claims one record for the caller, or renews their claim; 409 when someone else holds it. */
export async function claimFor(
  db: Db,
  resource: ModeratedResource,
  id: number,
  actor: SignedIn,
  now: Date,
): Promise<ApiRecord> {
  const spec = resourceSpecs[resource];
  const claimed = await claimRecord(db.kysely, spec, id, {
    moderatorId: actor.id,
    statuses: openStatuses(resource),
    ...lease(now),
  });
  if (claimed) return claimed;
  const current = await findRecord(db.kysely, spec, id);
  if (!current) throw notFound(`${resource} ${id} does not exist`);
  if (!openStatuses(resource).includes(statusOf(resource, current))) {
    throw await decidedConflict(db.kysely, resource, current, 'has nothing left to decide');
  }
  throw await claimedConflict(db.kysely, resource, current);
}

/** Gives up the caller's claim; releasing what one does not hold changes nothing. */
export async function releaseFor(
  db: Db,
  resource: ModeratedResource,
  id: number,
  actor: SignedIn,
  now: Date,
): Promise<ApiRecord> {
  const spec = resourceSpecs[resource];
  const released = await releaseClaim(db.kysely, spec, id, actor.id);
  if (released) return released;
  const current = await findRecord(db.kysely, spec, id);
  if (!current) throw notFound(`${resource} ${id} does not exist`);
  if (heldByAnother(current, actor.id, now)) throw await claimedConflict(db.kysely, resource, current);
  return current;
}

import { resourceSpecs } from '../../src/domain/resources';
import type { ModeratedResource } from '../../src/domain/transitions';
import type { Db } from '../db/connection';
import { auditEntriesOf } from '../db/moderation';
import { noticesOf } from '../db/outbox';
import { findRecord } from '../db/records';
import { notFound } from '../errors';

/** What a record's page shows besides the record: the decisions taken on it and what its author was told. */

async function mustExist(db: Db, resource: ModeratedResource, id: number): Promise<void> {
  if (!(await findRecord(db.kysely, resourceSpecs[resource], id))) {
    throw notFound(`${resource} ${id} does not exist`);
  }
}

export async function recordHistory(db: Db, resource: ModeratedResource, id: number) {
  await mustExist(db, resource, id);
  return auditEntriesOf(db.kysely, resource, id);
}

export async function recordNotices(db: Db, resource: ModeratedResource, id: number) {
  await mustExist(db, resource, id);
  return noticesOf(db.kysely, resource, id);
}

import type { Insertable, Kysely } from 'kysely';
import type { Database, OutboxTable } from './schema';

type Db = Kysely<Database>;

export type Notice = Insertable<OutboxTable>;

/** Queues a message to an author; call it in the transaction of the decision it reports. */
export async function queueNotice(trx: Db, notice: Notice): Promise<number> {
  const { id } = await trx.insertInto('outbox').values(notice).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** What was queued for the author of one record, oldest first. */
export async function noticesOf(db: Db, resource: string, recordId: number) {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('resource', '=', resource)
    .where('recordId', '=', recordId)
    .orderBy('id')
    .execute();
}

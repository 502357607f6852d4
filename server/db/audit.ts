import { type Kysely, sql, type Transaction } from 'kysely';
import type { Dialect } from './connection';
import type { AuditTable, Database } from './schema';

export type AuditRow = Omit<AuditTable, 'id'>;

/**
 * The recorded head's hash, read under a lock that PostgreSQL holds until the transaction ends,
 * so two decisions committed at the same moment cannot both extend the same entry. SQLite
 * already runs one write transaction at a time. The head, not the newest row left, so an entry
 * appended after a truncation links to the deleted entry and names the break.
 */
export async function lockAuditHead(trx: Transaction<Database>, dialect: Dialect): Promise<string | null> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('verity.audit'))`.execute(trx);
  return (await recordedAuditHead(trx))?.hash ?? null;
}

/** The newest entry as the audit head records it (migration 010), or undefined before the first. */
export async function recordedAuditHead(db: Kysely<Database>) {
  return db
    .selectFrom('auditHead')
    .select(['entryId', 'hash'])
    .where('chain', '=', 'audit')
    .executeTakeFirst();
}

export async function insertAuditRow(trx: Transaction<Database>, row: AuditRow): Promise<number> {
  const { id } = await trx.insertInto('audit').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Every entry in chain order, in pages, for the verifier. */
export async function* auditRowsInOrder(db: Kysely<Database>, pageSize = 5000) {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1].id;
  }
}

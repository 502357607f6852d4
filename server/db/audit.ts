import { type Kysely, sql, type Transaction } from 'kysely';
import type { Dialect } from './connection';
import type { AuditTable, Database } from './schema';

export type AuditRow = Omit<AuditTable, 'id'>;

/**
 * The newest entry's hash, read under a lock that PostgreSQL holds until the transaction ends,
 * so two decisions committed at the same moment cannot both extend the same entry. SQLite
 * already runs one write transaction at a time.
 */
export async function lockAuditHead(trx: Transaction<Database>, dialect: Dialect): Promise<string | null> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('verity.audit'))`.execute(trx);
  const head = await trx.selectFrom('audit').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return head?.hash ?? null;
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

import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection';

/**
 * auditHead: the newest audit entry's id and hash, kept by a trigger in the transaction of every
 * insert into the audit log, seeded rows included. Every entry names the one before it, so a
 * deletion inside the chain breaks a link; only this record shows that entries were taken off its
 * end. New entries link to it rather than to the newest row left, so a truncation stays visible
 * after the next decision too.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('auditHead')
    .addColumn('chain', 'text', (c) => c.primaryKey())
    .addColumn('entryId', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await sql`
    insert into "auditHead" (chain, "entryId", hash)
    select 'audit', id, hash from audit order by id desc limit 1
  `.execute(db);

  const recordHead = (rows: string) => sql`
    insert into "auditHead" (chain, "entryId", hash)
    select 'audit', id, hash from ${sql.raw(rows)} order by id desc limit 1
    on conflict (chain) do update set "entryId" = excluded."entryId", hash = excluded.hash;`;
  if (dialect === 'sqlite') {
    await sql`create trigger audit_head after insert on audit begin
      ${recordHead('(select new.id as id, new.hash as hash)')}
    end`.execute(db);
    return;
  }
  // One head write per statement: a bulk insert of the seed moves the head once.
  await sql`create function audit_head() returns trigger language plpgsql as $$
    begin ${recordHead('inserted')} return null; end $$`.execute(db);
  await sql`create trigger audit_head after insert on audit
    referencing new table as inserted for each statement execute function audit_head()`.execute(db);
}

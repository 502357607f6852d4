import type { Kysely } from 'kysely';
import type { Dialect } from '../connection';

/**
 * The outbox: what the authors of rejected items are told, queued in the transaction of the
 * decision that caused it, so a message is never sent for a decision that rolled back nor lost
 * for one that committed. A sender (not part of this server) delivers queued rows.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const table = db.schema.createTable('outbox');
  await (
    dialect === 'postgres'
      ? table.addColumn('id', 'serial', (c) => c.primaryKey())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('recordId', 'integer', (c) => c.notNull())
    // An e-mail address when the author left one (reviewers), else the author's name.
    .addColumn('recipient', 'text', (c) => c.notNull())
    // The reason code whose message this is.
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
    .addColumn('auditId', 'integer', (c) => c.notNull().references('audit.id'))
    .execute();
  // A record's page lists what its author was sent; a sender picks up what is still queued.
  await db.schema.createIndex('outbox_record').on('outbox').columns(['resource', 'recordId']).execute();
  await db.schema.createIndex('outbox_status').on('outbox').columns(['status', 'id']).execute();
}

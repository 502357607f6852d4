import type { Kysely } from 'kysely';

/**
 * Lists sort by one field and then by id, so that pages never overlap. An index that ends with
 * (field, id) lets both databases read the first page of a status tab straight from the index in
 * either direction, instead of sorting every row of that status; the queue's own order
 * (riskScore desc, createdAt) keeps its index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['answers', 'reviews', 'photos']) {
    await db.schema.dropIndex(`${table}_risk`).execute();
    await db.schema.createIndex(`${table}_risk`).on(table).columns(['riskScore', 'id']).execute();
    await db.schema
      .createIndex(`${table}_status_risk`)
      .on(table)
      .columns(['status', 'riskScore', 'id'])
      .execute();
    await db.schema
      .createIndex(`${table}_status_created`)
      .on(table)
      .columns(['status', 'createdAt', 'id'])
      .execute();
  }
  await db.schema
    .createIndex('doctors_status_risk')
    .on('doctors')
    .columns(['verificationStatus', 'riskScore', 'id'])
    .execute();
}

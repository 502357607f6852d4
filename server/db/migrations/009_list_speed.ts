import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection';

/**
 * What keeps lists fast however large the site grows:
 * - recordCounts: how many records each resource holds per moderation status ('' for resources
 *   without one), kept by triggers in the same transaction as every insert, delete and status
 *   change, so a list's total and the status tabs never count rows;
 * - full-text search for `q`: a table of each record's words per resource, FTS5 on SQLite and a
 *   tsvector with a GIN index on PostgreSQL, both kept by triggers, both over the same words (letters and digits, lower-cased, nothing
 *   stemmed), so a search finds the same records on both;
 * - ruleFindings.message: the message of each failed rule, so a list row shows its failed rules
 *   without reading the item's whole results.
 */

/** Each resource's searchable text fields and the column its counts are kept by, as of this migration. */
const resources: { table: string; search: string[]; countedBy: string | null }[] = [
  {
    table: 'doctors',
    search: ['name', 'specialty', 'practiceName', 'city', 'npi', 'licenseNumber', 'board'],
    countedBy: 'verificationStatus',
  },
  { table: 'questions', search: ['title', 'body', 'askerName'], countedBy: null },
  { table: 'answers', search: ['body'], countedBy: 'status' },
  { table: 'reviews', search: ['title', 'body'], countedBy: 'status' },
  { table: 'photos', search: ['caption'], countedBy: 'status' },
  { table: 'audit', search: ['note', 'reasonCode'], countedBy: null },
  { table: 'moderators', search: ['name', 'email'], countedBy: null },
];

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('recordCounts')
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('recordCounts_pk', ['resource', 'status'])
    .execute();
  await db.schema.alterTable('ruleFindings').addColumn('message', 'text').execute();

  for (const resource of resources) {
    const key = resource.countedBy ? sql.ref(resource.countedBy) : sql.lit('');
    await sql`
      insert into "recordCounts" (resource, status, count)
      select ${sql.lit(resource.table)}, ${key}, count(*) from ${sql.table(resource.table)}
      ${resource.countedBy ? sql`group by ${key}` : sql``}
    `.execute(db);
    if (dialect === 'sqlite') await sqliteTriggers(db, resource);
    else await postgresTriggers(db, resource);
  }
}

const id = (name: string) => sql.id(name);

async function sqliteTriggers(
  db: Kysely<unknown>,
  { table, search, countedBy }: (typeof resources)[number],
): Promise<void> {
  const count = (row: 'new' | 'old') => (countedBy ? sql.raw(`${row}."${countedBy}"`) : sql.lit(''));
  const add = (row: 'new' | 'old', step: 1 | -1) => sql`
    insert into "recordCounts" (resource, status, count) values (${sql.lit(table)}, ${count(row)}, ${sql.lit(step)})
    on conflict (resource, status) do update set count = count + ${sql.lit(step)};`;
  const fts = `${table}_search`;
  const columns = sql.join(search.map(id));
  const values = (row: 'new' | 'old') => sql.join(search.map((field) => sql.raw(`${row}."${field}"`)));
  await sql`create virtual table ${id(fts)} using fts5(${columns}, content=${sql.lit(table)}, content_rowid='id', tokenize='unicode61 remove_diacritics 0')`.execute(
    db,
  );
  await sql`insert into ${id(fts)} (${id(fts)}) values ('rebuild')`.execute(db);
  await sql`create trigger ${id(`${table}_kept_insert`)} after insert on ${id(table)} begin
    ${add('new', 1)}
    insert into ${id(fts)} (rowid, ${columns}) values (new.id, ${values('new')});
  end`.execute(db);
  await sql`create trigger ${id(`${table}_kept_delete`)} after delete on ${id(table)} begin
    ${add('old', -1)}
    insert into ${id(fts)} (${id(fts)}, rowid, ${columns}) values ('delete', old.id, ${values('old')});
  end`.execute(db);
  await sql`create trigger ${id(`${table}_kept_text`)} after update of ${columns} on ${id(table)} begin
    insert into ${id(fts)} (${id(fts)}, rowid, ${columns}) values ('delete', old.id, ${values('old')});
    insert into ${id(fts)} (rowid, ${columns}) values (new.id, ${values('new')});
  end`.execute(db);
  if (countedBy) {
    await sql`create trigger ${id(`${table}_kept_status`)} after update of ${id(countedBy)} on ${id(table)}
      when old.${id(countedBy)} is not new.${id(countedBy)} begin
      ${add('old', -1)}
      ${add('new', 1)}
    end`.execute(db);
  }
}

/**
 * PostgreSQL counts a statement's rows at once (transition tables), so a bulk insert of thousands
 * of rows updates each count row once, not once per row.
 */
async function postgresTriggers(
  db: Kysely<unknown>,
  { table, search, countedBy }: (typeof resources)[number],
): Promise<void> {
  const key = countedBy ? sql.ref(countedBy) : sql.lit('');
  const tally = (rows: string, sign: '+' | '-') => sql`
    insert into "recordCounts" (resource, status, count)
    select ${sql.lit(table)}, ${key}, ${sql.raw(sign)}count(*) from ${sql.raw(rows)}
    ${countedBy ? sql`group by ${key}` : sql``}
    on conflict (resource, status) do update set count = "recordCounts".count + excluded.count;`;
  const fn = (name: string) => id(`${table}_${name}`);
  await sql`create function ${fn('counted_insert')}() returns trigger language plpgsql as $$
    begin ${tally('inserted', '+')} return null; end $$`.execute(db);
  await sql`create function ${fn('counted_delete')}() returns trigger language plpgsql as $$
    begin ${tally('deleted', '-')} return null; end $$`.execute(db);
  await sql`create trigger ${fn('kept_insert')} after insert on ${id(table)}
    referencing new table as inserted for each statement execute function ${fn('counted_insert')}()`.execute(
    db,
  );
  await sql`create trigger ${fn('kept_delete')} after delete on ${id(table)}
    referencing old table as deleted for each statement execute function ${fn('counted_delete')}()`.execute(
    db,
  );
  if (countedBy) {
    // A status change moves one row between counts; PostgreSQL allows no transition tables on a
    // trigger for one column, and a trigger for every update would write the counts on every check.
    const status = sql.ref(countedBy);
    await sql`create function ${fn('counted_update')}() returns trigger language plpgsql as $$
      begin
        update "recordCounts" set count = count - 1 where resource = ${sql.lit(table)} and status = old.${status};
        insert into "recordCounts" (resource, status, count) values (${sql.lit(table)}, new.${status}, 1)
        on conflict (resource, status) do update set count = "recordCounts".count + 1;
        return null;
      end $$`.execute(db);
    await sql`create trigger ${fn('kept_status')} after update of ${status} on ${id(table)}
      for each row when (old.${status} is distinct from new.${status})
      execute function ${fn('counted_update')}()`.execute(db);
  }
  // The words are stored, in a table of their own as on SQLite: with an index on an expression,
  // PostgreSQL computes the words again for each row it checks, seconds for a common word at a
  // million reviews, and a column would join every `select *` (the audit chain hashes its rows).
  const words = id(`${table}_search`);
  await sql`create table ${words} (
    id integer primary key references ${id(table)} (id) on delete cascade,
    words tsvector not null)`.execute(db);
  await sql`insert into ${words} (id, words) select id, ${searchVector(search)} from ${id(table)}`.execute(
    db,
  );
  await sql`create index ${fn('search_words')} on ${words} using gin (words)`.execute(db);
  await sql`create function ${fn('searched_insert')}() returns trigger language plpgsql as $$
    begin insert into ${words} (id, words) select id, ${searchVector(search)} from inserted; return null; end $$`.execute(
    db,
  );
  await sql`create trigger ${fn('search_insert')} after insert on ${id(table)}
    referencing new table as inserted for each statement execute function ${fn('searched_insert')}()`.execute(
    db,
  );
  await sql`create function ${fn('searched_update')}() returns trigger language plpgsql as $$
    begin update ${words} set words = ${searchVector(search, 'new')} where id = new.id; return null; end $$`.execute(
    db,
  );
  await sql`create trigger ${fn('search_update')} after update of ${sql.join(search.map((field) => sql.ref(field)))}
    on ${id(table)} for each row execute function ${fn('searched_update')}()`.execute(db);
}

/**
 * A record's words on PostgreSQL: runs of letters and digits, lower-cased, nothing stemmed (the
 * same words as SQLite's unicode61 tokenizer), from its columns or those of `row` in a trigger.
 */
function searchVector(fields: readonly string[], row?: 'new') {
  const text = sql.join(
    fields.map((field) => sql`coalesce(${sql.ref(row ? `${row}.${field}` : field)}, '')`),
    sql` || ' ' || `,
  );
  return sql`to_tsvector('simple'::regconfig, regexp_replace(lower(${text}), '[^[:alnum:]]+', ' ', 'g'))`;
}

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type Db, type Dialect, migrate, openDb } from '../../server/db/connection';

/**
 * Fresh, migrated databases for the API tests: SQLite in memory always, and PostgreSQL too when
 * TEST_DATABASE_URL names a server.
 *
 * Every test gets a PostgreSQL database that no other test uses at the same time, in the state a
 * fresh migration leaves: no rows, every id sequence back at 1. Creating and dropping a database
 * per test costs 0.3 to 1 s here (DROP DATABASE waits for a checkpoint), so each test file makes
 * its databases once, and a finished test's database is emptied in one round trip (~5 ms) and
 * handed to the next test. They are dropped when the file's tests are done.
 */

const postgresUrl = process.env.TEST_DATABASE_URL || undefined;
if (postgresUrl && !/^postgres(ql)?:\/\//.test(postgresUrl)) {
  throw new Error(`TEST_DATABASE_URL must be a postgres:// URL, not ${postgresUrl}`);
}

/** The dialects every API suite runs against, for `describe.each`. */
export const testDialects: Dialect[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDb {
  db: Db;
  /** Gives the database up: closes it (SQLite) or empties it for the next test (PostgreSQL). */
  dispose(): Promise<void>;
}

interface PostgresDatabase {
  name: string;
  url: string;
  db: Db;
}

let admin: Promise<pg.Client> | null = null;
/** Databases of this file, emptied and ready for a test. */
let idle: PostgresDatabase[] = [];
/** Every database this file made, to drop at the end. */
let made: PostgresDatabase[] = [];

function adminClient(): Promise<pg.Client> {
  admin ??= (async () => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    return client;
  })();
  return admin;
}

async function createDatabase(migrated = true): Promise<PostgresDatabase> {
  const name = `verity_t_${randomBytes(6).toString('hex')}`;
  await (await adminClient()).query(`create database ${name} template template0`);
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  // Durability is no concern of a test database; commits that skip the disk flush run faster.
  url.searchParams.set('options', '-c synchronous_commit=off');
  const database = { name, url: url.toString(), db: openDb(url.toString()) };
  made.push(database);
  if (migrated) await migrate(database.db);
  return database;
}

/**
 * Deletes every row of every table the migrations made (whatever their foreign keys: a table
 * still referenced is retried after the others) and restarts the id sequences.
 */
const emptyDatabase = sql`
  do $$
  declare
    remaining text[];
    name text;
    pass int := 0;
  begin
    select coalesce(array_agg(tablename::text), '{}') into remaining
      from pg_tables where schemaname = 'public' and tablename not like 'kysely%';
    while cardinality(remaining) > 0 loop
      pass := pass + 1;
      if pass > 20 then raise exception 'cannot empty %', remaining; end if;
      foreach name in array remaining loop
        begin
          execute format('delete from %I', name);
          remaining := array_remove(remaining, name);
        exception when foreign_key_violation then null;
        end;
      end loop;
    end loop;
    -- Deleting rows moved the counts the triggers keep; empty tables count nothing.
    delete from "recordCounts";
    perform setval(format('%I.%I', schemaname, sequencename), 1, false)
      from pg_sequences where schemaname = 'public' and sequencename not like 'kysely%';
  end $$`;

export async function openTestDb(dialect: Dialect): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const db = openDb(':memory:');
    await migrate(db);
    return { db, dispose: () => db.close() };
  }
  const database = idle.pop() ?? (await createDatabase());
  return {
    db: database.db,
    dispose: async () => {
      await emptyDatabase.execute(database.db.kysely);
      idle.push(database);
    },
  };
}

/**
 * A database no migration has run on, for a test of the migrations themselves; closed (SQLite)
 * or dropped with the file's others (PostgreSQL).
 */
export async function openUnmigratedTestDb(dialect: Dialect): Promise<Db> {
  if (dialect === 'sqlite') return openDb(':memory:');
  return (await createDatabase(false)).db;
}

/**
 * A migrated database that other processes can open too, at `location`: an SQLite file (named as
 * the server names it, under `dataDir`) or a PostgreSQL database of its own, dropped with the
 * file's others.
 */
export interface SharedTestDb {
  db: Db;
  location: string;
  dataDir: string;
  dispose(): Promise<void>;
}

export async function openSharedTestDb(dialect: Dialect): Promise<SharedTestDb> {
  const dataDir = mkdtempSync(join(tmpdir(), 'verity-shared-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') {
    const location = join(dataDir, 'verity.db');
    const db = openDb(location);
    await migrate(db);
    return { db, location, dataDir, dispose: () => db.close().then(removeDir) };
  }
  const { db, url } = await createDatabase();
  return { db, location: url, dataDir, dispose: async () => removeDir() };
}

/** Drops this file's databases and closes the admin connection; the next test makes new ones. */
export async function closeTestDatabases(): Promise<void> {
  const [pending, databases] = [admin, made];
  admin = null;
  idle = [];
  made = [];
  if (!pending) return;
  const client = await pending;
  try {
    for (const { name, db } of databases) {
      await db.close();
      await dropWhenDisconnected(client, name);
    }
  } finally {
    await client.end();
  }
}

/**
 * A pool's close resolves before its connections have ended; dropping WITH (FORCE) then would
 * kill them, and their clients would report the kill as an error. Waiting for them to leave is
 * cleaner; DROP DATABASE itself waits a few seconds more for stragglers.
 */
async function dropWhenDisconnected(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { rows } = await client.query(
      'select count(*)::int as n from pg_stat_activity where datname = $1',
      [name],
    );
    if (rows[0].n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await client.query(`drop database if exists ${name}`);
}

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  Kysely,
  type Migration,
  Migrator,
  PostgresDialect,
  sql,
  type SqliteDatabase,
  SqliteDialect,
  SqliteDriver,
} from 'kysely';
import pg from 'pg';
import * as initial from './migrations/001_initial';
import * as auth from './migrations/002_auth';
import * as listIndexes from './migrations/003_list_indexes';
import * as moderation from './migrations/004_moderation';
import * as rules from './migrations/005_rules';
import * as credentials from './migrations/006_credentials';
import * as photos from './migrations/007_photos';
import * as lemmaBands from './migrations/008_lemma_bands';
import * as listSpeed from './migrations/009_list_speed';
import * as auditHead from './migrations/010_audit_head';
import * as dashboard from './migrations/011_dashboard';
import * as ruleTunables from './migrations/012_rule_tunables';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';

/**
 * Transactions that take the write lock when they begin. A transaction begun deferred reads from
 * a snapshot, and when another process (a second server instance on the same file) commits before
 * it writes, SQLite refuses the write at once (SQLITE_BUSY_SNAPSHOT) instead of waiting: taken up
 * front, the lock is waited for under the busy timeout like any other.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  private readonly database: SqliteDatabase;

  constructor(sqlite: SQLite.Database) {
    const database = withStatementCache(sqlite);
    super({ database });
    this.database = database;
  }

  override createDriver() {
    return new ImmediateSqliteDriver({ database: this.database });
  }
}

/** Statements kept prepared, by their SQL; beyond that the least recently used is dropped. */
const statementCacheSize = 256;

/**
 * Kysely prepares every query it runs again. Queries are compiled with bound parameters, so the
 * same few hundred statements come back all the time (a re-run prepares its band lookup thousands
 * of times), and preparing one costs as much as running a small one.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const prepared = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(query) {
      let statement = prepared.get(query);
      if (statement) prepared.delete(query);
      else {
        statement = sqlite.prepare(query);
        if (prepared.size >= statementCacheSize) prepared.delete(prepared.keys().next().value!);
      }
      prepared.set(query, statement);
      return statement;
    },
  };
}

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

/**
 * Where the data lives: a PostgreSQL URL, an SQLite file path, or ':memory:'. `poolSize` is the
 * most connections to PostgreSQL at once; SQLite has one connection per process, or per thread
 * for the worker threads of a re-run, which open an existing file `readOnly` beside it.
 */
export function openDb(
  location: string,
  { poolSize = 10, readOnly = false }: { poolSize?: number; readOnly?: boolean } = {},
): Db {
  if (/^postgres(ql)?:\/\//.test(location)) {
    // Counts come back as bigint strings by default; every count here fits a JS number.
    pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: location, max: poolSize });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
  }
  if (location !== ':memory:' && !readOnly) mkdirSync(dirname(location), { recursive: true });
  const sqlite = new SQLite(location, { readonly: readOnly, fileMustExist: readOnly });
  // The journal mode is the file's, set by its writers; a reader finds it there.
  if (!readOnly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // A large database is read through memory mapping and a 64 MiB page cache instead of a read
  // call per 4 KiB page: the rules' lookups (bands, addresses, accounts) touch pages all over it.
  sqlite.pragma('mmap_size = 1073741824');
  sqlite.pragma('cache_size = -65536');
  // Keeps the planner's statistics current as the data grows (analyses only what needs it).
  if (!readOnly) sqlite.pragma('optimize = 0x10002');
  const kysely = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite) });
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
}

const migrations = (dialect: Dialect): Record<string, Migration> => ({
  '001_initial': { up: (db) => initial.up(db, dialect) },
  '002_auth': { up: auth.up },
  '003_list_indexes': { up: listIndexes.up },
  '004_moderation': { up: (db) => moderation.up(db, dialect) },
  '005_rules': { up: (db) => rules.up(db, dialect) },
  '006_credentials': { up: (db) => credentials.up(db, dialect) },
  '007_photos': { up: (db) => photos.up(db, dialect) },
  '008_lemma_bands': { up: (db) => lemmaBands.up(db, dialect) },
  '009_list_speed': { up: (db) => listSpeed.up(db, dialect) },
  '010_audit_head': { up: (db) => auditHead.up(db, dialect) },
  '011_dashboard': { up: (db) => dashboard.up(db, dialect) },
  '012_rule_tunables': { up: ruleTunables.up },
});

/** Runs the migrations not run yet, all of them or up to and including `through` (tests of upgrades). */
export async function migrate(db: Db, through?: string): Promise<void> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations(db.dialect) },
  });
  const { error } = through ? await migrator.migrateTo(through) : await migrator.migrateToLatest();
  if (error) throw error;
}

/** A round trip to the database, for the health check. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}

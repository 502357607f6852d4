import { join } from 'node:path';

/** Where the data lives: DATABASE_URL when it names PostgreSQL, else an SQLite file under DATA_DIR. */
export function databaseLocation(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) return url;
  return join(env.DATA_DIR ?? './data', 'verity.db');
}

/**
 * How many connections one instance keeps open to PostgreSQL (DATABASE_POOL_SIZE). Several
 * instances share the server's max_connections, so each takes its part of them.
 */
export function databasePoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.DATABASE_POOL_SIZE;
  if (text === undefined || text === '') return 10;
  const size = Number(text);
  if (!/^\d+$/.test(text) || size < 1 || size > 500)
    throw new RangeError(`DATABASE_POOL_SIZE must be a whole number from 1 to 500, not "${text}"`);
  return size;
}

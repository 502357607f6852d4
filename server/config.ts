import { join } from 'node:path';

/** Where the data lives: DATABASE_URL when it names PostgreSQL, else an SQLite file under DATA_DIR. */
export function databaseLocation(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) return url;
  return join(env.DATA_DIR ?? './data', 'verity.db');
}

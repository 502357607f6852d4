import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { databaseLocation } from './config';
import { migrate, openDb } from './db/connection';
import { createRegistry, registryConfig } from './registries';
import { sweepDoctors } from './services/sweep';

/**
 * `npm run doctors:sweep [-- --as-of 2027-01-15]`: the daily sweep of doctors' credentials, run
 * now (the server runs it once a day on its own). `--as-of` sweeps as if it were that day, to see
 * what the sweep will do when licenses reach their expiry. Progress on stderr, the report (JSON)
 * on stdout.
 */
const { values } = parseArgs({ options: { 'as-of': { type: 'string' } } });
const asOf = values['as-of'];
if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
  console.error('--as-of takes a day: YYYY-MM-DD');
  process.exit(2);
}
const location = databaseLocation();
if (!/^postgres(ql)?:\/\//.test(location) && !existsSync(location)) {
  console.error(`no database at ${location} (set DATA_DIR or DATABASE_URL)`);
  process.exit(2);
}

const db = openDb(location);
await migrate(db);
const now = asOf ? new Date(`${asOf}T06:00:00Z`) : new Date();
const startedMs = performance.now();
try {
  const report = await sweepDoctors(db, createRegistry(db.kysely, registryConfig()), now, (done) =>
    process.stderr.write(`\rdoctors checked: ${done.toLocaleString('en-US')}`),
  );
  process.stderr.write(`\n${((performance.now() - startedMs) / 1000).toFixed(1)} s\n`);
  console.log(JSON.stringify(report, null, 2));
} finally {
  await db.close();
}

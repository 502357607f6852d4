import { existsSync } from 'node:fs';
import { databaseLocation } from './config';
import { openDb } from './db/connection';
import { verifyAuditChain } from './services/audit';

/**
 * `npm run audit:verify`: walks the audit chain of the configured database (DATABASE_URL, or the
 * SQLite file under DATA_DIR) and says whether every entry still matches its hash and links to
 * the one before. Exits 0 when the chain is intact, 1 when it is broken, 2 when it cannot be read.
 * It only reads: a database that is not there is an error, not an empty chain.
 */
const location = databaseLocation();
const isPostgres = /^postgres(ql)?:\/\//.test(location);
if (!isPostgres && !existsSync(location)) {
  console.error(`no database at ${location} (set DATA_DIR or DATABASE_URL)`);
  process.exit(2);
}

const db = openDb(location);
let code = 2;
try {
  const report = await verifyAuditChain(db.kysely);
  const where = isPostgres ? 'PostgreSQL' : location;
  if (report.ok) {
    console.log(`audit chain intact: ${report.entries} entries verified (${where})`);
    code = 0;
  } else {
    console.log(
      `audit chain BROKEN at entry ${report.brokenAt}: ${report.reason} (${report.entries} entries before it verified, ${where})`,
    );
    code = 1;
  }
} catch (error) {
  console.error(`cannot read the audit log: ${(error as Error).message}`);
} finally {
  await db.close();
}
process.exit(code);

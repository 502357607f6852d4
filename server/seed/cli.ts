import { rmSync, statSync } from 'node:fs';
import { databaseLocation } from '../config';
import { dropPostgresSchema } from '../db/bulk';
import { migrate, openDb } from '../db/connection';
import { ProgressBar } from '../progress';
import { CheckWorkers } from '../services/checkWorkers';
import { configuredStorage } from '../storage';
import { parseDay } from './calendar';
import { demoSize, seedDemo, sizeForReviews } from './index';

const usage = `Usage: npm run seed -- [--reviews N] [--as-of YYYY-MM-DD]

Replaces all data in the database with generated demo data: PostgreSQL when DATABASE_URL is a
postgres:// URL, else the SQLite file \${DATA_DIR:-./data}/verity.db.

  --reviews N    scale the data to N reviews (the demo has ${demoSize.reviews}); doctors, questions and
                 answers grow in proportion, photos up to a cap
  --as-of DAY    the day the data is generated for (default: today, UTC); the same day gives the same data`;

/** The largest data set tried on this machine: 2 million reviews take about 4 GB of memory. */
const maxReviews = 2_000_000;

interface Arguments {
  reviews?: number;
  asOf?: string;
}

function parseArguments(argv: readonly string[]): Arguments | 'help' {
  const parsed: Arguments = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--help' || flag === '-h') return 'help';
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--reviews': {
        const text = value();
        if (!/^\d+$/.test(text) || Number(text) > maxReviews) {
          throw new UsageError(`--reviews takes a whole number from 0 to ${maxReviews}, not "${text}"`);
        }
        parsed.reviews = Number(text);
        break;
      }
      case '--as-of': {
        const text = value();
        try {
          parseDay(text);
        } catch {
          throw new UsageError(`--as-of takes a calendar day as YYYY-MM-DD, not "${text}"`);
        }
        parsed.asOf = text;
        break;
      }
      default:
        throw new UsageError(`unknown argument "${argv[i]}"`);
    }
  }
  return parsed;
}

class UsageError extends Error {}

async function main(): Promise<void> {
  let args: Arguments | 'help';
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`seed: ${error.message}\n\n${usage}`);
    process.exit(2);
  }
  if (args === 'help') {
    console.log(usage);
    return;
  }

  const location = databaseLocation();
  const started = performance.now();
  const isPostgres = /^postgres(ql)?:\/\//.test(location);
  if (!isPostgres) for (const suffix of ['', '-wal', '-shm']) rmSync(`${location}${suffix}`, { force: true });
  const db = openDb(location);
  try {
    if (isPostgres) await dropPostgresSchema(db);
    await migrate(db);
    const size = args.reviews === undefined ? demoSize : sizeForReviews(args.reviews);
    console.log(`seeding ${isPostgres ? 'PostgreSQL' : location}: ${JSON.stringify(size)}`);
    const storage = configuredStorage(db.kysely);
    const workers = new CheckWorkers(undefined, location);
    const counts = await seedDemo(db, {
      size,
      asOf: args.asOf,
      storage,
      log: (line) => console.log(`  ${line}`),
      readWords: (job) => workers.judge(job),
      compare: (reviews, settings, now) => workers.compare(reviews, settings, now),
      progress: new ProgressBar(),
    }).finally(() => workers.close());
    for (const [table, count] of Object.entries(counts)) console.log(`${table.padEnd(20)} ${count}`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const bytes = isPostgres ? '' : `, ${(statSync(location).size / 1024 / 1024).toFixed(1)} MiB`;
    console.log(`done in ${seconds} s${bytes}`);
  } finally {
    await db.close();
  }
}

await main();

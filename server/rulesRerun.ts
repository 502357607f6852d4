import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkedTypes, type CheckedType } from '../src/domain/rules/registry';
import { databaseLocation } from './config';
import { migrate, openDb } from './db/connection';
import { ProgressBar, showRun } from './progress';
import { continueRun, requestRun, runStates } from './services/rerun';
import { CheckWorkers } from './services/checkWorkers';

/**
 * `npm run rules:rerun [-- --type reviews] [--restart]`: checks every stored item again under the
 * current rules and settings, in batches that each commit their progress. An unfinished run (the
 * command was stopped, or a server instance was working on it and died) is resumed where it was;
 * --restart starts over. Progress goes to stderr, the summary to stdout.
 */
const { values } = parseArgs({
  options: { type: { type: 'string', multiple: true }, restart: { type: 'boolean', default: false } },
});
const types = (values.type ?? checkedTypes) as CheckedType[];
const unknownType = types.find((type) => !checkedTypes.includes(type));
if (unknownType) {
  console.error(`no rules for "${unknownType}": the types are ${checkedTypes.join(', ')}`);
  process.exit(2);
}
const location = databaseLocation();
if (!/^postgres(ql)?:\/\//.test(location) && !existsSync(location)) {
  console.error(`no database at ${location} (set DATA_DIR or DATABASE_URL)`);
  process.exit(2);
}

const db = openDb(location);
await migrate(db);
let code = 0;
const workers = new CheckWorkers(undefined, location);
try {
  for (const type of types) {
    const pending = (await runStates(db.kysely)).find((state) => state.type === type && !state.finishedAt);
    if (values.restart || !pending) await requestRun(db.kysely, type, new Date());
    else console.log(`${type}: resuming the run started ${pending.startedAt} (${pending.phase} phase)`);
    const startedMs = performance.now();
    const bar = new ProgressBar();
    const ran = await continueRun(db.kysely, type, {
      clock: () => new Date(),
      readWords: (job) => workers.judge(job),
      compare: (reviews, settings, now) => workers.compare(reviews, settings, now),
      onProgress: showRun(bar),
    });
    bar.end();
    if (!ran) {
      console.error(`${type}: another process is running these checks now; try again when it is done`);
      code = 1;
      continue;
    }
    const seconds = (performance.now() - startedMs) / 1000;
    const total = (await runStates(db.kysely)).find((state) => state.type === type)?.total ?? 0;
    console.log(`${type}: ${total.toLocaleString('en-US')} checked in ${seconds.toFixed(1)} s`);
  }
} catch (error) {
  console.error(`re-run failed: ${(error as Error).message}`);
  code = 2;
} finally {
  await workers.close();
  await db.close();
}
process.exit(code);

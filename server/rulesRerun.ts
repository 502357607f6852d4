import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkedTypes, type CheckedType } from '../src/domain/rules/registry';
import { databaseLocation } from './config';
import { migrate, openDb } from './db/connection';
import { continueRun, requestRun, type RunState, runStates } from './services/rerun';

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
const tty = process.stderr.isTTY;
let lastLine = 0;

function progress(state: RunState, startedMs: number) {
  const now = performance.now();
  if (!tty && now - lastLine < 5000 && state.phase !== 'done') return;
  lastLine = now;
  const share = state.total === 0 ? 1 : state.done / state.total;
  const width = 30;
  const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
  const rate = state.done / Math.max(0.001, (now - startedMs) / 1000);
  const left = rate > 0 ? Math.round((state.total - state.done) / rate) : null;
  const eta = left === null ? '' : ` ETA ${Math.floor(left / 60)}m${String(left % 60).padStart(2, '0')}s`;
  const line = `${state.type} ${state.phase.padEnd(5)} ${bar} ${(share * 100).toFixed(0).padStart(3)}% ${state.done.toLocaleString('en-US')}/${state.total.toLocaleString('en-US')} ${Math.round(rate).toLocaleString('en-US')}/s${eta}`;
  process.stderr.write(tty ? `\r${line}` : `${line}\n`);
}

let code = 0;
try {
  for (const type of types) {
    const pending = (await runStates(db.kysely)).find((state) => state.type === type && !state.finishedAt);
    if (values.restart || !pending) await requestRun(db.kysely, type, new Date());
    else console.log(`${type}: resuming the run started ${pending.startedAt} (${pending.phase} phase)`);
    const startedMs = performance.now();
    let phaseStartedMs = startedMs;
    let phase = '';
    const ran = await continueRun(db.kysely, type, {
      clock: () => new Date(),
      onProgress: (state) => {
        if (state.phase !== phase && state.phase !== 'done')
          [phase, phaseStartedMs] = [state.phase, performance.now()];
        progress(state, phaseStartedMs);
      },
    });
    if (tty) process.stderr.write('\n');
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
  await db.close();
}
process.exit(code);

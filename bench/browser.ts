import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { databaseLocation } from '../server/config';
import { countRows } from '../server/db/bulk';
import { openDb } from '../server/db/connection';
import { demoAccounts, demoPassword } from '../server/seed';
import { chromiumArgs, chromiumPath, run, staleDistReason } from '../tests/e2e/server';
import { startServer, waitFor } from './server';
import { percentile } from './timing';

/**
 * `npm run bench:browser`: what a moderator waits for in the console, in Debian's headless
 * Chromium against the real server on the configured database (seed it large first): from
 * navigation to the first rows of the pending reviews, and from the key `a` in the queue to the
 * next item on screen, ready for the next key. Prints p50 and p95 and writes them to
 * bench/results/.
 *
 * BENCH_NAVIGATIONS (default 20) and BENCH_DECISIONS (default 50) set the samples; the decisions
 * are real approvals, so run it on a database you can spend.
 */
const navigations = Number(process.env.BENCH_NAVIGATIONS ?? 20);
const decisions = Number(process.env.BENCH_DECISIONS ?? 50);
const port = Number(process.env.BENCH_PORT ?? 3997);
const base = `http://127.0.0.1:${port}`;

const db = openDb(databaseLocation());
const reviews = await countRows(db.kysely, 'reviews');
await db.close();
console.log(`database: ${db.dialect}, ${reviews.toLocaleString('en-US')} reviews`);

const stale = staleDistReason();
if (stale) {
  console.log(`building the SPA: ${stale}`);
  await run('npm', ['run', 'build']);
}

const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: Math.round(percentile(sorted, 50)),
    p95: Math.round(percentile(sorted, 95)),
    samples: samples.length,
  };
};

/**
 * Waits until the queue shows an item other than `before`, its decision buttons taking keys
 * again, and names it by the heading beside them ("Review #12").
 */
async function nextReadyItem(page: Page, before: string | null): Promise<string> {
  const handle = await page.waitForFunction((previous) => {
    const approve = Array.from(document.querySelectorAll('button')).find((button) =>
      /^approve/i.test(button.textContent?.trim() ?? ''),
    );
    const item = approve?.parentElement?.querySelector('h2')?.textContent ?? null;
    return approve && !approve.disabled && item !== null && item !== previous ? item : null;
  }, before);
  return (await handle.jsonValue()) as string;
}

const server = startServer(port);
const profileDir = mkdtempSync(join(tmpdir(), 'verity-bench-chromium-'));
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: chromiumPath,
  headless: true,
  args: chromiumArgs,
  viewport: { width: 1440, height: 900 },
});
context.setDefaultTimeout(60_000);
try {
  await waitFor(`${base}/api/health`);
  const login = await context.newPage();
  await login.goto(`${base}/#/login`);
  await login.getByLabel(/email/i).fill(demoAccounts.moderator);
  await login.getByLabel(/^password/i).fill(demoPassword);
  await login.getByRole('button', { name: /sign in/i }).click();
  await login.waitForURL((url) => !url.hash.startsWith('#/login'));
  await login.close();

  // Each navigation loads the console afresh, as a moderator opening it does.
  const firstRows: number[] = [];
  for (let i = 0; i < navigations; i++) {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${base}/#/reviews`);
    await page.locator('tbody tr').first().waitFor({ state: 'visible' });
    firstRows.push(performance.now() - started);
    await page.close();
  }

  const page = await context.newPage();
  await page.goto(`${base}/#/queue`);
  let shown = await nextReadyItem(page, null);
  const nextItem: number[] = [];
  for (let i = 0; i < decisions; i++) {
    const started = performance.now();
    await page.keyboard.press('a');
    shown = await nextReadyItem(page, shown);
    nextItem.push(performance.now() - started);
  }

  const results = {
    at: new Date().toISOString(),
    database: db.dialect,
    reviews,
    navigationToFirstRows: summary(firstRows),
    keyToNextItem: summary(nextItem),
  };
  console.log(
    `navigation to the first rows of the pending reviews: p50 ${results.navigationToFirstRows.p50} ms, p95 ${results.navigationToFirstRows.p95} ms (${navigations} loads)`,
  );
  console.log(
    `key a to the next queue item, ready: p50 ${results.keyToNextItem.p50} ms, p95 ${results.keyToNextItem.p95} ms (${decisions} approvals)`,
  );
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/browser-${db.dialect}-${reviews}.json`;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to ${file}`);
} finally {
  await context.close();
  server.kill();
  rmSync(profileDir, { recursive: true, force: true });
}

/**
 * The e2e run: the built SPA and the real server (seeded on an empty temporary DATA_DIR) in
 * Debian's headless Chromium. Every list and one show page of each resource must render records
 * and pass axe-core with no serious or critical violation. Prints one PASS/FAIL line per check,
 * then `N passed, N failed`; exits 1 on any failure.
 *
 * E2E_REBUILD=1 rebuilds dist even when it looks fresh; E2E_KEEP_DATA=1 keeps the server's data
 * dir and log; E2E_TIMEOUT_MS bounds the whole run (15 minutes by default).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { auditPage, formatViolations, listViolations } from './a11y';
import { check, indent, Suite } from './harness';
import {
  chromiumArgs,
  chromiumInstallHint,
  chromiumPath,
  run,
  staleDistReason,
  startServer,
  type RunningServer,
} from './server';

/** Generous on purpose: a 2-core CI machine seeds, builds and renders slowly, and a wait ends early anyway. */
const elementTimeoutMs = 30_000;
const serverReadyTimeoutMs = 180_000;
/** The whole run; past it something hangs, and a hung CI job tells nobody anything. */
const runTimeoutMs = Number(process.env.E2E_TIMEOUT_MS ?? 15 * 60_000);

const screenshotDir = 'tests/e2e/screenshots';

type ResourceName = 'doctors' | 'questions' | 'answers' | 'reviews' | 'photos' | 'audit';

const resources: ResourceName[] = ['doctors', 'questions', 'answers', 'reviews', 'photos', 'audit'];

interface ApiRecord {
  id: number | string;
  [field: string]: unknown;
}

const suite = new Suite();
/** What cleanUp must stop; fields, not `let`s, because they are set inside test callbacks. */
const running: { server: RunningServer | null; context: BrowserContext | null; profileDir: string | null } = {
  server: null,
  context: null,
  profileDir: null,
};
const pageProblems: string[] = [];

let cleaning: Promise<void> | null = null;

/** Stops the browser and the server once, however many paths (the end, a signal, the watchdog) ask. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    const { server, context, profileDir } = running;
    await context?.close().catch(() => undefined);
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    await server?.stop();
  })();
  return cleaning;
}

/** Set once the run is being cut short; the remaining checks are then not started. */
let abortedBy: string | null = null;

function abort(reason: string, code: number): void {
  if (abortedBy) {
    // A second Ctrl-C: leave now; the server's exit hook still kills its process group.
    process.exit(code);
  }
  abortedBy = reason;
  suite.fail('e2e run completes', `${reason}: stopping the browser and the server`);
  void cleanUp().finally(() => {
    console.log(suite.summary());
    process.exit(code);
  });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => abort(`received ${signal}`, 130));
}

function live(): { server: RunningServer; context: BrowserContext } {
  const { server, context } = running;
  if (!server || !context) throw new Error('the browser or the server is not running');
  return { server, context };
}

async function openPage(path: string): Promise<Page> {
  const { server, context } = live();
  const page = await context.newPage();
  page.setDefaultTimeout(elementTimeoutMs);
  const where = () => page.url().replace(server.baseUrl, '');
  page.on('pageerror', (error) => pageProblems.push(`uncaught error on ${where()}: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) {
      pageProblems.push(`${response.status()} from ${response.request().method()} ${response.url()}`);
    }
  });
  await page.goto(`${server.baseUrl}/#${path}`);
  return page;
}

/**
 * A field each show page prints in full, so finding its value proves the record itself rendered,
 * not just the page's headings and buttons.
 */
const showMarker: Record<ResourceName, string> = {
  doctors: 'npi',
  questions: 'title',
  answers: 'body',
  reviews: 'title',
  photos: 'caption',
  audit: 'hash',
};

/** A record of the seeded database with its marker set, read the way the SPA reads it (same API). */
async function someRecord(resource: ResourceName): Promise<ApiRecord> {
  const { server, context } = live();
  const url = `${server.baseUrl}/api/${resource}?range=${encodeURIComponent('[0,9]')}`;
  const response = await context.request.get(url);
  check(response.ok(), `GET ${url} answered ${response.status()}: ${await response.text()}`);
  const listed = (await response.json()) as ApiRecord[];
  check(listed.length > 0, `GET ${url} found no ${resource}: the demo data should have some`);
  // List rows leave long texts out (an answer's body); the show page reads the whole record.
  const ids = encodeURIComponent(JSON.stringify({ id: listed.map((record) => record.id) }));
  const whole = await context.request.get(`${server.baseUrl}/api/${resource}?filter=${ids}`);
  check(whole.ok(), `GET /api/${resource} by ids answered ${whole.status()}`);
  const records = (await whole.json()) as ApiRecord[];
  const record = records.find((candidate) => markerText(resource, candidate) !== null);
  check(record, `none of the first ${resource} has a ${showMarker[resource]} to look for on its page`);
  return record;
}

/** The start of the marker's value, whitespace collapsed as the page's text is matched. */
function markerText(resource: ResourceName, record: ApiRecord): string | null {
  const value = record[showMarker[resource]];
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text.slice(0, 60).trim();
}

/** Table rows with text in them: a loading skeleton's rows are empty, a header row is in thead. */
function dataRows(page: Page) {
  return page.locator('tbody tr, [role=row]:not(:has([role=columnheader]))').filter({ hasText: /\w/ });
}

async function openList(resource: ResourceName): Promise<Page> {
  const page = await openPage(`/${resource}`);
  await dataRows(page).first().waitFor({ state: 'visible' });
  return page;
}

async function openShow(resource: ResourceName, record: ApiRecord): Promise<Page> {
  const page = await openPage(`/${resource}/${record.id}/show`);
  const marker = markerText(resource, record) ?? String(record.id);
  await page.locator('.RaShow-main').getByText(marker).first().waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
  return page;
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const report = await auditPage(page);
  if (report.tolerated.length > 0) {
    suite.note(`axe, tolerated (minor/moderate):\n${indent(listViolations(report.tolerated), '  ')}`);
  }
  check(
    report.failing.length === 0,
    `${report.failing.length} serious/critical axe violation(s):\n${formatViolations(report.failing)}`,
  );
}

async function expectImageLoaded(page: Page, name: RegExp): Promise<void> {
  const image = page.getByRole('img', { name }).first();
  await image.waitFor({ state: 'visible' });
  const handle = await image.elementHandle();
  check(handle, `no image named ${name}`);
  // `complete` turns true on failure too; naturalWidth tells the two apart.
  await page.waitForFunction((element) => (element as HTMLImageElement).complete, handle, {
    timeout: elementTimeoutMs,
  });
  const { naturalWidth, src } = await handle.evaluate((element) => ({
    naturalWidth: (element as HTMLImageElement).naturalWidth,
    src: (element as HTMLImageElement).currentSrc,
  }));
  check(naturalWidth > 0, `the image named ${name} (${src}) did not load: naturalWidth is 0`);
}

async function withPage(open: () => Promise<Page>, inspect: (page: Page) => Promise<void>): Promise<void> {
  const page = await open();
  try {
    await inspect(page);
    // A broken image shows as an empty box, not as an error anywhere else; images still loading are skipped.
    const broken = await page.evaluate(() =>
      Array.from(document.images)
        .filter((image) => image.complete && image.naturalWidth === 0)
        .map((image) => image.currentSrc || image.src),
    );
    const where = page.url().replace(live().server.baseUrl, '');
    for (const src of broken) pageProblems.push(`broken image on ${where}: ${src}`);
  } finally {
    await page.close();
  }
}

/** The demo admin of the seeded data (README): every list and show page is open to them. */
const demoAdmin = { name: 'Dana Whitfield', email: 'dana.whitfield@verity.example', password: 'verity-demo' };

/** Signs the browser context in through the login page; its pages and API requests share the cookie. */
async function signIn(): Promise<void> {
  await withPage(
    () => openPage('/login'),
    async (page) => {
      await expectNoSeriousViolations(page);
      await page.getByLabel(/email/i).fill(demoAdmin.email);
      await page.getByLabel(/^password/i).fill(demoAdmin.password);
      await page.getByRole('button', { name: /sign in/i }).click();
      // The app bar names whoever is signed in once the console has loaded their identity.
      await page.getByText(demoAdmin.name).first().waitFor({ state: 'visible' });
    },
  );
}

/**
 * A review whose text is markup must show as that text: no element made from it, no script run.
 * It is posted through the API as any client could, then opened as a moderator would.
 */
async function hostileReviewShowsAsText(): Promise<void> {
  const { server, context } = live();
  const markup = '<img src=x onerror=alert(1)>';
  const doctors = await context.request.get(
    `${server.baseUrl}/api/doctors?range=${encodeURIComponent('[0,0]')}`,
  );
  check(doctors.ok(), `GET /api/doctors answered ${doctors.status()}`);
  const [doctor] = (await doctors.json()) as ApiRecord[];
  const created = await context.request.post(`${server.baseUrl}/api/reviews`, {
    headers: { 'X-Verity-Request': '1' },
    data: {
      doctorId: doctor.id,
      procedure: 'Botox',
      rating: 4,
      title: 'Markup in a review',
      body: markup,
      reviewerId: 'u-e2e',
      reviewerEmail: 'e2e@example.org',
      reviewerEmailVerified: true,
      reviewerPhoneVerified: true,
      reviewerIp: '203.0.113.7',
    },
  });
  check(created.status() === 201, `POST /api/reviews answered ${created.status()}: ${await created.text()}`);
  const review = (await created.json()) as ApiRecord;
  const dialogs: string[] = [];
  await withPage(
    async () => {
      const page = await openPage(`/reviews/${review.id}/show`);
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      return page;
    },
    async (page) => {
      await page.locator('.RaShow-main').getByText(markup, { exact: true }).waitFor({ state: 'visible' });
      const injected = await page.locator('img[src="x"]').count();
      check(injected === 0, `the review's markup became ${injected} img element(s)`);
      check(dialogs.length === 0, `a dialog opened: ${dialogs.join(', ')}`);
    },
  );
}

/** The demo moderator (README); decides answers, reviews and photos. */
const demoModerator = {
  id: 4,
  name: 'Tomás Rivera',
  email: 'tomas.rivera@verity.example',
  password: 'verity-demo',
};

/** Signs the shared browser context out and back in as someone else, through the login page. */
async function signInAs(account: { name: string; email: string; password: string }): Promise<void> {
  await live().context.clearCookies();
  await withPage(
    () => openPage('/login'),
    async (page) => {
      await page.getByLabel(/email/i).fill(account.email);
      await page.getByLabel(/^password/i).fill(account.password);
      await page.getByRole('button', { name: /sign in/i }).click();
      await page.getByText(account.name).first().waitFor({ state: 'visible' });
    },
  );
}

/**
 * The queue as a moderator works it: five approvals by key, one undo, each a request the server
 * accepted, then the six decisions in the audit log under the moderator's name.
 */
async function keyboardJourney(): Promise<void> {
  await signInAs(demoModerator);
  const { server, context } = live();
  const decided = (page: Page) =>
    page.waitForResponse(
      (r) => /\/decision$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST',
    );
  // The screen takes no key while a decision is in flight (its buttons are disabled then), so each
  // key waits for the Approve button to be enabled again, as a moderator would see it.
  const ready = (page: Page) =>
    page.waitForFunction(() => {
      const approve = Array.from(document.querySelectorAll('button')).find((button) =>
        /^approve/i.test(button.textContent?.trim() ?? ''),
      );
      return approve !== undefined && !approve.disabled;
    });
  await withPage(
    () => openPage('/queue'),
    async (page) => {
      for (let i = 0; i < 5; i++) {
        await ready(page);
        const [response] = await Promise.all([decided(page), page.keyboard.press('a')]);
        check(response.status() === 200, `approval ${i + 1} answered ${response.status()}`);
      }
      await ready(page);
      const [undo] = await Promise.all([decided(page), page.keyboard.press('u')]);
      check(undo.status() === 200, `undo answered ${undo.status()}`);
    },
  );
  const query = `filter=${encodeURIComponent(JSON.stringify({ actorId: demoModerator.id }))}&sort=${encodeURIComponent('["id","DESC"]')}&range=${encodeURIComponent('[0,5]')}`;
  const entries = await context.request.get(`${server.baseUrl}/api/audit?${query}`);
  check(entries.ok(), `GET /api/audit answered ${entries.status()}`);
  const actions = ((await entries.json()) as ApiRecord[]).map((entry) => entry.action);
  check(
    JSON.stringify(actions) ===
      JSON.stringify(['revert', 'approve', 'approve', 'approve', 'approve', 'approve']),
    `the moderator's newest audit entries are ${actions.join(', ')}`,
  );
  await withPage(
    () => openList('audit'),
    async (page) => {
      const newest = dataRows(page);
      for (let i = 0; i < 6; i++) {
        // The actor's name comes with the moderators' reference, a request after the rows.
        const named = await newest
          .nth(i)
          .getByText(demoModerator.name)
          .first()
          .waitFor({ state: 'visible' })
          .then(
            () => true,
            () => false,
          );
        check(named, `audit row ${i + 1} is not theirs: ${await newest.nth(i).textContent()}`);
      }
    },
  );
}

const demoVerifier = {
  name: 'Lena Kowalczyk',
  email: 'lena.kowalczyk@verity.example',
  password: 'verity-demo',
};
const demoSenior = {
  name: 'Marcus Oyelaran',
  email: 'marcus.oyelaran@verity.example',
  password: 'verity-demo',
};

/** Waits for the decision request a click sends, and answers its status. */
async function clickToDecide(page: Page, button: RegExp): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => /\/decision$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST',
    ),
    page.getByRole('button', { name: button }).first().click(),
  ]);
  return response.status();
}

/**
 * Four-eyes verification as verifiers do it: an answer by a pending doctor is held; one verifier
 * verifies on the doctor's page and the badge says a second one must confirm; a second verifier
 * confirms and the badge says Verified; the held answer can then be approved by a moderator.
 */
async function verifierJourney(): Promise<void> {
  await signInAs(demoAdmin);
  const { server, context } = live();
  const api = (path: string) => `${server.baseUrl}/api${path}`;
  const query = (filter: object) =>
    `filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,0]')}&sort=${encodeURIComponent('["id","ASC"]')}`;
  // A doctor waiting for verification with nothing against them that would hold their answers.
  const candidates = await context.request.get(
    api(`/doctors?${query({ verificationStatus: 'pending', riskScore_lte: 79 })}`),
  );
  check(candidates.ok(), `GET /api/doctors answered ${candidates.status()}`);
  const [doctor] = (await candidates.json()) as ApiRecord[];
  check(doctor, 'the demo data has no pending doctor without a blocking finding');
  const [question] = (await (
    await context.request.get(api(`/questions?${query({})}`))
  ).json()) as ApiRecord[];
  const created = await context.request.post(api('/answers'), {
    headers: { 'X-Verity-Request': '1' },
    data: {
      questionId: question.id,
      doctorId: doctor.id,
      body: 'Botox relaxes the muscle for about three to four months, then the effect wears off.',
    },
  });
  check(created.status() === 201, `POST /api/answers answered ${created.status()}: ${await created.text()}`);
  const answer = (await created.json()) as ApiRecord;
  const held = await context.request.post(api(`/answers/${answer.id}/decision`), {
    headers: { 'X-Verity-Request': '1' },
    data: { action: 'approve', version: answer.version },
  });
  check(held.status() === 409, `approving an answer by a pending doctor answered ${held.status()}`);

  const badge = (page: Page, text: string) =>
    page.getByRole('status').filter({ hasText: text }).first().waitFor({ state: 'visible' });
  await signInAs(demoVerifier);
  await withPage(
    () => openShow('doctors', doctor),
    async (page) => {
      await page
        .getByText(/NPI registry/i)
        .first()
        .waitFor({ state: 'visible' });
      const status = await clickToDecide(page, /^verify$/i);
      check(status === 200, `the first verification answered ${status}`);
      await badge(page, 'Awaiting second verifier');
    },
  );
  await signInAs(demoSenior);
  await withPage(
    () => openShow('doctors', doctor),
    async (page) => {
      await badge(page, 'Awaiting second verifier');
      const status = await clickToDecide(page, /^confirm verification$/i);
      check(status === 200, `the second verification answered ${status}`);
      await badge(page, 'Verified');
      await page.waitForLoadState('networkidle');
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: join(screenshotDir, 'doctor-verified.png'), fullPage: true });
      await expectNoSeriousViolations(page);
    },
  );
  await signInAs(demoModerator);
  await withPage(
    () => openShow('answers', answer),
    async (page) => {
      const status = await clickToDecide(page, /^approve/i);
      check(status === 200, `approving the answer after verification answered ${status}`);
    },
  );
  const approved = (await (await context.request.get(api(`/answers/${answer.id}`))).json()) as ApiRecord;
  check(approved.status === 'approved', `the answer is ${String(approved.status)}`);
}

/** Every image on the page has loaded and drawn pixels: `complete` alone is true for a broken one too. */
async function expectImagesRendered(page: Page, within: string): Promise<number> {
  const images = page.locator(`${within} img`);
  await images.first().waitFor({ state: 'visible' });
  await page.waitForFunction(
    (selector) =>
      Array.from(document.querySelectorAll<HTMLImageElement>(`${selector} img`)).every((i) => i.complete),
    within,
    { timeout: elementTimeoutMs },
  );
  const sizes = await images.evaluateAll((elements) =>
    elements.map((element) => ({
      src: (element as HTMLImageElement).currentSrc,
      naturalWidth: (element as HTMLImageElement).naturalWidth,
    })),
  );
  const broken = sizes.filter((size) => size.naturalWidth === 0);
  check(broken.length === 0, `images that did not render: ${broken.map((b) => b.src).join(', ')}`);
  return sizes.length;
}

/**
 * A moderator opens a pending pair whose photos were posted before (PH_DUP), sees the matching
 * pair beside it with its doctor and distance, compares the two in the viewer, and rejects it
 * with the reason "Not own photo"; every image on the way really rendered.
 */
async function reusedPhotoJourney(): Promise<void> {
  await signInAs(demoModerator);
  const { server, context } = live();
  const filter = encodeURIComponent(JSON.stringify({ ruleId: 'PH_DUP', status: 'pending' }));
  const found = await context.request.get(
    `${server.baseUrl}/api/photos?filter=${filter}&range=${encodeURIComponent('[0,0]')}`,
  );
  check(found.ok(), `GET /api/photos answered ${found.status()}`);
  const [listed] = (await found.json()) as ApiRecord[];
  check(listed, 'the demo data has no pending pair failing PH_DUP');
  const photo = await wholeRecord('photos', listed.id);
  const dup = (
    photo.ruleResults as {
      ruleId: string;
      outcome: string;
      evidence?: { related?: { id: number; image?: { distance: number } }[] };
    }[]
  ).find((r) => r.ruleId === 'PH_DUP' && r.outcome === 'fail')!;
  const match = dup.evidence!.related![0];
  await withPage(
    () => openShow('photos', photo),
    async (page) => {
      const matches = page.getByRole('region', { name: 'Matching pairs' });
      const pair = matches.getByRole('listitem', { name: `Pair #${match.id}` });
      await pair.waitFor({ state: 'visible' });
      const text = (await pair.textContent()) ?? '';
      check(
        new RegExp(`${match.image!.distance} bits? apart`).test(text) && /doctor/.test(text),
        `the matching pair does not say its distance and doctor: ${text}`,
      );
      const shown = await expectImagesRendered(page, '.RaShow-main');
      check(
        shown >= 6,
        `only ${shown} images on the page: the pair, and both pairs beside each other, make 6`,
      );
      await page.keyboard.press('d');
      await page
        .getByRole('group', { name: 'The difference of before and after' })
        .waitFor({ state: 'visible' });
      await page.keyboard.press('d');
      await page.waitForLoadState('networkidle');
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: join(screenshotDir, 'photo-reused.png'), fullPage: true });
      await expectNoSeriousViolations(page);

      await page
        .getByRole('button', { name: /^reject/i })
        .first()
        .click();
      const picker = page.getByRole('dialog');
      await picker.getByRole('option', { name: /Not own photo/ }).click();
      const [response] = await Promise.all([
        page.waitForResponse(
          (r) => /\/decision$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST',
        ),
        picker.getByRole('button', { name: /^reject$/i }).click(),
      ]);
      check(response.status() === 200, `rejecting the pair answered ${response.status()}`);
    },
  );
  const after = (await (
    await context.request.get(`${server.baseUrl}/api/photos/${photo.id}`)
  ).json()) as ApiRecord;
  check(
    after.status === 'rejected' && after.reasonCode === 'not_own_photo',
    `the pair is ${String(after.status)} (${String(after.reasonCode)})`,
  );
}

/** A record as its show page reads it: a list row names its failed rules but not their evidence. */
async function wholeRecord(resource: ResourceName, id: ApiRecord['id']): Promise<ApiRecord> {
  const { server, context } = live();
  const response = await context.request.get(`${server.baseUrl}/api/${resource}/${id}`);
  check(response.ok(), `GET /api/${resource}/${id} answered ${response.status()}`);
  return (await response.json()) as ApiRecord;
}

/** A review of the demo data failing a text rule, and the words that rule quoted. */
async function quotedReview(ruleId: string): Promise<{ review: ApiRecord; quoted: string }> {
  const { server, context } = live();
  const filter = encodeURIComponent(JSON.stringify({ ruleId }));
  const url = `${server.baseUrl}/api/reviews?filter=${filter}&range=${encodeURIComponent('[0,0]')}`;
  const response = await context.request.get(url);
  check(response.ok(), `GET ${url} answered ${response.status()}: ${await response.text()}`);
  const [listed] = (await response.json()) as ApiRecord[];
  check(listed, `the demo data has no review failing ${ruleId}`);
  const review = await wholeRecord('reviews', listed.id);
  const results = review.ruleResults as {
    ruleId: string;
    outcome: string;
    evidence?: { spans?: { text: string }[] };
  }[];
  const quoted = results.find((r) => r.ruleId === ruleId && r.outcome === 'fail')?.evidence?.spans?.[0]?.text;
  check(quoted, `review ${review.id} fails ${ruleId} without quoting words`);
  return { review, quoted };
}

async function browserChecks(): Promise<void> {
  const signedIn = await suite.test(
    'sign-in: the demo admin signs in through the login page (axe clean)',
    signIn,
  );
  if (!signedIn) return;
  await suite.test(
    'dashboard: the home page shows a card per queue and both charts drawn from the demo data (axe clean)',
    () =>
      withPage(
        () => openPage('/'),
        async (page) => {
          for (const type of ['Answers', 'Reviews', 'Photos', 'Verifications'])
            await page.getByRole('region', { name: type, exact: true }).waitFor({ state: 'visible' });
          for (const chart of ['Queue depth, last 30 days', 'Decisions per day, last 30 days']) {
            const region = page.getByRole('region', { name: chart });
            // A drawn chart has its lines or bars as SVG paths, not only its axes.
            await region
              .locator(
                'svg .MuiLineChart-root path, svg path.MuiLineElement-root, svg rect.MuiBarElement-root',
              )
              .first()
              .waitFor({ state: 'attached' });
          }
          await page.waitForLoadState('networkidle');
          await expectNoSeriousViolations(page);
          mkdirSync(screenshotDir, { recursive: true });
          await page.screenshot({ path: join(screenshotDir, 'dashboard.png'), fullPage: true });
        },
      ),
  );
  await suite.test('xss: a review whose body is an <img onerror> tag shows as text and runs nothing', () =>
    hostileReviewShowsAsText(),
  );
  await suite.test('rules: the Rules page lists every rule with its setting (axe clean)', () =>
    withPage(
      () => openPage('/rules'),
      async (page) => {
        await page.getByText('REV_NEAR_DUP').first().waitFor({ state: 'visible' });
        await page.getByText('ANS_PERMANENT_CLAIM').first().waitFor({ state: 'visible' });
        await page.waitForLoadState('networkidle');
        await expectNoSeriousViolations(page);
      },
    ),
  );
  await suite.test(
    'evidence: a review failing REV_INCENTIVE shows the quoted words marked (axe clean)',
    async () => {
      const { review, quoted } = await quotedReview('REV_INCENTIVE');
      await withPage(
        () => openShow('reviews', review),
        async (page) => {
          await page.locator('mark').filter({ hasText: quoted }).first().waitFor({ state: 'visible' });
          await page.getByText('Why is this first?').first().waitFor({ state: 'visible' });
          await expectNoSeriousViolations(page);
        },
      );
    },
  );
  for (const resource of resources) {
    if (abortedBy) return;
    await suite.test(`list: ${resource} shows data rows`, () =>
      withPage(
        () => openList(resource),
        async (page) => {
          if (resource === 'reviews') {
            // Settled first, so the picture shows the menu's counts and not their spinners.
            await page.waitForLoadState('networkidle');
            mkdirSync(screenshotDir, { recursive: true });
            await page.screenshot({ path: join(screenshotDir, 'reviews-list.png'), fullPage: true });
          }
        },
      ),
    );
    await suite.test(`axe: ${resource} list has no serious or critical violations`, () =>
      withPage(async () => {
        const page = await openList(resource);
        await page.waitForLoadState('networkidle');
        return page;
      }, expectNoSeriousViolations),
    );

    let record: ApiRecord | null = null;
    const found = await suite.test(`api: the demo data has ${resource}`, async () => {
      record = await someRecord(resource);
    });
    if (!found || !record) {
      suite.fail(`show: ${resource} show page`, `not run: no ${resource} record to open`);
      suite.fail(`axe: ${resource} show page`, `not run: no ${resource} record to open`);
      continue;
    }
    const shown: ApiRecord = record;
    await suite.test(`show: ${resource} #${shown.id} shows the record`, () =>
      withPage(
        () => openShow(resource, shown),
        async () => undefined,
      ),
    );
    await suite.test(`axe: ${resource} #${shown.id} show page has no serious or critical violations`, () =>
      withPage(() => openShow(resource, shown), expectNoSeriousViolations),
    );
    if (resource === 'photos') {
      await suite.test(`photos: #${shown.id} show page loads the before and the after image`, () =>
        withPage(
          () => openShow(resource, shown),
          async (page) => {
            await expectImageLoaded(page, /before/i);
            await expectImageLoaded(page, /after/i);
          },
        ),
      );
    }
  }

  await suite.test('no uncaught page errors, 5xx responses or broken images while browsing', async () => {
    check(pageProblems.length === 0, pageProblems.join('\n'));
  });

  await suite.test(
    'queue: a moderator clears five items with the keyboard, undoes one, and finds them in the audit log',
    () => keyboardJourney(),
  );

  await suite.test(
    'photos: a moderator opens a reused pair, sees the matching pair with its doctor and distance, and rejects it with a reason; every image rendered (axe clean)',
    () => reusedPhotoJourney(),
  );

  await suite.test(
    'doctors: a verifier verifies, a second verifier confirms, the badge changes and the held answer can be approved (axe clean)',
    () => verifierJourney(),
  );

  await suite.test('audit: npm run audit:verify finds the chain intact after the run', async () => {
    const { server } = live();
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: server.dataDir };
    delete env.DATABASE_URL;
    const verify = spawnSync('npm', ['run', '--silent', 'audit:verify'], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    check(verify.status === 0, `audit:verify exited ${verify.status}: ${verify.stdout}${verify.stderr}`);
    check(/intact/.test(verify.stdout), `audit:verify said: ${verify.stdout}`);
    suite.note(verify.stdout.trim());
  });
}

async function main(): Promise<number> {
  if (!existsSync(chromiumPath)) {
    suite.fail(`browser: Chromium is installed at ${chromiumPath}`, chromiumInstallHint());
    return 1;
  }

  const stale = staleDistReason();
  if (stale) {
    console.log(`Building the SPA (${stale})`);
    await run('npm', ['run', 'build']);
  } else {
    console.log('dist/ is newer than the SPA sources: not rebuilding (E2E_REBUILD=1 forces it)');
  }

  const started = await suite.test(
    'server: starts on an empty data dir, seeds and answers /api/health',
    async () => {
      const server = await startServer(serverReadyTimeoutMs);
      running.server = server;
      suite.note(`server on ${server.baseUrl}, log at ${server.logPath} (kept with E2E_KEEP_DATA=1)`);
    },
  );
  if (!started) return 1;

  await suite.test('server: serves the built SPA at /', async () => {
    const response = await fetch(`${running.server?.baseUrl}/`);
    const html = await response.text();
    check(response.ok, `GET / answered ${response.status}`);
    check(/<div id="root"/.test(html) || /<script/.test(html), `GET / is not the SPA's page:\n${html}`);
  });

  const profileDir = mkdtempSync(join(tmpdir(), 'verity-e2e-chromium-'));
  running.profileDir = profileDir;
  const launched = await suite.test('browser: Chromium starts headless', async () => {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
      viewport: { width: 1440, height: 900 },
      // We close the browser ourselves on a signal, after the server has been told to stop.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    context.setDefaultTimeout(elementTimeoutMs);
    running.context = context;
  });
  if (launched) await browserChecks();
  return suite.failed === 0 ? 0 : 1;
}

const watchdog = setTimeout(
  () => abort(`the e2e run took longer than ${runTimeoutMs / 1000} s`, 1),
  runTimeoutMs,
);
watchdog.unref();

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(error);
  suite.fail('e2e run completes', error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  if (suite.failed > 0 && running.server) {
    console.log(`\nLast lines of the server log:\n${running.server.logTail()}`);
  }
  await cleanUp();
}
// An abort prints the summary and exits itself once the cleanup it started is over.
if (abortedBy) await new Promise(() => undefined);
console.log(suite.summary());
process.exit(suite.failed === 0 ? code : 1);

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { browserFetch, CookieJar } from '../mocks/handlers';
import { createApp } from '../server/app';
import { insertRows } from '../server/db/bulk';
import { type Db, migrate, openDb } from '../server/db/connection';
import { csrfHeader } from '../server/security';
import { verifyAuditChain } from '../server/services/audit';
import { hashPassword } from '../server/services/passwords';
import { isEmpty } from '../server/seed';
import { summarize } from './timing';

/**
 * Moderators working the queue flat out: 5,000 pending items, 20 moderators each looping "next
 * item, decide it" through the real app (in process, each with their own session), until the
 * queue is empty. Prints decisions per second, the latency of the decision request, and how many
 * items were decided twice according to the audit log, which must be none.
 *
 * Runs on a temporary SQLite file, or on an empty PostgreSQL database named by BENCH_DATABASE_URL.
 */
const items = Number(process.env.ITEMS ?? 5000);
const moderatorCount = Number(process.env.MODERATORS ?? 20);
const password = 'bench password 1234';

const postgresUrl = process.env.BENCH_DATABASE_URL;
const tempDir = postgresUrl ? null : mkdtempSync(join(tmpdir(), 'verity-bench-'));
const db = openDb(postgresUrl ?? join(tempDir!, 'verity.db'));
await migrate(db);
if (!(await isEmpty(db)))
  throw new Error('BENCH_DATABASE_URL must name an empty database: the bench fills it');

/** Plain inserts: the items the queue serves, by the moderators who will work them. */
async function fill(db: Db) {
  const at = (minutes: number) => new Date(Date.UTC(2026, 9, 1) + minutes * 60_000).toISOString();
  const passwordHash = await hashPassword(password);
  await insertRows(
    db.kysely,
    'moderators',
    Array.from({ length: moderatorCount }, (_, i) => ({
      name: `Bench Moderator ${i}`,
      email: `bench${i}@verity.example`,
      role: 'moderator',
      passwordHash,
      createdAt: at(0),
    })),
  );
  await insertRows(db.kysely, 'doctors', [
    {
      name: 'Dr. Bench Hart',
      credential: 'MD',
      specialty: 'Dermatology',
      practiceName: 'Hart Dermatology',
      city: 'Austin',
      npi: '1234567893',
      licenseState: 'TX',
      licenseNumber: 'TX-1',
      licenseStatus: 'active',
      licenseExpiresOn: '2028-01-01',
      boardCertified: 1,
      verificationStatus: 'verified',
      createdAt: at(0),
    },
  ]);
  await insertRows(db.kysely, 'questions', [
    {
      title: 'Is Botox permanent?',
      body: 'How long does it last?',
      procedure: 'Botox',
      askerName: 'Jamie',
      createdAt: at(0),
    },
  ]);
  // Risk and age vary, so the queue order matters; the same every run.
  const moderation = (i: number) => ({
    riskScore: (i * 37) % 101,
    ruleResults: '[]',
    createdAt: at(i),
  });
  const image = (seed: string) =>
    JSON.stringify({
      url: `/api/images/${seed}`,
      width: 800,
      height: 1000,
      sha256: seed,
      phash: seed.slice(0, 16),
      exif: null,
    });
  const answers = [];
  const reviews = [];
  const photos = [];
  for (let i = 0; i < items; i++) {
    if (i % 5 < 1)
      answers.push({
        questionId: 1,
        doctorId: 1,
        body: `Answer ${i}: three to four months.`,
        ...moderation(i),
      });
    else if (i % 5 < 4)
      reviews.push({
        doctorId: 1,
        procedure: 'Botox',
        rating: 1 + (i % 5),
        title: `Review ${i}`,
        body: `Review ${i} of a Botox treatment.`,
        reviewerId: `patient-${i}`,
        reviewerEmail: `patient${i}@mail.example`,
        reviewerEmailVerified: 1,
        reviewerPhoneVerified: 0,
        reviewerIp: '203.0.113.7',
        ...moderation(i),
      });
    else {
      const seed = i.toString(16).padStart(64, '0');
      photos.push({
        doctorId: 1,
        procedure: 'Botox',
        caption: `Pair ${i}`,
        consentOnFile: 1,
        before: image(seed),
        after: image(seed.replace(/^0/, 'f')),
        ...moderation(i),
      });
    }
  }
  await insertRows(db.kysely, 'answers', answers);
  await insertRows(db.kysely, 'reviews', reviews);
  await insertRows(db.kysely, 'photos', photos);
}

const reasons: Record<string, string> = {
  answers: 'promotional',
  reviews: 'duplicate',
  photos: 'edited_photo',
};

try {
  await fill(db);
  const app = createApp({ db });

  const moderators = await Promise.all(
    Array.from({ length: moderatorCount }, async (_, i) => {
      const jar = new CookieJar();
      const post = (path: string, body: unknown) =>
        browserFetch(
          app,
          jar,
          new Request(`http://bench${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', [csrfHeader]: '1' },
            body: JSON.stringify(body),
          }),
        );
      const signIn = await post('/api/auth/login', { email: `bench${i}@verity.example`, password });
      if (signIn.status !== 200) throw new Error(`signing in bench${i}: HTTP ${signIn.status}`);
      return post;
    }),
  );

  const decisionMs: number[] = [];
  const nextMs: number[] = [];
  const refused = new Map<number, number>();
  let decisions = 0;
  const started = performance.now();
  await Promise.all(
    moderators.map(async (post, m) => {
      for (let turn = 0; ; turn++) {
        let t0 = performance.now();
        const next = await post('/api/queue/next', {});
        nextMs.push(performance.now() - t0);
        if (next.status === 204) return;
        if (next.status !== 200) throw new Error(`queue/next: HTTP ${next.status} ${await next.text()}`);
        const { resource, record } = (await next.json()) as {
          resource: string;
          record: { id: number; version: number };
        };
        // About one item in six is rejected, which also queues its author's notice.
        const rejecting = (turn + m) % 6 === 0;
        t0 = performance.now();
        const decided = await post(`/api/${resource}/${record.id}/decision`, {
          action: rejecting ? 'reject' : 'approve',
          reasonCode: rejecting ? reasons[resource] : undefined,
          version: record.version,
        });
        await decided.arrayBuffer();
        decisionMs.push(performance.now() - t0);
        if (decided.status === 200) decisions += 1;
        else refused.set(decided.status, (refused.get(decided.status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  const twice = await db.kysely
    .selectFrom('audit')
    .select(['resource', 'recordId'])
    .where('action', '!=', 'revert')
    .groupBy(['resource', 'recordId'])
    .having(sql`count(*)`, '>', 1)
    .execute();
  const pending = await Promise.all(
    (['answers', 'reviews', 'photos'] as const).map(async (table) =>
      Number(
        (
          await db.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('status', '=', 'pending')
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ),
  );
  const chain = await verifyAuditChain(db.kysely);
  const outbox = await db.kysely
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();

  console.log(`database: ${db.dialect}, ${items} pending items, ${moderatorCount} moderators in parallel`);
  console.log(
    `decisions: ${decisions} in ${seconds.toFixed(2)} s = ${(decisions / seconds).toFixed(0)} decisions/s`,
  );
  console.log(`decision request: ${summarize(decisionMs)}`);
  console.log(`queue/next request: ${summarize(nextMs)}`);
  console.log(
    `refused decisions: ${refused.size === 0 ? 'none' : JSON.stringify(Object.fromEntries(refused))}`,
  );
  console.log(
    `items still pending: ${pending.reduce((a, b) => a + b, 0)}, notices queued: ${Number(outbox.n)}`,
  );
  console.log(`items decided twice (audit): ${twice.length}`);
  console.log(
    `audit chain: ${chain.ok ? `intact, ${chain.entries} entries` : `BROKEN at ${chain.brokenAt}`}`,
  );
  if (twice.length > 0 || !chain.ok) process.exitCode = 1;
} finally {
  await db.close();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}

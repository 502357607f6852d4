import { sql } from 'kysely';
import { insertRows } from '../server/db/bulk';
import type { Db } from '../server/db/connection';
import { CookieJar } from '../mocks/handlers';
import { csrfHeader } from '../server/security';
import { hashPassword } from '../server/services/passwords';

/**
 * A team working the queue flat out, shared by `npm run bench:decisions` (in process), the
 * decision load of `npm run bench` and the tests of server processes on one database (over
 * HTTP): the pending items, the
 * moderators who work them, each looping "next item, decide it" until the queue is empty, and
 * what the audit log says afterwards.
 */

export const moderatorPassword = 'queue work password 1234';
export const moderatorEmail = (index: number) => `worker${index}@verity.example`;

const at = (minutes: number) => new Date(Date.UTC(2026, 9, 1) + minutes * 60_000).toISOString();

/** The accounts of `count` queue workers, those the database does not have yet. */
export async function addQueueWorkers(db: Db, count: number): Promise<void> {
  const emails = Array.from({ length: count }, (_, i) => moderatorEmail(i));
  const existing = new Set(
    (await db.kysely.selectFrom('moderators').select('email').where('email', 'in', emails).execute()).map(
      (row) => row.email,
    ),
  );
  const passwordHash = await hashPassword(moderatorPassword);
  await insertRows(
    db.kysely,
    'moderators',
    emails.flatMap((email, i) =>
      existing.has(email)
        ? []
        : [{ name: `Queue Worker ${i}`, email, role: 'moderator', passwordHash, demo: 1, createdAt: at(0) }],
    ),
  );
}

/** Plain inserts: `items` pending items of every kind, and the moderators who will work them. */
export async function fillQueue(db: Db, { items, moderators }: { items: number; moderators: number }) {
  await addQueueWorkers(db, moderators);
  await insertRows(db.kysely, 'doctors', [
    {
      name: 'Dr. Rowan Hart',
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

/** A signed-in moderator's POST of a JSON body, however it reaches a server. */
export type Post = (path: string, body: unknown) => Promise<Response>;

/**
 * Queue worker `index` signed in over HTTP on the first of `urls`, each request then going to the
 * next of them in turn, as a load balancer would send them.
 */
export async function workerOverHttp(urls: readonly string[], index: number): Promise<Post> {
  const jar = new CookieJar();
  let turn = index;
  const post: Post = async (path, body) => {
    const url = urls[turn++ % urls.length];
    const headers = new Headers({ 'content-type': 'application/json', [csrfHeader]: '1' });
    const cookie = jar.header();
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    jar.store(response);
    return response;
  };
  const signIn = await post('/api/auth/login', { email: moderatorEmail(index), password: moderatorPassword });
  if (signIn.status !== 200)
    throw new Error(`signing in ${moderatorEmail(index)}: HTTP ${signIn.status} ${await signIn.text()}`);
  return post;
}

const reasons: Record<string, string> = {
  answers: 'promotional',
  reviews: 'duplicate',
  photos: 'edited_photo',
};

export interface QueueWork {
  decisions: number;
  seconds: number;
  decisionMs: number[];
  nextMs: number[];
  /** How many responses came back with each status, queue/next and decisions alike. */
  statuses: Map<number, number>;
}

/**
 * Every moderator loops "next item, decide it" until the queue answers 204 to each of them, or
 * until `seconds` have passed.
 */
export async function workQueue(moderators: Post[], { seconds = Infinity } = {}): Promise<QueueWork> {
  const work: QueueWork = { decisions: 0, seconds: 0, decisionMs: [], nextMs: [], statuses: new Map() };
  const seen = (status: number) => work.statuses.set(status, (work.statuses.get(status) ?? 0) + 1);
  const started = performance.now();
  await Promise.all(
    moderators.map(async (post, m) => {
      for (let turn = 0; performance.now() - started < seconds * 1000; turn++) {
        let t0 = performance.now();
        const next = await post('/api/queue/next', {});
        work.nextMs.push(performance.now() - t0);
        seen(next.status);
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
        work.decisionMs.push(performance.now() - t0);
        seen(decided.status);
        if (decided.status === 200) work.decisions += 1;
      }
    }),
  );
  work.seconds = (performance.now() - started) / 1000;
  return work;
}

/** The items the audit log shows decided more than once: none, in a team that works as it should. */
export async function decidedTwice(db: Db) {
  return db.kysely
    .selectFrom('audit')
    .select(['resource', 'recordId'])
    .where('action', '!=', 'revert')
    .groupBy(['resource', 'recordId'])
    .having(sql`count(*)`, '>', 1)
    .execute();
}

/** How many items of any kind still wait in the queue. */
export async function stillPending(db: Db): Promise<number> {
  let total = 0;
  for (const table of ['answers', 'reviews', 'photos'] as const) {
    const { n } = await db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    total += Number(n);
  }
  return total;
}

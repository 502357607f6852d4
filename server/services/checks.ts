import type { Kysely, Transaction } from 'kysely';
import type { Answer, Review, RuleResult } from '../../src/domain/model';
import { resourceSpecs } from '../../src/domain/resources';
import type {
  AnswerContext,
  CheckedResult,
  KnownDoctor,
  ReviewContext,
  ReviewSignals,
  RuleSettings,
} from '../../src/domain/rules/engine';
import { runRules } from '../../src/domain/rules/engine';
import { type CheckedType, rulesByType } from '../../src/domain/rules/registry';
import { riskScore } from '../../src/domain/rules/riskScore';
import {
  jaccard,
  lshBandKeys,
  minhashSignature,
  nearDuplicateMinWords,
  shingleHashes,
} from '../../src/domain/rules/shingles';
import { words } from '../../src/domain/rules/text';
import { type ApiRecord, findRecord } from '../db/records';
import {
  accountActivity,
  asSettings,
  bandCandidates,
  doctorReviewCount,
  replaceBands,
  replaceFindings,
  reviewTexts,
  sameAddressReviews,
  storedSettings,
} from '../db/rules';
import type { Database } from '../db/schema';

/**
 * Running the authenticity rules on stored items: the server gathers the facts each rule asks
 * for (the author, the reviews from one address, the near-duplicates in the band index) with
 * indexed reads, runs the pure rules of src/domain/rules, and stores the results, the risk score
 * and the failed rules with the item.
 */

type AnyDb = Kysely<Database> | Transaction<Database>;

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
/** A burst is judged over the two days either side of a review, against the 90 days before. */
const burstWindowHours = 48;
const baselineDays = 90;
/** At most this many band-sharing reviews are compared word for word. */
const candidateLimit = 40;
/** Near-duplicates below this similarity are not worth listing as evidence. */
const similarityFloor = 0.3;
const clusterLimit = 50;

export async function loadSettings(db: AnyDb): Promise<RuleSettings> {
  return asSettings(await storedSettings(db));
}

/** The doctor as the rules see them; null when the id names nobody. */
export async function knownDoctor(db: AnyDb, id: number): Promise<KnownDoctor | null> {
  return (await findRecord(db, resourceSpecs.doctors, id)) as KnownDoctor | null;
}

export async function answerContext(
  db: AnyDb,
  answer: Answer,
  now: Date,
  doctors: DoctorCache = new DoctorCache(db),
): Promise<Omit<AnswerContext, 'setting'>> {
  const question = await db
    .selectFrom('questions')
    .select(['title', 'body', 'procedure'])
    .where('id', '=', answer.questionId)
    .executeTakeFirst();
  return { now: now.toISOString(), doctor: await doctors.get(answer.doctorId), question: question ?? null };
}

/** A review's text as the near-duplicate index sees it. */
export interface Fingerprint {
  shingles: Uint32Array;
  bandKeys: number[];
}

export function fingerprint(review: Pick<Review, 'body'>): Fingerprint {
  const shingles = shingleHashes(review.body);
  // Short texts coincide by nature ("Great results, would recommend"); REV_DETAIL speaks of them.
  const indexed = words(review.body).length >= nearDuplicateMinWords;
  return { shingles, bandKeys: indexed ? lshBandKeys(minhashSignature(shingles)) : [] };
}

/** Puts a review's bands in the index, replacing the ones of its previous text. */
export async function indexReview(db: AnyDb, review: Pick<Review, 'id' | 'body'>): Promise<Fingerprint> {
  const print = fingerprint(review);
  await replaceBands(db, review.id, print.bandKeys);
  return print;
}

export async function nearDuplicates(
  db: AnyDb,
  review: Pick<Review, 'id'>,
  print: Fingerprint,
): Promise<ReviewSignals['nearDuplicates']> {
  const candidates = await reviewTexts(
    db,
    await bandCandidates(db, print.bandKeys, review.id, candidateLimit),
  );
  return candidates
    .map((other) => ({
      id: other.id,
      doctorId: other.doctorId,
      similarity: Math.round(jaccard(print.shingles, shingleHashes(other.body)) * 1000) / 1000,
    }))
    .filter((match) => match.similarity >= similarityFloor)
    .sort((a, b) => b.similarity - a.similarity || a.id - b.id);
}

export async function reviewSignals(db: AnyDb, review: Review, print: Fingerprint): Promise<ReviewSignals> {
  const at = Date.parse(review.createdAt);
  const iso = (ms: number) => new Date(ms).toISOString();
  const windowMs = burstWindowHours * hourMs;
  const day = new Date(review.createdAt.slice(0, 10)).getTime();
  const [sameAddress, inWindow, before, account, near] = await Promise.all([
    sameAddressReviews(db, review.reviewerIp, review.doctorId, review.id, clusterLimit),
    doctorReviewCount(db, review.doctorId, iso(at - windowMs), iso(at + windowMs)),
    doctorReviewCount(db, review.doctorId, iso(at - windowMs - baselineDays * dayMs), iso(at - windowMs)),
    accountActivity(db, review.reviewerId, iso(day), iso(day + dayMs)),
    nearDuplicates(db, review, print),
  ]);
  return {
    sameAddress: { ip: review.reviewerIp, reviewIds: sameAddress },
    doctorRate: {
      inWindow,
      windowHours: burstWindowHours,
      usualPerWindow: (before * 2 * windowMs) / (baselineDays * dayMs),
      baselineDays,
    },
    nearDuplicates: near,
    account,
  };
}

/** Doctors read once per run: a re-run meets the same few thousand doctors a million times. */
export class DoctorCache {
  private readonly known = new Map<number, Promise<KnownDoctor | null>>();
  constructor(private readonly db: AnyDb) {}
  get(id: number): Promise<KnownDoctor | null> {
    let doctor = this.known.get(id);
    if (!doctor) this.known.set(id, (doctor = knownDoctor(this.db, id)));
    return doctor;
  }
}

export interface Checked {
  results: CheckedResult[];
  riskScore: number;
}

const scored = (results: CheckedResult[]): Checked => ({ results, riskScore: riskScore(results) });

export async function checkAnswer(
  db: AnyDb,
  answer: Answer,
  settings: RuleSettings,
  now: Date,
  doctors?: DoctorCache,
): Promise<Checked> {
  return scored(
    runRules(rulesByType.answers, answer, await answerContext(db, answer, now, doctors), settings),
  );
}

export async function checkReview(
  db: AnyDb,
  review: Review,
  settings: RuleSettings,
  now: Date,
  doctors: DoctorCache = new DoctorCache(db),
  print: Fingerprint = fingerprint(review),
): Promise<Checked> {
  const context: Omit<ReviewContext, 'setting'> = {
    now: now.toISOString(),
    doctor: await doctors.get(review.doctorId),
    signals: await reviewSignals(db, review, print),
  };
  return scored(runRules(rulesByType.reviews, review, context, settings));
}

/** Stores a check's outcome with the item. The version stays: a check is not an edit. */
export async function saveChecked(db: AnyDb, type: CheckedType, record: ApiRecord, checked: Checked) {
  const id = record.id as number;
  await db
    .updateTable(type)
    .set({ ruleResults: JSON.stringify(checked.results), riskScore: checked.riskScore })
    .where('id', '=', id)
    .execute();
  const failed = checked.results.filter((r) => r.outcome === 'fail');
  await replaceFindings(db, type, id, record.createdAt as string, failed);
  return { ...record, ruleResults: checked.results, riskScore: checked.riskScore };
}

/** Reviews a review's results point at: its near-duplicates and the others from its address. */
export function relatedReviews(results: readonly RuleResult[]): number[] {
  const ids = new Set<number>();
  for (const result of results as CheckedResult[]) {
    if (result.outcome !== 'fail') continue;
    for (const item of result.evidence?.related ?? []) if (item.resource === 'reviews') ids.add(item.id);
  }
  return [...ids];
}

/**
 * Checks one stored item again and saves the outcome. For a review the band index is refreshed
 * first, and the reviews it now pairs with (or paired with before) are checked again too: a new
 * review can make an older one a near-duplicate, or the third review from one address.
 */
export async function recheck(
  db: AnyDb,
  type: CheckedType,
  id: number,
  now: Date,
  settings?: RuleSettings,
): Promise<ApiRecord | null> {
  const record = await findRecord(db, resourceSpecs[type], id);
  if (!record) return null;
  const rules = settings ?? (await loadSettings(db));
  if (type === 'answers') {
    return saveChecked(db, type, record, await checkAnswer(db, record as unknown as Answer, rules, now));
  }
  const review = record as unknown as Review;
  const doctors = new DoctorCache(db);
  const print = await indexReview(db, review);
  const checked = await checkReview(db, review, rules, now, doctors, print);
  const saved = await saveChecked(db, type, record, checked);
  const partners = new Set([...relatedReviews(review.ruleResults ?? []), ...relatedReviews(checked.results)]);
  for (const partnerId of partners) {
    const partner = await findRecord(db, resourceSpecs.reviews, partnerId);
    if (!partner) continue;
    const partnerReview = partner as unknown as Review;
    await saveChecked(db, type, partner, await checkReview(db, partnerReview, rules, now, doctors));
  }
  return saved;
}

/** A deleted item leaves the index and the findings, and its partners no longer pair with it. */
export async function forgetChecks(
  db: AnyDb,
  type: CheckedType,
  record: ApiRecord,
  now: Date,
): Promise<void> {
  const id = record.id as number;
  await replaceFindings(db, type, id, record.createdAt as string, []);
  if (type !== 'reviews') return;
  await replaceBands(db, id, []);
  const settings = await loadSettings(db);
  for (const partnerId of relatedReviews(record.ruleResults as RuleResult[])) {
    await recheck(db, type, partnerId, now, settings);
  }
}

import type { Kysely, Transaction } from 'kysely';
import {
  type Answer,
  type Doctor,
  type Photo,
  type PhotoSide,
  photoSides,
  type Review,
  type RuleResult,
} from '../../src/domain/model';
import { hammingDistance, nearHashes, probeBands } from '../../src/domain/perceptualHash';
import { resourceSpecs } from '../../src/domain/resources';
import type {
  AnswerContext,
  CheckedResult,
  DoctorContext,
  KnownDoctor,
  PhotoContext,
  PhotoMatch,
  ReviewContext,
  ReviewSignals,
  RuleSettings,
} from '../../src/domain/rules/engine';
import { resolveSetting, runRules } from '../../src/domain/rules/engine';
import { analyse } from '../../src/domain/language/analysis';
import { readLearnedLean } from '../../src/domain/rules/learnedLean';
import { readLearnedClaim } from '../../src/domain/rules/learnedClaims';
import { type CheckedType, rulesByType } from '../../src/domain/rules/registry';
import { riskScore } from '../../src/domain/rules/riskScore';
import { lshBandKeys, minhashSignature, overlap } from '../../src/domain/rules/shingles';
import { type ApiRecord, findRecord, findRecords } from '../db/records';
import { answerIdsOf, storedLookups } from '../db/credentials';
import { type IndexedImage, imagesWithHashes, photoHashCandidates, replacePhotoHashes } from '../db/photos';
import {
  accountReviews,
  addressReviews,
  asSettings,
  bandMembers,
  questionOf,
  doctorReviewTimes,
  indexedShingles,
  replaceBands,
  replaceFindings,
  storedSettings,
  storeOutcome,
} from '../db/rules';
import type { Database } from '../db/schema';
import { comparedReviewRules, type Fingerprint, fingerprint, ownWordsReviewRules } from './wordChecks';

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
/**
 * At most this many band-sharing reviews, those sharing the most bands, are compared shingle for
 * shingle. A pair at Jaccard 0.4 shares 4 of the 25 bands on average and one at 0.6 nine, while
 * reviews that merely treat the same thing share one: the real near-duplicates come first.
 */
const candidateLimit = 12;
/**
 * Holders read per band key, the newest (see bandMembers). Content words of one treatment fill
 * some bands with thousands of reviews; reading 50 of each bounds a lookup at 25 x 50 rows, and a
 * copy is found through the bands its less common words make, which few reviews share.
 */
const holdersPerBand = 50;
/** Near-duplicates below this similarity are not worth listing as evidence. */
const similarityFloor = 0.3;
const clusterLimit = 50;

export async function loadSettings(db: AnyDb): Promise<RuleSettings> {
  return asSettings(await storedSettings(db));
}

/** The doctor as the rules see them; null when the id names nobody. */
async function knownDoctor(db: AnyDb, id: number): Promise<KnownDoctor | null> {
  return (await findRecord(db, resourceSpecs.doctors, id)) as KnownDoctor | null;
}

export async function answerContext(
  db: AnyDb,
  answer: Answer,
  now: Date,
  doctors: DoctorCache = new DoctorCache(db),
): Promise<Omit<AnswerContext, 'setting'>> {
  const question = await questionOf(db, answer.questionId);
  return {
    now: now.toISOString(),
    read: analyse,
    claim: readLearnedClaim,
    doctor: await doctors.get(answer.doctorId),
    question,
  };
}

/** Puts a review in the index, replacing the entry of its previous text. */
export async function indexReview(db: AnyDb, review: Pick<Review, 'id' | 'body'>): Promise<Fingerprint> {
  const print = fingerprint(review);
  await replaceBands(db, [{ reviewId: review.id, ...print }]);
  return print;
}

const distinct = <T>(values: Iterable<T>) => [...new Set(values)];

/** How many sorted ISO timestamps fall in [from, to). */
function countBetween(sorted: readonly string[], from: string, to: string): number {
  const firstAtOrAfter = (bound: string) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (sorted[mid] < bound) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  return firstAtOrAfter(to) - firstAtOrAfter(from);
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * The holders of band keys, each key read once: a new review and the near-duplicates checked again
 * after it share most of their bands. Valid while the index is not written to, i.e. for one check.
 */
export class BandHolders {
  private readonly known = new Map<number, number[]>();
  constructor(private readonly db: AnyDb) {}
  async of(keys: readonly number[]): Promise<ReadonlyMap<number, readonly number[]>> {
    const missing = distinct(keys).filter((key) => !this.known.has(key));
    if (missing.length > 0) {
      for (const [key, holders] of await bandMembers(this.db, missing, holdersPerBand))
        this.known.set(key, holders);
    }
    return this.known;
  }
}

/**
 * The `candidateLimit` reviews sharing the most band keys with `review`, the lower id first among
 * equals. A review's keys meet up to a thousand others: their ids are put in one typed array and
 * sorted, so that a review's keys are counted as a run of its id rather than in a map of every
 * holder, which a check would allocate and throw away (a check's garbage is what makes its slowest
 * runs slow). Only the lowest ids of each count are kept, in buckets by count (at most the number
 * of bands), and only the buckets reached are read.
 */
function mostShared(
  review: Pick<Review, 'id'>,
  bandKeys: readonly number[],
  holders: ReadonlyMap<number, readonly number[]>,
): number[] {
  let size = 0;
  for (const key of bandKeys) size += holders.get(key)?.length ?? 0;
  const ids = new Float64Array(size);
  let at = 0;
  for (const key of bandKeys) for (const id of holders.get(key) ?? []) ids[at++] = id;
  ids.sort();
  const byCount: number[][] = [];
  for (let run = 0; run < size;) {
    let end = run + 1;
    while (end < size && ids[end] === ids[run]) end++;
    const bucket = (byCount[end - run] ??= []);
    if (ids[run] !== review.id && bucket.length < candidateLimit) bucket.push(ids[run]);
    run = end;
  }
  const most: number[] = [];
  for (let count = byCount.length - 1; count > 0 && most.length < candidateLimit; count--)
    for (const id of byCount[count] ?? []) if (most.length < candidateLimit) most.push(id);
  return most;
}

/**
 * The reviews most like each of these, by the band index: those sharing the most band keys are
 * compared shingle for shingle, and the ones at or above the floor are kept, most similar first.
 */
async function nearDuplicatesOf(
  db: AnyDb,
  reviews: readonly Review[],
  prints: readonly Fingerprint[],
  bands: BandHolders,
): Promise<ReviewSignals['nearDuplicates'][]> {
  const holders = await bands.of(prints.flatMap((p) => p.bandKeys));
  const candidates = reviews.map((review, i) => mostShared(review, prints[i].bandKeys, holders));
  const stored = new Map((await indexedShingles(db, distinct(candidates.flat()))).map((o) => [o.id, o]));
  return candidates.map((ids, i) =>
    ids
      .flatMap((id) => {
        const other = stored.get(id);
        if (!other) return [];
        const { shared, similarity } = overlap(prints[i].shingles, other.shingles);
        const rounded = Math.round(similarity * 1000) / 1000;
        return rounded >= similarityFloor
          ? [{ id, doctorId: other.doctorId, similarity: rounded, shared }]
          : [];
      })
      .sort((a, b) => b.similarity - a.similarity || a.id - b.id),
  );
}

/**
 * The signals of a batch of reviews, gathered with a handful of indexed reads for the whole batch
 * (a re-run checks hundreds at a time; a single check is a batch of one).
 */
export async function reviewSignals(
  db: AnyDb,
  reviews: readonly Review[],
  prints: readonly Fingerprint[],
  bands = new BandHolders(db),
): Promise<ReviewSignals[]> {
  if (reviews.length === 0) return [];
  const iso = (ms: number) => new Date(ms).toISOString();
  const windowMs = burstWindowHours * hourMs;
  const baselineMs = baselineDays * dayMs;
  const times = reviews.map((r) => Date.parse(r.createdAt));
  const doctorIds = distinct(reviews.map((r) => r.doctorId));
  const [fromAddresses, doctorTimes, accounts, near] = await Promise.all([
    addressReviews(db, distinct(reviews.map((r) => r.reviewerIp)), doctorIds),
    doctorReviewTimes(
      db,
      doctorIds,
      iso(Math.min(...times) - windowMs - baselineMs),
      iso(Math.max(...times) + windowMs),
    ),
    accountReviews(db, distinct(reviews.map((r) => r.reviewerId))),
    nearDuplicatesOf(db, reviews, prints, bands),
  ]);
  const byAddress = groupBy(fromAddresses, (r) => `${r.doctorId} ${r.reviewerIp}`);
  const timesByDoctor = groupBy(doctorTimes, (r) => r.doctorId);
  const sortedTimes = new Map(
    [...timesByDoctor].map(([id, rows]) => [id, rows.map((r) => r.createdAt).sort()]),
  );
  const byAccount = groupBy(accounts, (r) => r.reviewerId);
  return reviews.map((review, i) => {
    const at = times[i];
    const doctorTimesSorted = sortedTimes.get(review.doctorId) ?? [];
    const before = countBetween(doctorTimesSorted, iso(at - windowMs - baselineMs), iso(at - windowMs));
    const day = review.createdAt.slice(0, 10);
    const own = byAccount.get(review.reviewerId) ?? [];
    return {
      sameAddress: {
        ip: review.reviewerIp,
        reviewIds: (byAddress.get(`${review.doctorId} ${review.reviewerIp}`) ?? [])
          .map((r) => r.id)
          .filter((id) => id !== review.id)
          .sort((a, b) => a - b)
          .slice(0, clusterLimit),
      },
      doctorRate: {
        inWindow: countBetween(doctorTimesSorted, iso(at - windowMs), iso(at + windowMs)),
        windowHours: burstWindowHours,
        usualPerWindow: (before * 2 * windowMs) / baselineMs,
        baselineDays,
      },
      nearDuplicates: near[i],
      contentWords: prints[i].shingles.length,
      account: {
        reviewCount: own.length,
        sameDayCount: own.filter((r) => r.createdAt.startsWith(day)).length,
        fiveStarCount: own.filter((r) => r.rating === 5).length,
      },
    };
  });
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

  /** A batch's doctors by id, those not yet known read in one query rather than one query each. */
  async readAll(ids: readonly number[]): Promise<Map<number, KnownDoctor | null>> {
    const wanted = [...new Set(ids)];
    const missing = wanted.filter((id) => !this.known.has(id));
    if (missing.length > 0) {
      const read = findRecords(this.db, resourceSpecs.doctors, missing).then(
        (found) => new Map(found.map((doctor) => [doctor.id as number, doctor as unknown as KnownDoctor])),
      );
      for (const id of missing)
        this.known.set(
          id,
          read.then((found) => found.get(id) ?? null),
        );
    }
    return new Map(await Promise.all(wanted.map(async (id) => [id, await this.get(id)] as const)));
  }
}

export interface Checked {
  results: CheckedResult[];
  riskScore: number;
}

export const scored = (results: CheckedResult[]): Checked => ({ results, riskScore: riskScore(results) });

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

/**
 * Checks doctors against what the registry last said of their NPIs (read from the cache, never
 * from the network: a check runs inside a transaction, and the registry is asked beforehand).
 */
export async function checkDoctors(
  db: AnyDb,
  doctors: readonly Doctor[],
  settings: RuleSettings,
  now: Date,
): Promise<Checked[]> {
  const lookups = await storedLookups(
    db,
    'nppes',
    doctors.map((d) => d.npi),
  );
  return doctors.map((doctor) => {
    const context: Omit<DoctorContext, 'setting'> = {
      now: now.toISOString(),
      registry: lookups.get(doctor.npi) ?? null,
    };
    return scored(runRules(rulesByType.doctors, doctor, context, settings));
  });
}

/**
 * Checks reviews. `others: true` checks stored reviews again after another review changed what
 * they are compared with: only the rules another review can change run, on the index entries the
 * reviews have (their words are not analysed again), and the verdicts of its own words are kept;
 * a review whose stored results lack one of those (an enabled rule) is checked in full.
 */
export async function checkReviews(
  db: AnyDb,
  reviews: readonly Review[],
  settings: RuleSettings,
  now: Date,
  { doctors = new DoctorCache(db), prints, others = false, bands }: ReviewCheckOptions = {},
): Promise<Checked[]> {
  const signals = await reviewSignals(db, reviews, prints ?? (await printsOf(db, reviews, others)), bands);
  const checked: Checked[] = [];
  for (const [i, review] of reviews.entries()) {
    const context: Omit<ReviewContext, 'setting'> = {
      now: now.toISOString(),
      read: analyse,
      lean: readLearnedLean,
      doctor: await doctors.get(review.doctorId),
      signals: signals[i],
    };
    const own = ownWordsResults(review);
    const complete = ownWordsReviewRules.every(
      (rule) => !resolveSetting(rule, settings).enabled || own.some((r) => r.ruleId === rule.id),
    );
    if (!others || !complete) {
      checked.push(scored(runRules(rulesByType.reviews, review, context, settings)));
      continue;
    }
    checked.push(scored(inRuleOrder([...own, ...runRules(comparedReviewRules, review, context, settings)])));
  }
  return checked;
}

/**
 * A re-run's second look at reviews whose words it has read: each is compared with the index and
 * the other reviews, and keeps the verdicts of its own words stored in the first.
 */
export async function compareReviews(
  db: AnyDb,
  reviews: readonly Review[],
  settings: RuleSettings,
  now: Date,
): Promise<Checked[]> {
  const doctors = new DoctorCache(db);
  await doctors.readAll(reviews.map((review) => review.doctorId));
  return checkReviews(db, reviews, settings, now, { doctors, others: true });
}

/** The stored verdicts of a review's own-words rules. */
export const ownWordsResults = (review: Pick<Review, 'ruleResults'>): CheckedResult[] =>
  ((review.ruleResults ?? []) as CheckedResult[]).filter((r) =>
    ownWordsReviewRules.some((rule) => rule.id === r.ruleId),
  );

/** The stored verdicts of a review's compared rules. */
export const comparedResults = (review: Pick<Review, 'ruleResults'>): CheckedResult[] =>
  ((review.ruleResults ?? []) as CheckedResult[]).filter((r) =>
    comparedReviewRules.some((rule) => rule.id === r.ruleId),
  );

/** Results put back together in the order the registry lists the rules, as one check gives them. */
export const inRuleOrder = (results: CheckedResult[]): CheckedResult[] => {
  const order = (r: CheckedResult) => rulesByType.reviews.findIndex((rule) => rule.id === r.ruleId);
  return results.sort((a, b) => order(a) - order(b));
};

export interface ReviewCheckOptions {
  doctors?: DoctorCache;
  /** The reviews' fingerprints when the caller has them. */
  prints?: readonly Fingerprint[];
  /** Only what another review can change (see checkReviews). */
  others?: boolean;
  /** Band holders already read in this check. */
  bands?: BandHolders;
}

/** Fingerprints from the words, or for `stored`, from the index entries the reviews have. */
async function printsOf(db: AnyDb, reviews: readonly Review[], stored: boolean): Promise<Fingerprint[]> {
  if (!stored) return reviews.map(fingerprint);
  const entries = new Map(
    (
      await indexedShingles(
        db,
        reviews.map((r) => r.id),
      )
    ).map((e) => [e.id, e.shingles]),
  );
  return reviews.map((review) => {
    const shingles = entries.get(review.id);
    return shingles ? { shingles, bandKeys: lshBandKeys(minhashSignature(shingles)) } : fingerprint(review);
  });
}

// --- Photos ----------------------------------------------------------------------------------

/** A pair's images as the near-duplicate index keeps them. */
export const indexedImages = (photo: Photo): IndexedImage[] =>
  photoSides.map((side) => ({
    photoId: photo.id,
    side,
    doctorId: photo.doctorId,
    sha256: photo[side].sha256,
    phash: photo[side].phash,
    createdAt: photo.createdAt,
  }));

/** The rules that look for other pairs' images; the index is searched as far as the widest of them. */
const matchRules = ['PH_DUP', 'PH_MIRROR'];

function searchRadius(settings: RuleSettings): number | null {
  const thresholds = rulesByType.photos
    .filter((rule) => matchRules.includes(rule.id))
    .map((rule) => resolveSetting(rule, settings))
    .filter((setting) => setting.enabled)
    .map((setting) => setting.threshold ?? 0);
  return thresholds.length === 0 ? null : Math.max(...thresholds);
}

/**
 * The images of other pairs within `radius` bits of one of this pair's images, as they are or
 * flipped, found through the multi-index (see probeBands): one read of the band indexes for the
 * pair's four hashes, each candidate measured whole, then the matches' pairs read by id.
 */
export async function photoMatches(db: AnyDb, photo: Photo, radius: number): Promise<PhotoMatch[]> {
  const queries = photoSides.flatMap((side) =>
    [photo[side].phash, photo[side].mirroredPhash].filter((hash): hash is string => hash !== null),
  );
  const probes = queries.map((hash) => probeBands(hash, radius));
  const candidates = await photoHashCandidates(
    db,
    [0, 1, 2, 3].map((band) => probes.flatMap((probe) => probe[band])),
  );
  const near = nearHashes(queries, candidates, radius);
  const others = (await imagesWithHashes(db, near)).filter((image) => image.photoId !== photo.id);
  const matches: PhotoMatch[] = [];
  for (const side of photoSides) {
    const own = photo[side];
    for (const other of others) {
      const distance = hammingDistance(own.phash, other.phash);
      const mirroredDistance = own.mirroredPhash ? hammingDistance(own.mirroredPhash, other.phash) : null;
      if (distance > radius && (mirroredDistance === null || mirroredDistance > radius)) continue;
      matches.push({
        photoId: other.photoId,
        doctorId: other.doctorId,
        createdAt: other.createdAt,
        side,
        otherSide: other.side,
        distance,
        mirroredDistance,
        sameBytes: own.sha256 === other.sha256,
      });
    }
  }
  // In one order whatever order the database read them in, so a check gives the same results twice.
  const sideOrder = (side: PhotoSide) => photoSides.indexOf(side);
  return matches.sort(
    (a, b) =>
      a.photoId - b.photoId ||
      sideOrder(a.side) - sideOrder(b.side) ||
      sideOrder(a.otherSide) - sideOrder(b.otherSide),
  );
}

export async function checkPhotos(
  db: AnyDb,
  photos: readonly Photo[],
  settings: RuleSettings,
  now: Date,
  doctors: DoctorCache = new DoctorCache(db),
): Promise<Checked[]> {
  const radius = searchRadius(settings);
  const checked: Checked[] = [];
  for (const photo of photos) {
    const context: Omit<PhotoContext, 'setting'> = {
      now: now.toISOString(),
      doctor: await doctors.get(photo.doctorId),
      matches: radius === null ? [] : await photoMatches(db, photo, radius),
    };
    checked.push(scored(runRules(rulesByType.photos, photo, context, settings)));
  }
  return checked;
}

/** Stores checks' outcomes with their items. The version stays: a check is not an edit. */
export async function saveChecked(
  db: AnyDb,
  type: CheckedType,
  records: readonly ApiRecord[],
  checked: readonly Checked[],
): Promise<ApiRecord[]> {
  for (const [i, record] of records.entries()) {
    await storeOutcome(
      db,
      type,
      record.id as number,
      JSON.stringify(checked[i].results),
      checked[i].riskScore,
    );
  }
  const findings = records.flatMap((record, i) =>
    checked[i].results
      .filter((r) => r.outcome === 'fail')
      .map((r) => ({
        recordId: record.id as number,
        ruleId: r.ruleId,
        severity: r.severity,
        message: r.message,
        createdAt: record.createdAt as string,
      })),
  );
  await replaceFindings(
    db,
    type,
    records.map((r) => r.id as number),
    findings,
  );
  return records.map((record, i) => ({
    ...record,
    ruleResults: checked[i].results,
    riskScore: checked[i].riskScore,
  }));
}

/** Items of the same type a result points at: near-duplicates, reviews from one address, matching photos. */
function relatedItems(type: 'reviews' | 'photos', results: readonly RuleResult[]): number[] {
  const ids = new Set<number>();
  for (const result of results as CheckedResult[]) {
    if (result.outcome !== 'fail') continue;
    for (const item of result.evidence?.related ?? []) if (item.resource === type) ids.add(item.id);
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
  if (type === 'doctors') {
    const [checked] = await checkDoctors(db, [record as unknown as Doctor], rules, now);
    const [saved] = await saveChecked(db, type, [record], [checked]);
    // An answer's author check reads the doctor's standing: it follows every change of it.
    for (const answerId of await answerIdsOf(db, id)) await recheck(db, 'answers', answerId, now, rules);
    return saved;
  }
  if (type === 'answers') {
    const [saved] = await saveChecked(
      db,
      type,
      [record],
      [await checkAnswer(db, record as unknown as Answer, rules, now)],
    );
    return saved;
  }
  if (type === 'photos') {
    const photo = record as unknown as Photo;
    await replacePhotoHashes(db, [photo.id], indexedImages(photo));
    const [checked] = await checkPhotos(db, [photo], rules, now);
    const [saved] = await saveChecked(db, type, [record], [checked]);
    await recheckPartners(db, type, [...(photo.ruleResults ?? []), ...checked.results], rules, now);
    return saved;
  }
  const review = record as unknown as Review;
  const print = await indexReview(db, review);
  const bands = new BandHolders(db);
  const [checked] = await checkReviews(db, [review], rules, now, { prints: [print], bands });
  const [saved] = await saveChecked(db, type, [record], [checked]);
  await recheckPartners(db, type, [...(review.ruleResults ?? []), ...checked.results], rules, now, bands);
  return saved;
}

/** The items an item pairs with now, or paired with before, judged again against the index. */
async function recheckPartners(
  db: AnyDb,
  type: 'reviews' | 'photos',
  results: readonly RuleResult[],
  settings: RuleSettings,
  now: Date,
  bands?: BandHolders,
): Promise<void> {
  const partners = await findRecords(db, resourceSpecs[type], relatedItems(type, results));
  const checked =
    type === 'reviews'
      ? await checkReviews(db, partners as unknown as Review[], settings, now, { others: true, bands })
      : await checkPhotos(db, partners as unknown as Photo[], settings, now);
  await saveChecked(db, type, partners, checked);
}

/** A deleted item leaves the index and the findings, and its partners no longer pair with it. */
export async function forgetChecks(
  db: AnyDb,
  type: CheckedType,
  record: ApiRecord,
  now: Date,
): Promise<void> {
  const id = record.id as number;
  await replaceFindings(db, type, [id], []);
  if (type !== 'reviews' && type !== 'photos') return;
  if (type === 'reviews')
    await replaceBands(db, [{ reviewId: id, bandKeys: [], shingles: new Uint32Array() }]);
  else await replacePhotoHashes(db, [id], []);
  await recheckPartners(db, type, record.ruleResults as RuleResult[], await loadSettings(db), now);
}

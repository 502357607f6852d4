import type { Insertable, Kysely } from 'kysely';
import { hammingDistance } from '../../src/domain/perceptualHash';
import { insertRows } from '../db/bulk';
import type { Database, PhotosTable } from '../db/schema';
import { originalFile, photoImage, readImage } from '../services/images';
import type { MediaStorage } from '../storage';
import type { AnswerKey } from './answerKey';
import { ascendingMoments, dayMs, exifTime, historyMs, hourMs, isoTime, monthMs } from './calendar';
import type { DoctorSeed } from './doctors';
import {
  type Condition,
  laterShot,
  mirrored,
  randomLook,
  randomShot,
  renderPortrait,
  retouched,
} from './faces';
import {
  type AuditTrail,
  type Finding,
  moderateContent,
  moderationColumns,
  type Staff,
  statusAfter,
} from './moderation';
import { cameras, caption, type CaptionStyle, editors, photoProcedures, photoTreatments } from './photoText';
import { type Random, WeightedIndex } from './random';
import { demandOf, type Procedure } from './treatments';

/** Pairs drawn once; photo rows past this many reuse their images, which keeps a large seed fast. */
export const distinctPairs = 120;

/**
 * What is planted in which pair. The first six make the small test fixture. A `copy` takes both
 * photographs of an earlier pair, as they are or mirrored, for another doctor or the same one.
 */
interface PairPlan {
  copy?: { pair: number; how: 'same bytes' | 'mirrored'; doctor: 'another' | 'same' };
  sameShot?: boolean;
  editor?: string;
  datesReversed?: boolean;
  camerasDiffer?: boolean;
  noExif?: boolean;
  afterSize?: readonly [number, number];
  caption?: CaptionStyle;
  consent?: false;
}

const plannedPairs: Record<number, PairPlan> = {
  1: { copy: { pair: 0, how: 'same bytes', doctor: 'another' }, caption: 'no time' },
  2: { copy: { pair: 0, how: 'mirrored', doctor: 'another' }, editor: 'Adobe Photoshop 25.0' },
  3: { sameShot: true, editor: 'Facetune' },
  4: { datesReversed: true, camerasDiffer: true, consent: false },
  5: { noExif: true, afterSize: [600, 600], caption: 'no procedure' },
  7: { editor: 'Meitu' },
  8: { consent: false },
  9: { caption: 'neither' },
  30: { consent: false, caption: 'no time' },
  40: { copy: { pair: 6, how: 'same bytes', doctor: 'another' } },
  60: { copy: { pair: 10, how: 'same bytes', doctor: 'same' } },
  80: { copy: { pair: 20, how: 'mirrored', doctor: 'another' } },
  100: { datesReversed: true },
  110: { camerasDiffer: true, afterSize: [640, 480] },
};

function planOf(random: Random, index: number): PairPlan {
  if (index < 10 || plannedPairs[index]) return plannedPairs[index] ?? {};
  return {
    noExif: random.chance(0.05) || undefined,
    editor: random.chance(0.03) ? random.pick(editors.slice(3)) : undefined,
    camerasDiffer: random.chance(0.03) || undefined,
    caption: random.weighted<CaptionStyle>([
      ['full', 82],
      ['no time', 9],
      ['no procedure', 5],
      ['neither', 4],
    ]),
    consent: random.chance(0.03) ? false : undefined,
  };
}

/**
 * A drawn photograph as an upload of it is read. Only the original is stored: the media route
 * derives the display versions on first request, which keeps a seed of thousands of pairs quick.
 */
type StoredPhoto = Awaited<ReturnType<typeof readImage>>;

interface Pair {
  plan: PairPlan;
  /** The first pair these images were drawn for, and whether these are its images flipped. */
  origin: number;
  flipped: boolean;
  /** The plan of the pair whose photographs these are, as far as the images carry it. */
  imagePlan: PairPlan;
  doctor: DoctorSeed;
  procedure: Procedure;
  months: number;
  createdAtMs: number;
  before: StoredPhoto;
  after: StoredPhoto;
}

/** Closer than this, two photographs would read as the same picture (RULES.md: about 10 of 64 bits). */
const distinctBits = 12;
/** A real pair is taken months apart; its two hashes must not look like one shot. */
const sameShotBits = 8;

export async function seedPhotos(
  db: Kysely<Database>,
  storage: MediaStorage,
  random: Random,
  count: number,
  doctors: readonly DoctorSeed[],
  asOfMs: number,
  staff: Staff,
  audit: AuditTrail,
  key?: AnswerKey,
): Promise<number> {
  if (count === 0 || doctors.length === 0) return 0;
  const moments = random.shuffle(
    Array.from(ascendingMoments(random, count, asOfMs - historyMs + 30 * dayMs, asOfMs - hourMs)),
  );
  const uploaders = new Uploaders(doctors);
  const drawn: string[] = [];
  const pairs: Pair[] = [];
  const stored = new Set<string>();

  for (let index = 0; index < count; index++) {
    const pairRandom = random.fork(`pair-${index}`);
    const plan = index < distinctPairs ? planOf(pairRandom, index) : {};
    const source =
      index < distinctPairs ? (plan.copy ? pairs[plan.copy.pair] : undefined) : pairs[index % distinctPairs];
    const procedure = source?.procedure ?? pairRandom.weighted(demandOf(photoProcedures));
    let createdAtMs = moments[index];
    if (source && createdAtMs <= source.createdAtMs) {
      // A copy is posted after the photos it copies.
      createdAtMs = source.createdAtMs + (asOfMs - source.createdAtMs) * pairRandom.float(0.1, 0.9);
    }
    const doctor =
      plan.copy?.doctor === 'same' && source
        ? source.doctor
        : uploaders.pick(pairRandom, procedure, createdAtMs, source?.doctor);
    const [low, high] = photoTreatments[procedure].months;
    const months = source?.months ?? pairRandom.int(low, high);

    let before: StoredPhoto;
    let after: StoredPhoto;
    const mirroredCopy = Boolean(source && plan.copy?.how === 'mirrored');
    if (source && mirroredCopy) {
      // An editor that flips a photo writes its own name into the copy.
      const exif = plan.editor ? { IFD0: { Software: plan.editor } } : null;
      [before, after] = await Promise.all(
        [source.before, source.after].map(async (photo) =>
          fingerprinted(await mirrored(photo.original, exif)),
        ),
      );
    } else if (source) {
      ({ before, after } = source);
    } else {
      ({ before, after } = await drawPair(pairRandom, plan, procedure, months, doctor, createdAtMs, drawn));
    }
    pairs.push({
      plan,
      origin: source ? source.origin : index,
      flipped: source ? source.flipped !== mirroredCopy : false,
      imagePlan: !source
        ? plan
        : mirroredCopy
          ? {
              sameShot: source.imagePlan.sameShot,
              afterSize: source.imagePlan.afterSize,
              editor: plan.editor,
              noExif: !plan.editor,
            }
          : source.imagePlan,
      doctor,
      procedure,
      months,
      createdAtMs,
      before,
      after,
    });
    for (const photo of [before, after]) {
      if (stored.has(photo.fingerprint.sha256)) continue;
      stored.add(photo.fingerprint.sha256);
      const file = originalFile(photo);
      await storage.put(file.key, file.bytes);
    }
  }

  const drafts = pairs
    .map((pair, index) => ({ pair, pairRandom: random.fork(`pair-row-${index}`) }))
    .sort((a, b) => a.pair.createdAtMs - b.pair.createdAtMs);
  const rows: Insertable<PhotosTable>[] = drafts.map(({ pair, pairRandom }, index) => {
    const decisions = moderateContent(pairRandom, staff, pair.createdAtMs, asOfMs, findingOf(pair));
    audit.record('photos', index + 1, decisions);
    const planted = plantedRules(pair, pairs);
    if (planted.length > 0) key?.photos.set(index + 1, planted);
    const style = pair.plan.caption ?? 'full';
    return {
      doctorId: pair.doctor.id,
      procedure: pair.procedure,
      caption: caption(style, pair.procedure, pair.months, pairRandom.int(0, 5)),
      monthsAfterTreatment:
        style === 'full' || style === 'no procedure' || pairRandom.chance(0.5) ? pair.months : null,
      consentOnFile: pair.plan.consent === false ? 0 : 1,
      before: JSON.stringify(photoImage(pair.before.fingerprint)),
      after: JSON.stringify(photoImage(pair.after.fingerprint)),
      status: statusAfter('pending', decisions),
      ...moderationColumns(decisions),
      createdAt: isoTime(pair.createdAtMs),
    };
  });
  await insertRows(db, 'photos', rows);
  return rows.length;
}

/**
 * A new patient photographed twice. Faces and sessions are redrawn until neither photo resembles
 * one drawn before, even mirrored (so only the planted copies match anything), and the two shots
 * differ as two sessions months apart do.
 */
async function drawPair(
  random: Random,
  plan: PairPlan,
  procedure: Procedure,
  months: number,
  doctor: DoctorSeed,
  uploadedAtMs: number,
  drawn: string[],
): Promise<{ before: StoredPhoto; after: StoredPhoto }> {
  const [width, height] = random.weighted<readonly [number, number]>([
    [[480, 600], 8],
    [[450, 600], 2],
    [[480, 640], 1],
  ]);
  const [afterWidth, afterHeight] = plan.afterSize ?? [width, height];
  const exif = exifFor(random, plan, months, doctor, uploadedAtMs);
  const unlikeDrawn = (hashes: string[]) =>
    drawn.every((other) => hashes.every((hash) => hammingDistance(hash, other) >= distinctBits));
  let pair: { before: StoredPhoto; after: StoredPhoto } | undefined;
  for (let face = 0; face < 8; face++) {
    const look = randomLook(random);
    const [beforeCondition, afterCondition] = conditions(random, procedure);
    const shot = randomShot(random);
    const takeAfter = (beforeBytes: Promise<Buffer>) =>
      plan.sameShot
        ? beforeBytes.then((bytes) => retouched(bytes, exif.after))
        : renderPortrait({
            width: afterWidth,
            height: afterHeight,
            look,
            condition: afterCondition,
            shot: laterShot(random, shot),
            exif: exif.after,
          });
    const beforeBytes = renderPortrait({
      width,
      height,
      look,
      condition: beforeCondition,
      shot,
      exif: exif.before,
    });
    const [before, firstAfter] = await Promise.all([
      beforeBytes.then(hashed),
      takeAfter(beforeBytes).then(hashed),
    ]);
    if (!unlikeDrawn(before.hashes) && face < 7) continue;
    let after = firstAfter;
    for (let session = 0; session < 6 && !plan.sameShot; session++) {
      if (unlikeDrawn(after.hashes) && hammingDistance(before.hashes[0], after.hashes[0]) >= sameShotBits)
        break;
      after = await hashed(await takeAfter(beforeBytes));
    }
    // Flipped too: a flipped copy of one drawn photograph must not resemble another.
    drawn.push(...before.hashes, ...after.hashes);
    pair = { before: before.photo, after: after.photo };
    break;
  }
  return pair!;
}

/** The photo with its fingerprint, and its hash as drawn and mirrored. */
async function hashed(bytes: Buffer): Promise<{ photo: StoredPhoto; hashes: string[] }> {
  const photo = await fingerprinted(bytes);
  return { photo, hashes: [photo.fingerprint.phash, photo.fingerprint.mirroredPhash] };
}

async function fingerprinted(bytes: Buffer): Promise<StoredPhoto> {
  return readImage(bytes, 'seeded');
}

/**
 * The photo rules a pair is meant to fail, by what was planted in it and in the pairs that share
 * its photographs: the same photographs as another pair (PH_DUP) or flipped (PH_MIRROR), for the
 * copy and the original alike, and what the images carry from the pair they were drawn for.
 */
function plantedRules(pair: Pair, pairs: readonly Pair[]): string[] {
  const rules = new Set<string>();
  for (const other of pairs) {
    if (other === pair || other.origin !== pair.origin) continue;
    rules.add(other.flipped === pair.flipped ? 'PH_DUP' : 'PH_MIRROR');
  }
  const { imagePlan, plan } = pair;
  if (imagePlan.sameShot) rules.add('PH_SAME_SHOT');
  // A photo saved with no EXIF names no editor.
  if (imagePlan.editor && !imagePlan.noExif) rules.add('PH_EDITOR');
  if (imagePlan.datesReversed) rules.add('PH_DATES');
  if (imagePlan.camerasDiffer || imagePlan.noExif) rules.add('PH_META');
  if (imagePlan.afterSize) rules.add('PH_FRAMING');
  if (plan.consent === false) rules.add('PH_CONSENT');
  if (plan.caption && plan.caption !== 'full') rules.add('PH_DISCLOSE');
  return [...rules].sort();
}

type ExifIfds = Record<string, Record<string, string>> | null;

/**
 * The clinic's camera and the dates the two photos were taken: the after photo a few days to
 * weeks before the upload, the before photo `months` earlier (or, planted, the other way round).
 */
function exifFor(random: Random, plan: PairPlan, months: number, doctor: DoctorSeed, uploadedAtMs: number) {
  if (plan.noExif) return { before: null, after: null } as { before: ExifIfds; after: ExifIfds };
  const inClinicHours = (ms: number) => Math.floor(ms / dayMs) * dayMs + random.float(9, 17) * hourMs;
  const lastTakenMs = inClinicHours(uploadedAtMs - random.float(1, 20) * dayMs);
  const firstTakenMs = inClinicHours(lastTakenMs - months * monthMs - random.float(0, 5) * dayMs);
  const [beforeTakenMs, afterTakenMs] = plan.datesReversed
    ? [lastTakenMs, firstTakenMs]
    : [firstTakenMs, lastTakenMs];
  const camera = cameras[doctor.id % cameras.length];
  const afterCamera = plan.camerasDiffer
    ? cameras[(doctor.id + 1 + random.int(0, 3)) % cameras.length]
    : camera;
  const ifds = (takenMs: number, [make, model]: readonly [string, string], software?: string): ExifIfds => ({
    IFD0: { Make: make, Model: model, ...(software ? { Software: software } : {}) },
    IFD2: { DateTimeOriginal: exifTime(takenMs) },
  });
  return { before: ifds(beforeTakenMs, camera), after: ifds(afterTakenMs, afterCamera, plan.editor) };
}

/** The face before and after the treatment: only what the treatment changes differs. */
function conditions(random: Random, procedure: Procedure): [Condition, Condition] {
  const age = random.next();
  const before: Condition = {
    lines: 0.15 + 0.45 * age,
    lipVolume: random.float(0.3, 0.6),
    hollows: 0.1 + 0.4 * age,
    spots: random.float(0, 0.3),
    texture: random.float(0, 0.25),
    noseHump: random.float(0, 0.25),
    hooding: 0.1 + 0.3 * age,
    jowls: 0.1 + 0.4 * age,
    chinFat: random.float(0.05, 0.3),
    cheekVolume: 0.8 - 0.4 * age,
  };
  const change = (
    field: keyof Condition,
    from: [number, number],
    to: [number, number],
  ): [Condition, Condition] => [
    { ...before, [field]: random.float(...from) },
    { ...before, [field]: random.float(...to) },
  ];
  switch (procedure) {
    case 'Botox':
    case 'Dysport':
    case 'Xeomin':
      return change('lines', [0.75, 1], [0.05, 0.2]);
    case 'Lip filler':
      return change('lipVolume', [0, 0.2], [0.7, 0.95]);
    case 'Cheek filler':
      return change('cheekVolume', [0, 0.2], [0.75, 0.95]);
    case 'Under-eye filler':
      return change('hollows', [0.75, 1], [0.05, 0.2]);
    case 'Kybella':
      return change('chinFat', [0.75, 1], [0.1, 0.25]);
    case 'IPL photofacial':
    case 'Chemical peel':
      return change('spots', [0.7, 1], [0.05, 0.2]);
    case 'Microneedling':
    case 'Laser resurfacing':
      return change('texture', [0.7, 1], [0.1, 0.3]);
    case 'Rhinoplasty':
      return change('noseHump', [0.8, 1], [0, 0.1]);
    case 'Blepharoplasty':
      return change('hooding', [0.75, 1], [0.05, 0.2]);
    default:
      return change('jowls', [0.8, 1], [0.1, 0.2]);
  }
}

function findingOf({ plan }: Pair): Finding<'photos'> | null {
  if (plan.copy?.how === 'mirrored')
    return { reasonCode: 'not_own_photo', note: "A mirrored copy of another doctor's photos." };
  if (plan.copy?.doctor === 'another')
    return { reasonCode: 'not_own_photo', note: "The same photos appear in another doctor's gallery." };
  if (plan.copy)
    return {
      reasonCode: 'not_own_photo',
      note: "The same photos already appear in another of this doctor's pairs.",
    };
  if (plan.sameShot)
    return { reasonCode: 'edited_photo', note: 'Before and after are one photograph, retouched.' };
  if (plan.editor) return { reasonCode: 'edited_photo', note: `Edited in ${plan.editor}.` };
  if (plan.datesReversed)
    return { reasonCode: 'not_before_after', note: 'The after photo was taken before the before photo.' };
  if (plan.consent === false)
    return { reasonCode: 'no_consent', note: 'No patient consent on file for a full-face photo.' };
  return null;
}

/** Doctors who perform each treatment; verified ones post far more photos. */
class Uploaders {
  private readonly pools = new Map<Procedure, { candidates: DoctorSeed[]; weights: WeightedIndex }>();

  constructor(doctors: readonly DoctorSeed[]) {
    for (const procedure of photoProcedures) {
      let candidates = doctors.filter((d) => d.specialty.procedures.includes(procedure));
      if (candidates.length < 2) candidates = [...doctors];
      this.pools.set(procedure, {
        candidates,
        weights: new WeightedIndex(candidates.map((d) => d.popularity * (d.verified ? 1 : 0.15))),
      });
    }
  }

  pick(random: Random, procedure: Procedure, atMs: number, notThisOne?: DoctorSeed): DoctorSeed {
    const { candidates, weights } = this.pools.get(procedure)!;
    for (let attempt = 0; attempt < 30; attempt++) {
      const doctor = candidates[weights.pick(random)];
      if (doctor.createdAtMs <= atMs && doctor !== notThisOne) return doctor;
    }
    return candidates.find((d) => d !== notThisOne) ?? candidates[0];
  }
}

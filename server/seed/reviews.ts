import type { Insertable, Kysely } from 'kysely';
import { insertRows } from '../db/bulk';
import type { ProgressBar } from '../progress';
import type { AnswerKey } from './answerKey';
import type { Database, ReviewsTable } from '../db/schema';
import { ascendingMoments, dayMs, historyMs, hourMs, isoDay, isoTime, minuteMs } from './calendar';
import type { DoctorSeed, Specialty } from './doctors';
import {
  type AuditTrail,
  type Decision,
  type Finding,
  moderateContent,
  moderationColumns,
  type Staff,
  statusAfter,
} from './moderation';
import { firstNames, lastNames, patientEmail, residentialIp } from './people';
import { type Random, WeightedIndex } from './random';
import {
  backgrounds,
  endings,
  incentives,
  insiderPraise,
  mismatches,
  months,
  type Mood,
  openings,
  practiceNotes,
  quibbles,
  reviewSentences,
  shortReviews,
  staffNames,
  templateSlots,
  titles,
  unrelatedDiscounts,
  visitDetails,
  visitKinds,
  weekdays,
} from './reviewText';
import { type Procedure, procedureDemand, procedureInText, surgeries } from './treatments';

interface Reviewer {
  id: string;
  email: string;
  emailVerified: boolean;
  phoneVerified: boolean;
  ip: string;
  /** Doctors this account has reviewed: an ordinary patient reviews each doctor once. */
  reviewed: number[];
  /** The stars of the account's reviews so far. */
  ratings: number[];
}

interface ReviewDraft {
  createdAtMs: number;
  doctor: DoctorSeed;
  procedure: Procedure;
  rating: number;
  title: string;
  body: string;
  reviewer: Reviewer;
  finding: Finding<'reviews'> | null;
  /** The rule the planted pattern is meant to trip, for the answer key; absent on honest reviews. */
  planted?: string;
}

/** Stars as patients give them: mostly five, a second peak at one. */
const ratings: [number, number][] = [
  [5, 55],
  [4, 17],
  [3, 8],
  [2, 7],
  [1, 13],
];

const rowsPerChunk = 10_000;

/** Treatments that English counts ("a facelift"), unlike "Botox" or "lip filler". */
const countable: ReadonlySet<Procedure> = new Set<Procedure>([
  'IPL photofacial',
  'Chemical peel',
  'Rhinoplasty',
  'Blepharoplasty',
  'Facelift',
  'Breast augmentation',
  'Tummy tuck',
]);

/** A pattern of reviewText.ts cut into literal text and lists of alternatives, once per pattern. */
type Piece = string | readonly string[];
const compiledPatterns = new Map<string, readonly Piece[]>();

function piecesOf(pattern: string): readonly Piece[] {
  let pieces = compiledPatterns.get(pattern);
  if (!pieces) {
    pieces = pattern.split(/\[([^\]]*)\]/).map((part, i) => (i % 2 === 1 ? part.split('|') : part));
    compiledPatterns.set(pattern, pieces);
  }
  return pieces;
}

/**
 * Generates and inserts the reviews in order of creation, a chunk at a time, so a million of them
 * never sit in memory at once. Planted patterns (RULES.md, Reviews) repeat once per thousand reviews.
 */
export async function seedReviews(
  db: Kysely<Database>,
  random: Random,
  count: number,
  doctors: readonly DoctorSeed[],
  asOfMs: number,
  staff: Staff,
  audit: AuditTrail,
  progress: ProgressBar | undefined,
  key?: AnswerKey,
): Promise<number> {
  if (count === 0 || doctors.length === 0) return 0;
  const writer = new ReviewWriter(random, doctors, asOfMs, Math.max(20, Math.ceil(count / 50)));
  const planted = plantReviews(writer, count).sort((a, b) => a.createdAtMs - b.createdAtMs);
  for (const draft of planted) draft.reviewer.ratings.push(draft.rating);
  const regularCount = count - planted.length;
  const moments = ascendingMoments(random, regularCount, asOfMs - historyMs, asOfMs - 10 * minuteMs);
  const regularReviewers = writer.regularReviewers(regularCount);

  progress?.restart('reviews written');
  let chunk: Insertable<ReviewsTable>[] = [];
  let nextPlanted = 0;
  let nextRegular = 0;
  for (let id = 1; id <= count; id++) {
    const takePlanted =
      nextPlanted < planted.length &&
      (nextRegular >= regularCount || planted[nextPlanted].createdAtMs <= moments[nextRegular]);
    const draft = takePlanted
      ? planted[nextPlanted++]
      : writer.regular(moments[nextRegular], regularReviewers[nextRegular++]);
    const decisions = moderateContent(random, staff, draft.createdAtMs, asOfMs, draft.finding);
    audit.record('reviews', id, decisions);
    if (draft.planted) key?.reviews.set(id, [draft.planted]);
    chunk.push(writer.row(draft, decisions));
    if (chunk.length === rowsPerChunk || id === count) {
      await insertRows(db, 'reviews', chunk);
      chunk = [];
      progress?.show(id, count, { last: id === count });
    }
  }
  progress?.end();
  return count;
}

/** The planted reviews (RULES.md, Reviews): one round per thousand reviews, in no particular order. */
function plantReviews(writer: ReviewWriter, count: number): ReviewDraft[] {
  const { random } = writer;
  const share = Math.min(1, count / 1000);
  const size = (full: number, least: number) => Math.max(least, Math.round(full * share));
  const rounds = Math.max(1, Math.floor(count / 1000));
  const planted: ReviewDraft[] = [];
  for (let round = 0; round < rounds; round++) {
    const doctorsThisRound = random.sample(writer.established, Math.min(writer.established.length, 6));
    const [burstDoctor, templateDoctor, sameIpDoctor] = doctorsThisRound;
    // The first burst is recent, so the demo queue shows it waiting.
    const burstStartMs =
      round === 0 ? writer.asOfMs - random.float(4, 8) * dayMs : writer.momentAfter(burstDoctor);
    const plant = (rule: string, drafts: ReviewDraft[]) =>
      planted.push(...drafts.map((draft) => ({ ...draft, planted: rule })));
    const times = (n: number, make: () => ReviewDraft) => Array.from({ length: n }, make);
    plant('REV_BURST', writer.burst(burstDoctor, burstStartMs, size(25, 6)));
    plant(
      'REV_NEAR_DUP',
      writer.template(templateDoctor ?? burstDoctor, share < 1 ? size(8, 4) : random.int(6, 10)),
    );
    plant('REV_SAME_IP', writer.sameIp(sameIpDoctor ?? burstDoctor, size(5, 3)));
    plant('REV_PROFILE', writer.spree(size(7, 4)));
    plant(
      'REV_INCENTIVE',
      times(size(6, 2), () => writer.incentivized()),
    );
    plant(
      'REV_INSIDER',
      times(size(4, 1), () => writer.insider()),
    );
    // A discount that has nothing to do with the review is no incentive: planted to stay clean.
    planted.push(...times(size(4, 1), () => writer.unrelatedDiscount()));
    plant(
      'REV_DETAIL',
      times(size(8, 2), () => writer.short()),
    );
    plant(
      'REV_MISMATCH',
      times(size(4, 2), () => writer.mismatch()),
    );
    plant(
      'REV_PROFILE',
      times(size(10, 2), () => writer.single()),
    );
    plant(
      'REV_IDENTITY',
      times(size(4, 2), () => writer.unverified()),
    );
  }
  // A tiny data set keeps at least half of its reviews ordinary.
  return planted.slice(0, Math.floor(count / 2));
}

class ReviewWriter {
  /** Verified doctors who joined at least two months ago: the targets of planted patterns. */
  readonly established: DoctorSeed[];
  private readonly withDomain: DoctorSeed[];
  private readonly treatments = new Map<
    Specialty,
    { procedures: readonly Procedure[]; demand: WeightedIndex }
  >();
  private readonly popularity: WeightedIndex;
  private readonly accountNumbers = new Set<number>();
  private readonly accountRange: number;
  /** Ordinary accounts that some planted reviews come from, so those do not all look like new accounts. */
  private readonly sharedReviewers: Reviewer[];
  /** How many of each planted text were used: they are taken in turn so that all of them appear. */
  private readonly turns = { incentive: 0, mismatch: 0, identity: 0 };
  /** The words of the latest honest reviews of each treatment, which a new one must not echo. */
  private readonly recentWords = new Map<Procedure, RecentWords>();

  constructor(
    readonly random: Random,
    private readonly doctors: readonly DoctorSeed[],
    readonly asOfMs: number,
    sharedReviewerCount: number,
  ) {
    const established = doctors.filter((d) => d.verified && d.createdAtMs < asOfMs - 60 * dayMs);
    this.established = established.length > 0 ? established : [...doctors];
    const withDomain = this.established.filter((d) => d.practiceDomain);
    this.withDomain = withDomain.length > 0 ? withDomain : this.established;
    this.popularity = new WeightedIndex(doctors.map((d) => d.popularity));
    this.accountRange = Math.max(9000, Math.ceil(doctors.length * 40));
    this.sharedReviewers = Array.from({ length: sharedReviewerCount }, () => this.patient());
  }

  /**
   * The account of each ordinary review: a verified patient who reviews two to five treatments
   * over time (the shared accounts, which some planted reviews come from too, two or three), so no
   * honest account is a single-review one.
   */
  regularReviewers(count: number): Reviewer[] {
    const slots: Reviewer[] = [];
    const take = (reviewer: Reviewer, n: number) => {
      // A last account left with one review would be a single-review one: it joins the one before.
      const left = count - slots.length;
      const share = left - n === 1 ? left : Math.min(n, left);
      for (let i = 0; i < share; i++) slots.push(reviewer);
    };
    for (const reviewer of this.sharedReviewers) take(reviewer, this.random.int(2, 3));
    while (slots.length < count) take(this.patient(), this.random.int(2, 5));
    return this.random.shuffle(slots);
  }

  regular(atMs: number, reviewer: Reviewer): ReviewDraft {
    let doctor = this.doctorAt(atMs);
    for (let attempt = 0; attempt < 5 && reviewer.reviewed.includes(doctor.id); attempt++) {
      doctor = this.doctorAt(atMs);
    }
    reviewer.reviewed.push(doctor.id);
    const procedure = this.procedureOf(doctor);
    // Patients who review often give some treatment less than five stars.
    const alwaysFive = reviewer.ratings.length >= 3 && reviewer.ratings.every((stars) => stars === 5);
    const rating = this.random.weighted(alwaysFive ? ratings.filter(([stars]) => stars < 5) : ratings);
    reviewer.ratings.push(rating);
    return {
      createdAtMs: atMs,
      doctor,
      procedure,
      rating,
      ...this.compose(doctor, procedure, rating),
      reviewer,
      finding: null,
    };
  }

  burst(doctor: DoctorSeed, startMs: number, count: number): ReviewDraft[] {
    return Array.from({ length: count }, () => {
      const draft = this.positive(
        doctor,
        startMs + this.random.float(0, 47) * hourMs,
        this.newReviewer(0.8, 0.4),
      );
      draft.finding = {
        reasonCode: 'not_patient_experience',
        note: 'Part of a burst of reviews for this doctor within two days.',
      };
      return draft;
    });
  }

  template(doctor: DoctorSeed, count: number): ReviewDraft[] {
    const startMs = this.momentAfter(doctor);
    const procedure = this.procedureOf(doctor);
    const swappable = templateSlots.flatMap((variants, slot) => (variants.length > 1 ? [slot] : []));
    return Array.from({ length: count }, () => {
      // Two swaps per copy keep any two copies within four changed slots of each other.
      const swapped = new Set(this.random.sample(swappable, 2));
      const text = templateSlots
        .map((variants, slot) => (swapped.has(slot) ? this.random.pick(variants.slice(1)) : variants[0]))
        .join(' ');
      const atMs = Math.min(startMs + this.random.float(0, 20) * dayMs, this.asOfMs - hourMs);
      return {
        createdAtMs: atMs,
        doctor,
        procedure,
        rating: 5,
        title: this.fill(this.random.pick(titles.good), doctor, procedure),
        body: this.fill(text, doctor, procedure),
        reviewer: this.newReviewer(0.9, 0.6),
        finding: {
          reasonCode: 'duplicate',
          note: 'Same text as other reviews of this doctor with a few words changed.',
        },
      };
    });
  }

  sameIp(doctor: DoctorSeed, count: number): ReviewDraft[] {
    const ip = residentialIp(this.random);
    const startMs = this.momentAfter(doctor);
    return Array.from({ length: count }, () => {
      const reviewer = { ...this.newReviewer(0.95, 0.85), ip };
      const draft = this.positive(
        doctor,
        Math.min(startMs + this.random.float(0, 30) * dayMs, this.asOfMs - hourMs),
        reviewer,
      );
      draft.finding = {
        reasonCode: 'not_patient_experience',
        note: 'Several reviews of this doctor from one IP address.',
      };
      return draft;
    });
  }

  spree(count: number): ReviewDraft[] {
    const reviewer = this.newReviewer(1, 0.5);
    const doctors = this.random.sample(this.established, Math.min(count, this.established.length));
    const fromMs = Math.max(this.asOfMs - historyMs, ...doctors.map((d) => d.createdAtMs + dayMs));
    const startMs = this.random.float(Math.min(fromMs, this.asOfMs - 3 * dayMs), this.asOfMs - 9 * hourMs);
    return Array.from({ length: count }, (_, i) => {
      const draft = this.positive(
        doctors[i % doctors.length],
        startMs + this.random.float(0, 8) * hourMs,
        reviewer,
      );
      draft.rating = 5;
      draft.finding = {
        reasonCode: 'not_patient_experience',
        note: 'The account posted many five-star reviews in one day.',
      };
      return draft;
    });
  }

  incentivized(): ReviewDraft {
    const doctor = this.random.pick(this.established);
    const draft = this.positive(doctor, this.momentAfter(doctor), this.sharedReviewerOf(doctor));
    draft.body = `${draft.body} ${incentives[this.turns.incentive++ % incentives.length]}`;
    draft.finding = { reasonCode: 'incentivized', note: 'The reviewer was rewarded for the review.' };
    return draft;
  }

  insider(): ReviewDraft {
    const doctor = this.random.pick(this.withDomain);
    const staffName = this.random.pick(staffNames);
    const local = this.random.pick([
      staffName.toLowerCase(),
      'frontdesk',
      'office.manager',
      `${staffName.toLowerCase()}.${doctor.lastName.toLowerCase()}`,
    ]);
    const reviewer = {
      ...this.newReviewer(1, 1),
      email: `${local}@${doctor.practiceDomain ?? `${doctor.practiceSlug}.example`}`,
    };
    const draft = this.positive(doctor, this.momentAfter(doctor), reviewer);
    draft.rating = 5;
    draft.body = `${this.fill(this.random.pick(insiderPraise), doctor, draft.procedure)} ${draft.body}`;
    draft.finding = {
      reasonCode: 'conflict_of_interest',
      note: "The reviewer's e-mail is at the practice's own domain.",
    };
    return draft;
  }

  unrelatedDiscount(): ReviewDraft {
    const doctor = this.random.pick(this.established);
    const [mood, sentence] = this.random.pick(unrelatedDiscounts);
    const rating = mood === 'good' ? this.random.int(4, 5) : mood === 'mixed' ? 3 : this.random.int(1, 2);
    const procedure = this.procedureOf(doctor);
    const { title, body } = this.compose(doctor, procedure, rating);
    return {
      createdAtMs: this.momentAfter(doctor),
      doctor,
      procedure,
      rating,
      title,
      body: `${this.fill(sentence, doctor, procedure)} ${body}`,
      reviewer: this.sharedReviewerOf(doctor),
      finding: null,
    };
  }

  short(): ReviewDraft {
    const doctor = this.random.pick(this.established);
    const text = this.random.pick(shortReviews);
    return {
      createdAtMs: this.momentAfter(doctor),
      doctor,
      procedure: this.procedureOf(doctor),
      rating: this.random.chance(0.8) ? 5 : 4,
      title: this.random.chance(0.5) ? text : 'Great',
      body: text,
      reviewer: this.sharedReviewerOf(doctor),
      finding: null,
    };
  }

  mismatch(): ReviewDraft {
    const doctor = this.random.pick(this.established);
    const [rating, title, body] = mismatches[this.turns.mismatch++ % mismatches.length];
    const procedure = this.procedureOf(doctor);
    // An honest text in the mood of the words, not of the stars, makes each copy its own.
    const story = this.compose(doctor, procedure, rating >= 4 ? 1 : 5).body;
    return {
      createdAtMs: this.momentAfter(doctor),
      doctor,
      procedure,
      rating,
      title,
      body: `${story} ${this.fill(body, doctor, procedure)}`,
      reviewer: this.sharedReviewerOf(doctor),
      finding: null,
    };
  }

  /**
   * An ordinary review from an account whose e-mail is not verified, or whose phone is not while
   * the review names the doctor: who wrote it cannot be reached (REV_IDENTITY).
   */
  unverified(): ReviewDraft {
    const doctor = this.random.pick(this.established);
    const unreachable = this.turns.identity++ % 2 === 0;
    const reviewer = unreachable ? this.newReviewer(0, 1) : this.newReviewer(1, 0);
    const draft = this.positive(doctor, this.momentAfter(doctor), reviewer);
    if (!unreachable) {
      const named =
        '{doctor} [did the treatment personally|saw me at every visit|took care of me from start to finish].';
      draft.body = `${this.fill(named, doctor, draft.procedure)} ${draft.body}`;
    }
    return draft;
  }

  /** An ordinary review from an account that never posts again. */
  single(): ReviewDraft {
    const doctor = this.random.pick(this.established);
    const procedure = this.procedureOf(doctor);
    const rating = this.random.weighted(ratings);
    return {
      createdAtMs: this.momentAfter(doctor),
      doctor,
      procedure,
      rating,
      ...this.compose(doctor, procedure, rating),
      reviewer: this.patient(),
      finding: null,
    };
  }

  row(draft: ReviewDraft, decisions: readonly Decision[]): Insertable<ReviewsTable> {
    const isSurgery = surgeries.includes(draft.procedure);
    const daysBefore = isSurgery ? this.random.int(14, 400) : this.random.int(2, 120);
    return {
      doctorId: draft.doctor.id,
      procedure: draft.procedure,
      rating: draft.rating,
      title: draft.title,
      body: draft.body,
      reviewerId: draft.reviewer.id,
      reviewerEmail: draft.reviewer.email,
      reviewerEmailVerified: draft.reviewer.emailVerified ? 1 : 0,
      reviewerPhoneVerified: draft.reviewer.phoneVerified ? 1 : 0,
      reviewerIp: draft.reviewer.ip,
      treatmentDate: this.random.chance(0.07) ? null : isoDay(draft.createdAtMs - daysBefore * dayMs),
      status: statusAfter('pending', decisions),
      ...moderationColumns(decisions),
      createdAt: isoTime(draft.createdAtMs),
    };
  }

  /** A random moment after the doctor joined, within the history. */
  momentAfter(doctor: DoctorSeed): number {
    const fromMs = Math.max(doctor.createdAtMs + dayMs, this.asOfMs - historyMs);
    return this.random.float(Math.min(fromMs, this.asOfMs - 2 * dayMs), this.asOfMs - hourMs);
  }

  private positive(doctor: DoctorSeed, atMs: number, reviewer: Reviewer): ReviewDraft {
    const procedure = this.procedureOf(doctor);
    const rating = this.random.chance(0.85) ? 5 : 4;
    return {
      createdAtMs: atMs,
      doctor,
      procedure,
      rating,
      ...this.compose(doctor, procedure, rating),
      reviewer,
      finding: null,
    };
  }

  /** One of the ordinary accounts, one that has not reviewed this doctor yet when possible. */
  private sharedReviewerOf(doctor: DoctorSeed): Reviewer {
    let reviewer = this.random.pick(this.sharedReviewers);
    for (let attempt = 0; attempt < 5 && reviewer.reviewed.includes(doctor.id); attempt++) {
      reviewer = this.random.pick(this.sharedReviewers);
    }
    reviewer.reviewed.push(doctor.id);
    return reviewer;
  }

  /** A patient's account: e-mail and phone verified, as a real patient's are once they have posted. */
  private patient(): Reviewer {
    return this.newReviewer(1, 1);
  }

  private newReviewer(emailVerifiedChance: number, phoneVerifiedChance: number): Reviewer {
    let number: number;
    do number = this.random.int(1000, 1000 + this.accountRange);
    while (this.accountNumbers.has(number) && this.accountNumbers.size < this.accountRange / 2);
    if (this.accountNumbers.has(number)) number = 1001 + this.accountRange + this.accountNumbers.size;
    this.accountNumbers.add(number);
    return {
      id: `u-${number}`,
      email: patientEmail(this.random, this.random.pick(firstNames), this.random.pick(lastNames), number),
      emailVerified: this.random.chance(emailVerifiedChance),
      phoneVerified: this.random.chance(phoneVerifiedChance),
      ip: residentialIp(this.random),
      reviewed: [],
      ratings: [],
    };
  }

  /** A doctor weighted by popularity who had already joined at `atMs`, else the earliest one. */
  private doctorAt(atMs: number): DoctorSeed {
    for (let attempt = 0; attempt < 20; attempt++) {
      const doctor = this.doctors[this.popularity.pick(this.random)];
      if (doctor.createdAtMs <= atMs) return doctor;
    }
    return this.doctors[0];
  }

  private procedureOf(doctor: DoctorSeed): Procedure {
    let choice = this.treatments.get(doctor.specialty);
    if (!choice) {
      const { procedures } = doctor.specialty;
      choice = { procedures, demand: new WeightedIndex(procedures.map((p) => procedureDemand[p])) };
      this.treatments.set(doctor.specialty, choice);
    }
    return choice.procedures[choice.demand.pick(this.random)];
  }

  /**
   * An honest review. Its sentences come from a few patterns per treatment, so two reviews of one
   * treatment can share most of them and read like a template, which honest reviews never do: a
   * draft that shares too many words with a recent review of the same treatment is written again.
   */
  private compose(doctor: DoctorSeed, procedure: Procedure, rating: number): { title: string; body: string } {
    let recent = this.recentWords.get(procedure);
    if (!recent) this.recentWords.set(procedure, (recent = new RecentWords(recentPerProcedure)));
    let best: { draft: { title: string; body: string }; words: Set<string>; likeness: number } | null = null;
    for (
      let attempt = 0;
      attempt < composeAttempts && (!best || best.likeness >= honestLikeness);
      attempt++
    ) {
      const draft = this.draft(doctor, procedure, rating);
      const words = wordsOf(draft.body);
      const likeness = recent.mostLike(words);
      if (!best || likeness < best.likeness) best = { draft, words, likeness };
    }
    recent.add(best!.words);
    return best!.draft;
  }

  /**
   * A draft of an honest review: an opening in the mood of the stars, then in random order who the
   * reviewer is (always naming the treatment), how the treatment turned out, how the visit went and
   * what the office was like, and sometimes a closing line. Each sentence is a pattern with
   * alternatives.
   */
  private draft(doctor: DoctorSeed, procedure: Procedure, rating: number): { title: string; body: string } {
    const mood: Mood = rating >= 4 ? 'good' : rating === 3 ? 'mixed' : 'bad';
    const random = this.random;
    const specific = reviewSentences[procedure][mood];
    const middle = [random.pick(backgrounds), random.pick(specific)];
    if (specific.length > 1 && random.chance(0.5)) {
      const second = random.pick(specific);
      if (second !== middle[1]) middle.push(second);
    }
    const visit = visitDetails[visitKinds[procedure]];
    middle.push(random.pick(visit));
    if (random.chance(0.4)) {
      const second = random.pick(visit);
      if (second !== middle[middle.length - 1]) middle.push(second);
    }
    if (random.chance(0.7)) middle.push(random.pick(practiceNotes[mood]));
    if (rating === 4 && random.chance(0.6)) middle.push(random.pick(quibbles));
    const sentences = [random.pick(openings[mood]), ...random.shuffle(middle)];
    if (random.chance(0.7)) sentences.push(random.pick(endings[mood]));
    const title = this.fill(random.pick(titles[mood]), doctor, procedure);
    return {
      title: capitalized(title),
      body: sentences.map((sentence) => capitalized(this.fill(sentence, doctor, procedure))).join(' '),
    };
  }

  /** Chooses one alternative of each `[a|b]` and fills in the `{name}` values (reviewText.ts). */
  private fill(pattern: string, doctor: DoctorSeed, procedure: Procedure): string {
    const random = this.random;
    let text = '';
    for (const piece of piecesOf(pattern)) text += typeof piece === 'string' ? piece : random.pick(piece);
    if (!text.includes('{')) return text;
    return text.replace(/\{(\w+)\}/g, (_, name: string) => {
      switch (name) {
        case 'doctor':
          return `Dr. ${doctor.lastName}`;
        case 'procedure':
          return procedureInText(procedure);
        case 'aProcedure':
          if (procedure === 'IPL photofacial') return 'an IPL photofacial';
          return countable.has(procedure) ? `a ${procedureInText(procedure)}` : procedureInText(procedure);
        case 'staff':
          return random.pick(staffNames);
        case 'friend':
          return random.pick(firstNames);
        case 'month':
          return random.pick(months);
        case 'day':
          return random.pick(weekdays);
        default:
          throw new Error(`unknown value {${name}} in a review pattern`);
      }
    });
  }
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * How alike an honest review may be to a recent one of the same treatment, as the share of their
 * words they have in common (Jaccard): well under what REV_NEAR_DUP calls a near-duplicate (0.4 of
 * the content words, which share more than all words do).
 */
const honestLikeness = 0.25;
const composeAttempts = 12;
/** Reviews of one treatment a new one is compared with: all of them in the demo data set. */
const recentPerProcedure = 120;

/** Words that every review uses, left out of the likeness of two drafts. */
const everyday = new Set(
  'a an the and or but of to in on at for with my me i we our you your it its is was were be been am are this that so as by from he she his her him they them their there had have has do did just very really not no'.split(
    ' ',
  ),
);

/** A draft's words, lower-cased, without the everyday ones and a plural's final s. */
function wordsOf(text: string): Set<string> {
  const found = new Set<string>();
  for (const word of text.toLowerCase().match(/[a-z0-9']+/g) ?? []) {
    if (!everyday.has(word)) found.add(word.replace(/(?<=[a-z]{3})s$/, ''));
  }
  return found;
}

/**
 * The words of the last reviews of one treatment, each word listing the reviews that have it, so
 * a draft is measured against all of them by the words it has rather than review by review.
 */
class RecentWords {
  private readonly reviews: (Set<string> | undefined)[];
  private readonly holders = new Map<string, number[]>();
  private next = 0;

  constructor(private readonly size: number) {
    this.reviews = new Array<Set<string> | undefined>(size);
  }

  /** The highest Jaccard similarity of `words` with the words of a recent review; 0 with none. */
  mostLike(words: ReadonlySet<string>): number {
    const shared = new Int32Array(this.size);
    for (const word of words) for (const slot of this.holders.get(word) ?? []) shared[slot]++;
    let most = 0;
    shared.forEach((count, slot) => {
      if (count > 0) most = Math.max(most, count / (words.size + this.reviews[slot]!.size - count));
    });
    return most;
  }

  /** Keeps `words` as the newest review's, in place of the oldest once `size` are kept. */
  add(words: Set<string>): void {
    const slot = this.next;
    for (const word of this.reviews[slot] ?? []) {
      const slots = this.holders.get(word)!;
      slots.splice(slots.indexOf(slot), 1);
      if (slots.length === 0) this.holders.delete(word);
    }
    this.reviews[slot] = words;
    for (const word of words) this.holders.set(word, [...(this.holders.get(word) ?? []), slot]);
    this.next = (slot + 1) % this.size;
  }
}

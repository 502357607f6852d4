import type { Insertable } from 'kysely';
import type { AnswersTable } from '../db/schema';
import { dayMs, delay, hourMs, isoTime, minuteMs } from './calendar';
import type { DoctorSeed } from './doctors';
import {
  closers,
  cautions,
  honestByProcedure,
  openers,
  violationFindings,
  type ViolationKind,
  violationRules,
  violations,
} from './answerText';
import type { AnswerKey } from './answerKey';
import {
  type AuditTrail,
  type Finding,
  moderateContent,
  moderationColumns,
  type Staff,
  statusAfter,
} from './moderation';
import { firstNames, lastNames } from './people';
import type { QuestionSeed } from './questions';
import { type Random, WeightedIndex } from './random';
import { allProcedures, fillers, type Procedure, procedureInText, toxins } from './treatments';

/** About one answer in eight carries a planted problem. */
const violationRate = 0.12;

/** One answer in this many is by a doctor who has not been verified yet. */
const unverifiedAuthorEvery = 12;

export function generateAnswers(
  random: Random,
  count: number,
  questions: readonly QuestionSeed[],
  doctors: readonly DoctorSeed[],
  asOfMs: number,
  staff: Staff,
  audit: AuditTrail,
  key?: AnswerKey,
): Insertable<AnswersTable>[] {
  if (count === 0 || questions.length === 0) return [];
  const authors = authorsByProcedure(doctors);
  const violationCycle = new ViolationCycle(random);
  // Every question gets an answer; older questions collect more of the rest.
  const targets = questions.map((_, i) => i);
  const byAge = new WeightedIndex(questions.map((q) => 1 + (asOfMs - q.createdAtMs) / (60 * dayMs)));
  for (let i = questions.length; i < count; i++) targets.push(byAge.pick(random));

  const answers = targets.slice(0, count).map((questionIndex, i) => {
    const question = questions[questionIndex];
    const latestMs = asOfMs - 5 * minuteMs;
    let createdAtMs = question.createdAtMs + delay(random, 1.5 * dayMs, 20 * minuteMs, 30 * dayMs);
    // Doctors answer before their verification is through, too: those answers wait for it.
    const doctor =
      i % unverifiedAuthorEvery === 5
        ? (authors.notYetVerified(random, question.procedure) ??
          authors.pick(random, question.procedure, createdAtMs))
        : authors.pick(random, question.procedure, createdAtMs);
    createdAtMs = Math.max(createdAtMs, doctor.createdAtMs + random.float(1, 48) * hourMs);
    if (createdAtMs > latestMs) {
      createdAtMs = random.float(Math.max(question.createdAtMs, doctor.createdAtMs), latestMs);
    }

    const planted = random.chance(violationRate) ? violationCycle.next(question.procedure) : [];
    const body = answerBody(random, question.procedure, doctor, planted);
    const finding: Finding<'answers'> | null =
      planted.length > 0
        ? violationFindings[planted[0]]
        : doctor.goodStanding
          ? null
          : {
              reasonCode: 'unverified_author',
              note: 'The author is not a verified doctor in good standing.',
            };
    const expected = [
      ...new Set([
        ...planted.map((kind) => violationRules[kind]),
        ...(doctor.goodStanding ? [] : ['ANS_AUTHOR_UNVERIFIED']),
      ]),
    ];
    return { createdAtMs, questionId: question.id, doctorId: doctor.id, body, finding, expected };
  });

  answers.sort((a, b) => a.createdAtMs - b.createdAtMs);
  return answers.map((answer, index) => {
    const decisions = moderateContent(random, staff, answer.createdAtMs, asOfMs, answer.finding);
    audit.record('answers', index + 1, decisions);
    if (answer.expected.length > 0) key?.answers.set(index + 1, answer.expected);
    return {
      questionId: answer.questionId,
      doctorId: answer.doctorId,
      body: answer.body,
      status: statusAfter('pending', decisions),
      ...moderationColumns(decisions),
      createdAt: isoTime(answer.createdAtMs),
    };
  });
}

/** Doctors who perform each treatment, verified ones in good standing far more likely to answer. */
function authorsByProcedure(doctors: readonly DoctorSeed[]) {
  const pools = new Map<Procedure, { candidates: DoctorSeed[]; weights: WeightedIndex }>();
  for (const procedure of allProcedures) {
    let candidates = doctors.filter((d) => d.specialty.procedures.includes(procedure));
    if (candidates.length === 0) candidates = [...doctors];
    const weights = new WeightedIndex(candidates.map((d) => d.popularity * (d.goodStanding ? 1 : 0.25)));
    pools.set(procedure, { candidates, weights });
  }
  const waiting = doctors.filter((d) =>
    ['unverified', 'pending', 'awaiting_confirmation'].includes(d.row.verificationStatus ?? 'unverified'),
  );
  // Worked out once per treatment: doctors and answers grow together, so a search per answer
  // would make a large seed quadratic.
  const waitingFor = new Map<Procedure, DoctorSeed[]>();
  const waitingPool = (procedure: Procedure) => {
    let pool = waitingFor.get(procedure);
    if (!pool) {
      const performing = waiting.filter((d) => d.specialty.procedures.includes(procedure));
      waitingFor.set(procedure, (pool = performing.length > 0 ? performing : waiting));
    }
    return pool;
  };
  return {
    /** A doctor still waiting to be verified, who performs the treatment if one does; else null. */
    notYetVerified(random: Random, procedure: Procedure): DoctorSeed | null {
      const pool = waitingPool(procedure);
      return pool.length > 0 ? random.pick(pool) : null;
    },
    /** A doctor who had already joined at `atMs`, when one can be found quickly; else the earliest. */
    pick(random: Random, procedure: Procedure, atMs: number): DoctorSeed {
      const { candidates, weights } = pools.get(procedure)!;
      for (let attempt = 0; attempt < 20; attempt++) {
        const doctor = candidates[weights.pick(random)];
        if (doctor.createdAtMs <= atMs) return doctor;
      }
      return candidates[0];
    },
  };
}

/**
 * The problems to plant, taken from a shuffled round of every kind in turn, so that each kind
 * shows up even in a small data set; a kind that does not fit the treatment waits for one that does.
 */
class ViolationCycle {
  private round: ViolationKind[] = [];

  constructor(private readonly random: Random) {}

  next(procedure: Procedure): ViolationKind[] {
    const first = this.take(procedure);
    if (!this.random.chance(0.2)) return [first];
    const second = this.take(procedure);
    return second === first ? [first] : [first, second];
  }

  private take(procedure: Procedure): ViolationKind {
    if (this.round.length === 0) this.round = this.random.shuffle(Object.keys(violations) as ViolationKind[]);
    const index = this.round.findIndex((kind) => fits(kind, procedure));
    if (index < 0) return this.random.pick(['guarantee', 'phone', 'url', 'coupon', 'contact'] as const);
    return this.round.splice(index, 1)[0];
  }
}

function fits(kind: ViolationKind, procedure: Procedure): boolean {
  switch (kind) {
    case 'permanentToxin':
    case 'offLabelToxin':
      return toxins.includes(procedure);
    case 'permanentFiller':
      return fillers.includes(procedure);
    case 'offLabelFiller':
      return procedure === 'Lip filler' || procedure === 'Rhinoplasty';
    case 'offLabelKybella':
      return procedure === 'Kybella';
    case 'offLabelCoolSculpting':
      return procedure === 'CoolSculpting';
    default:
      return true;
  }
}

function answerBody(
  random: Random,
  procedure: Procedure,
  doctor: DoctorSeed,
  planted: readonly ViolationKind[],
): string {
  const facts = random.sample(honestByProcedure[procedure], random.int(1, 4));
  if (random.chance(0.25)) facts.push(random.pick(cautions));
  const sentences = [...(random.chance(0.55) ? [random.pick(openers)] : []), ...facts];
  if (sentences.length < 2 || random.chance(0.45)) sentences.push(random.pick(closers));
  for (const kind of planted) {
    sentences.splice(random.int(1, sentences.length), 0, random.pick(violations[kind]));
  }
  while (sentences.length > 6) sentences.splice(sentences.length - 2, 1);
  return fillIn(random, sentences.join(' '), procedure, doctor);
}

function fillIn(random: Random, text: string, procedure: Procedure, doctor: DoctorSeed): string {
  if (!text.includes('{')) return text;
  const domain = doctor.practiceDomain ?? `${doctor.practiceSlug}.example`;
  const values: Record<string, () => string> = {
    product: () => procedure,
    procedure: () => procedureInText(procedure),
    city: () => doctor.city.name,
    state: () => doctor.city.state,
    phone: () => phoneInWords(random, doctor),
    domain: () => domain,
    slug: () => doctor.practiceSlug,
    email: () => `dr.${doctor.lastName.toLowerCase()}@${domain}`,
    code: () => `${doctor.practiceSlug.slice(0, 4).toUpperCase()}${random.pick(['10', '15', '20', '25'])}`,
    patient: () => `${random.pick(firstNames)} ${random.pick(lastNames)}`,
  };
  return text.replace(/\{(\w+)\}/g, (match, key: string) => values[key]?.() ?? match);
}

const digitNames = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** The practice number written the many ways people slip phone numbers past filters. */
function phoneInWords(random: Random, doctor: DoctorSeed): string {
  const area = doctor.city.areaCode;
  const line = doctor.row.practicePhone?.slice(-4) ?? `01${random.int(10, 99)}`;
  const spelled = (digits: string) => [...digits].map((d) => digitNames[Number(d)]).join(' ');
  return random.pick([
    `(${area}) 555-${line}`,
    `${area}.555.${line}`,
    `${area}-555-${line}`,
    `${area} 555 ${line}`,
    `+1 ${area} 555 ${line}`,
    `${area}555${line}`,
    `${spelled(area)} 555 ${line}`,
    `${spelled(area)}, five five five, ${spelled(line)}`,
  ]);
}

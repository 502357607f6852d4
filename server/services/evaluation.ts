import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Answer, Review } from '../../src/domain/model';
import { type CheckedResult, type RuleSettings, runRules } from '../../src/domain/rules/engine';
import { analyse } from '../../src/domain/language/analysis';
import { readLearnedLean } from '../../src/domain/rules/learnedLean';
import { type CheckedType, rulesByType } from '../../src/domain/rules/registry';
import { type Db, migrate, openDb } from '../db/connection';
import { insertRows } from '../db/bulk';
import { insertRecord } from '../db/records';
import { resourceSpecs } from '../../src/domain/resources';
import { answerContext, DoctorCache, indexReview, reviewSignals } from './checks';

/**
 * Measuring the rules against labelled cases (`npm run rules:eval`): the cases go into a fresh
 * in-memory database through the same tables and indexes the server uses (all reviews together,
 * so the near-duplicate index sees each of them), every rule runs, and each rule's verdicts are
 * compared with the labels. A case carries only what a labeller can write down; what it lacks
 * (the author's record, the reviewer's account, address or dates) makes the rules that need it
 * report `unknown`, and an unknown verdict is neither a hit nor a miss.
 */

const ruleIds = z.array(z.string().regex(/^[A-Z][A-Z0-9_]{2,40}$/)).max(20);
const caseId = z.string().min(1).max(60);

export const answerCase = z.strictObject({
  id: caseId,
  question: z.string().max(5000),
  body: z.string().min(1).max(10000),
  expect: ruleIds,
  /** The author's record, when the case is about the author (ANS_AUTHOR_UNVERIFIED). */
  author: z
    .strictObject({
      verificationStatus: z.enum(['unverified', 'pending', 'verified', 'rejected', 'suspended']),
      licenseStatus: z.string().max(40).default('active'),
      licenseExpiresOn: z.iso.date().default('2030-01-01'),
      npi: z.string().max(20).default('1234567893'),
    })
    .optional(),
});

export const reviewCase = z.strictObject({
  id: caseId,
  doctor: z.string().min(1).max(200),
  rating: z.number().int().min(1).max(5),
  procedure: z.string().min(1).max(100),
  title: z.string().max(300),
  body: z.string().min(1).max(10000),
  expect: ruleIds,
  // What a case may add so that the rules needing it can judge (all optional).
  createdAt: z.iso.datetime().optional(),
  reviewerId: z.string().min(1).max(100).optional(),
  reviewerEmail: z.email().optional(),
  reviewerEmailVerified: z.boolean().optional(),
  reviewerPhoneVerified: z.boolean().optional(),
  reviewerIp: z.string().min(1).max(100).optional(),
  /** The reviewed doctor's practice web domain; cases naming one doctor must agree on it. */
  practiceDomain: z.string().min(1).max(200).optional(),
});

export type AnswerCase = z.infer<typeof answerCase>;
export type ReviewCase = z.infer<typeof reviewCase>;

export interface RuleScore {
  ruleId: string;
  type: CheckedType;
  judged: number;
  unknown: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** null when the rule flagged nothing (precision) or nothing was expected of it (recall). */
  precision: number | null;
  recall: number | null;
  /** The harmonic mean of precision and recall; null when either is. */
  f1: number | null;
  falsePositiveIds: string[];
  falseNegativeIds: string[];
  /** Every miss with what the rule said about the case, so a reader sees why it went wrong. */
  misses: Miss[];
}

export interface Miss {
  caseId: string;
  kind: 'falsePositive' | 'falseNegative';
  /** The rule's own message on the case. */
  message: string;
  /** What the rule pointed at: the quoted words, the related items, the facts. */
  evidence: string[];
  /** The start of the case's text. */
  excerpt: string;
}

export class InvalidCases extends Error {}

export function parseCases<T extends z.ZodType>(schema: T, data: unknown, file: string): z.infer<T>[] {
  const parsed = z.array(schema).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidCases(`${file}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  const ids = new Set<string>();
  for (const item of parsed.data as { id: string }[]) {
    if (ids.has(item.id)) throw new InvalidCases(`${file}: id ${item.id} appears twice`);
    ids.add(item.id);
  }
  return parsed.data;
}

/** The cases of labelled files, read and checked; a file that cannot be read is InvalidCases too. */
export function readCases<T extends z.ZodType>(schema: T, files: readonly string[]): z.infer<T>[] {
  return files.flatMap((file) => {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new InvalidCases(`${file}: ${(error as Error).message}`);
    }
    return parseCases(schema, data, file);
  });
}

const evaluationDay = '2026-11-01T12:00:00.000Z';
const validNpi = '1234567893';

async function insertDoctor(db: Db, name: string, fields: Record<string, unknown> = {}): Promise<number> {
  const row = await insertRecord(db.kysely, resourceSpecs.doctors, {
    ...resourceSpecs.doctors.defaults,
    name,
    credential: 'MD',
    specialty: 'Dermatology',
    practiceName: `${name} practice`,
    practiceDomain: null,
    practicePhone: null,
    city: 'Unknown',
    npi: validNpi,
    licenseState: 'CA',
    licenseNumber: 'EVAL',
    licenseStatus: 'active',
    licenseExpiresOn: '2030-01-01',
    board: null,
    boardCertified: false,
    verificationStatus: 'verified',
    createdAt: evaluationDay,
    ...fields,
  });
  return row.id as number;
}

type Verdicts = { caseId: string; expect: readonly string[]; text: string; results: CheckedResult[] }[];

async function answerVerdicts(
  db: Db,
  cases: readonly AnswerCase[],
  settings: RuleSettings,
): Promise<Verdicts> {
  const now = new Date(evaluationDay);
  const verdicts: Verdicts = [];
  for (const item of cases) {
    const doctorId = await insertDoctor(db, `Author of ${item.id}`, item.author ?? {});
    const question = await insertRecord(db.kysely, resourceSpecs.questions, {
      title: item.question,
      body: '',
      procedure: '',
      askerName: 'patient',
      createdAt: evaluationDay,
    });
    const answer = {
      id: verdicts.length + 1,
      questionId: question.id as number,
      doctorId,
      body: item.body,
      createdAt: evaluationDay,
    };
    const context = await answerContext(db.kysely, answer as Answer, now);
    const results = runRules(
      rulesByType.answers,
      answer,
      { ...context, doctor: item.author ? context.doctor : null },
      settings,
    );
    verdicts.push({ caseId: item.id, expect: item.expect, text: item.body, results });
  }
  return verdicts;
}

async function reviewVerdicts(
  db: Db,
  cases: readonly ReviewCase[],
  settings: RuleSettings,
): Promise<Verdicts> {
  const doctorIds = new Map<string, number>();
  for (const item of cases) {
    if (doctorIds.has(item.doctor)) continue;
    const practiceDomain =
      cases.find((c) => c.doctor === item.doctor && c.practiceDomain)?.practiceDomain ?? null;
    doctorIds.set(item.doctor, await insertDoctor(db, item.doctor, { practiceDomain }));
  }
  // Stored as the server stores them; what a case leaves out is blanked again before judging.
  const rows = cases.map((item, i) => ({
    id: i + 1,
    doctorId: doctorIds.get(item.doctor)!,
    procedure: item.procedure,
    rating: item.rating,
    title: item.title,
    body: item.body,
    reviewerId: item.reviewerId ?? `case:${item.id}`,
    reviewerEmail: item.reviewerEmail ?? '',
    reviewerEmailVerified: item.reviewerEmailVerified ? 1 : 0,
    reviewerPhoneVerified: item.reviewerPhoneVerified ? 1 : 0,
    reviewerIp: item.reviewerIp ?? `case:${item.id}`,
    treatmentDate: null,
    createdAt: item.createdAt ?? evaluationDay,
  }));
  await insertRows(db.kysely, 'reviews', rows);
  const prints = [];
  for (const row of rows) prints.push(await indexReview(db.kysely, row));
  const now = new Date(evaluationDay);
  const signals = await reviewSignals(db.kysely, rows as unknown as Review[], prints);
  const doctors = new DoctorCache(db.kysely);
  const verdicts: Verdicts = [];
  for (const [i, item] of cases.entries()) {
    const review = {
      ...rows[i],
      reviewerEmail: item.reviewerEmail,
      reviewerEmailVerified: item.reviewerEmailVerified,
      reviewerPhoneVerified: item.reviewerPhoneVerified,
      reviewerIp: item.reviewerIp,
      reviewerId: item.reviewerId,
    };
    const results = runRules(
      rulesByType.reviews,
      review,
      {
        now: now.toISOString(),
        read: analyse,
        lean: readLearnedLean,
        doctor: item.practiceDomain || item.reviewerEmail ? await doctors.get(rows[i].doctorId) : null,
        signals: {
          nearDuplicates: signals[i].nearDuplicates,
          contentWords: signals[i].contentWords,
          sameAddress: item.reviewerIp ? signals[i].sameAddress : null,
          doctorRate: item.createdAt ? signals[i].doctorRate : null,
          account: item.reviewerId ? signals[i].account : null,
        },
      },
      settings,
    );
    verdicts.push({
      caseId: item.id,
      expect: item.expect,
      text: `${item.title} | ${item.body}`,
      results,
    });
  }
  return verdicts;
}

function evidenceLines(result: CheckedResult): string[] {
  const { spans = [], related = [], facts = [] } = result.evidence ?? {};
  return [
    ...spans.map((span) => `${span.field}: "${span.text}"`),
    ...related.map(
      (item) =>
        `${item.resource} ${item.id}${item.similarity === undefined ? '' : ` (similarity ${item.similarity.toFixed(2)})`}`,
    ),
    ...facts.map((fact) => `${fact.label}: ${fact.value}`),
  ];
}

function score(type: CheckedType, verdicts: Verdicts): RuleScore[] {
  return rulesByType[type].map((rule) => {
    const tally: RuleScore = {
      ruleId: rule.id,
      type,
      judged: 0,
      unknown: 0,
      truePositives: 0,
      falsePositives: 0,
      falseNegatives: 0,
      precision: null,
      recall: null,
      f1: null,
      falsePositiveIds: [],
      falseNegativeIds: [],
      misses: [],
    };
    for (const verdict of verdicts) {
      const result = verdict.results.find((r) => r.ruleId === rule.id);
      if (!result || result.outcome === 'unknown') {
        tally.unknown++;
        continue;
      }
      tally.judged++;
      const expected = verdict.expect.includes(rule.id);
      const failed = result.outcome === 'fail';
      if (failed && expected) tally.truePositives++;
      else if (failed || expected) {
        (failed ? tally.falsePositiveIds : tally.falseNegativeIds).push(verdict.caseId);
        tally.misses.push({
          caseId: verdict.caseId,
          kind: failed ? 'falsePositive' : 'falseNegative',
          message: result.message,
          evidence: evidenceLines(result),
          excerpt: verdict.text.length > 160 ? `${verdict.text.slice(0, 157)}...` : verdict.text,
        });
      }
    }
    tally.falsePositives = tally.falsePositiveIds.length;
    tally.falseNegatives = tally.falseNegativeIds.length;
    const flagged = tally.truePositives + tally.falsePositives;
    const expectedCount = tally.truePositives + tally.falseNegatives;
    tally.precision = flagged === 0 ? null : tally.truePositives / flagged;
    tally.recall = expectedCount === 0 ? null : tally.truePositives / expectedCount;
    const { precision, recall } = tally;
    tally.f1 =
      precision === null || recall === null || precision + recall === 0
        ? null
        : (2 * precision * recall) / (precision + recall);
    return tally;
  });
}

/** Runs the rules over labelled cases with the default settings and scores every rule. */
export async function evaluateRules(
  cases: { answers?: readonly AnswerCase[]; reviews?: readonly ReviewCase[] },
  settings: RuleSettings = {},
): Promise<RuleScore[]> {
  const db = openDb(':memory:');
  try {
    await migrate(db);
    const scores: RuleScore[] = [];
    if (cases.answers) scores.push(...score('answers', await answerVerdicts(db, cases.answers, settings)));
    if (cases.reviews) scores.push(...score('reviews', await reviewVerdicts(db, cases.reviews, settings)));
    return scores;
  } finally {
    await db.close();
  }
}

/** The labelled evaluation set, written blind to the rules' code, in a half to tune on and a half to judge by. */
const evaluationFile = (kind: 'answers' | 'reviews', half: 'dev' | 'test') =>
  `tests/fixtures/eval/${kind}.${half}.json`;
export const evaluationSets = {
  dev: { answers: [evaluationFile('answers', 'dev')], reviews: [evaluationFile('reviews', 'dev')] },
  test: { answers: [evaluationFile('answers', 'test')], reviews: [evaluationFile('reviews', 'test')] },
  all: {
    answers: [evaluationFile('answers', 'dev'), evaluationFile('answers', 'test')],
    reviews: [evaluationFile('reviews', 'dev'), evaluationFile('reviews', 'test')],
  },
};

/** One scoring kept in bench/results, to compare later runs of the same cases with. */
export interface RecordedRun {
  at: string;
  /** Which cases were scored: "set test", or the files' paths. */
  cases: string;
  scores: Pick<
    RuleScore,
    | 'ruleId'
    | 'judged'
    | 'truePositives'
    | 'falsePositives'
    | 'falseNegatives'
    | 'precision'
    | 'recall'
    | 'f1'
  >[];
}

const meanF1 = (run: RecordedRun) => {
  const f1s = run.scores.map((s) => s.f1).filter((f): f is number => f !== null);
  return f1s.length === 0 ? 0 : f1s.reduce((sum, f) => sum + f, 0) / f1s.length;
};

/** One line: how a run's F1 per rule moved since an earlier run of the same cases, naming every rule that got worse. */
export function compareRuns(previous: RecordedRun, current: RecordedRun): string {
  const before = new Map(previous.scores.map((s) => [s.ruleId, s.f1 ?? 0]));
  let better = 0;
  let same = 0;
  const worse: string[] = [];
  for (const score of current.scores) {
    const was = before.get(score.ruleId) ?? 0;
    const now = score.f1 ?? 0;
    if (Math.abs(now - was) < 0.005) same++;
    else if (now > was) better++;
    else worse.push(`${score.ruleId} ${was.toFixed(2)} -> ${now.toFixed(2)}`);
  }
  const [was, now] = [meanF1(previous), meanF1(current)];
  return (
    `Against the run of ${previous.cases} recorded ${previous.at}: mean F1 ${was.toFixed(3)} -> ${now.toFixed(3)} ` +
    `(${now >= was ? '+' : ''}${(now - was).toFixed(3)}); ${better} rules better, ${worse.length} worse` +
    `${worse.length > 0 ? ` (${worse.join(', ')})` : ''}, ${same} unchanged.`
  );
}

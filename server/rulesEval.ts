import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import {
  answerCase,
  compareRuns,
  evaluateRules,
  evaluationSets,
  InvalidCases,
  readCases,
  reviewCase,
  type RecordedRun,
  type RuleScore,
} from './services/evaluation';

/**
 * `npm run rules:eval -- --set dev|test|all` scores each rule against the labelled evaluation set in
 * tests/fixtures/eval/; `--answers FILE --reviews FILE` against any other set of the same format
 * (see server/services/evaluation.ts). `--record` keeps the run in bench/results/rules-eval.json,
 * and every run is compared with the last one recorded for the same cases. Exits 2 when a file
 * cannot be read.
 */
const usage =
  'usage: npm run rules:eval -- (--set dev|test|all | --answers FILE --reviews FILE) [--json] [--record]';
const historyFile = 'bench/results/rules-eval.json';

let args;
try {
  args = parseArgs({
    options: {
      set: { type: 'string' },
      answers: { type: 'string' },
      reviews: { type: 'string' },
      json: { type: 'boolean', default: false },
      record: { type: 'boolean', default: false },
    },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (args.set && !(args.set in evaluationSets)) {
  console.error(`--set takes ${Object.keys(evaluationSets).join(', ')}, not "${args.set}"\n${usage}`);
  process.exit(2);
}
if (!args.set && !args.answers && !args.reviews) {
  console.error(usage);
  process.exit(2);
}

const ratio = (value: number | null) => (value === null ? '  n/a' : value.toFixed(2).padStart(5));

function table(scores: RuleScore[]): string {
  const lines = [
    `${'rule'.padEnd(22)} ${'judged'.padStart(6)} ${'unknown'.padStart(7)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)} precision recall    F1`,
  ];
  for (const s of scores) {
    lines.push(
      `${s.ruleId.padEnd(22)} ${String(s.judged).padStart(6)} ${String(s.unknown).padStart(7)} ${String(s.truePositives).padStart(4)} ${String(s.falsePositives).padStart(4)} ${String(s.falseNegatives).padStart(4)}     ${ratio(s.precision)}  ${ratio(s.recall)} ${ratio(s.f1)}`,
    );
  }
  const missed = scores.filter((s) => s.misses.length > 0);
  if (missed.length > 0)
    lines.push('', 'Misses (FP: flagged but not expected; FN: expected but not flagged):');
  for (const s of missed) {
    lines.push(`${s.ruleId}`);
    for (const miss of s.misses) {
      lines.push(`  ${miss.kind === 'falsePositive' ? 'FP' : 'FN'} ${miss.caseId}: ${miss.message}`);
      if (miss.evidence.length > 0) lines.push(`     evidence: ${miss.evidence.join('; ')}`);
      lines.push(`     text: ${miss.excerpt.replace(/\s+/g, ' ')}`);
    }
  }
  return lines.join('\n');
}

function history(): RecordedRun[] {
  return existsSync(historyFile) ? (JSON.parse(readFileSync(historyFile, 'utf8')) as RecordedRun[]) : [];
}

try {
  const files = args.set
    ? evaluationSets[args.set as keyof typeof evaluationSets]
    : { answers: args.answers ? [args.answers] : [], reviews: args.reviews ? [args.reviews] : [] };
  const scores = await evaluateRules({
    answers: files.answers.length === 0 ? undefined : readCases(answerCase, files.answers),
    reviews: files.reviews.length === 0 ? undefined : readCases(reviewCase, files.reviews),
  });
  const run: RecordedRun = {
    at: new Date().toISOString(),
    cases: args.set ? `set ${args.set}` : [...files.answers, ...files.reviews].join(' '),
    scores: scores.map(
      ({ ruleId, judged, truePositives, falsePositives, falseNegatives, precision, recall, f1 }) => ({
        ruleId,
        judged,
        truePositives,
        falsePositives,
        falseNegatives,
        precision,
        recall,
        f1,
      }),
    ),
  };
  const runs = history();
  const previous = runs.filter((r) => r.cases === run.cases).at(-1);
  if (args.json) console.log(JSON.stringify(scores, null, 2));
  else {
    console.log(table(scores));
    console.log(`\n${previous ? compareRuns(previous, run) : `No earlier run of ${run.cases} is recorded.`}`);
  }
  if (args.record) {
    mkdirSync(dirname(historyFile), { recursive: true });
    writeFileSync(historyFile, `${JSON.stringify([...runs, run], null, 2)}\n`);
    if (!args.json) console.log(`Recorded in ${historyFile}.`);
  }
} catch (error) {
  if (!(error instanceof InvalidCases)) throw error;
  console.error(error.message);
  process.exit(2);
}

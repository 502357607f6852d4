import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  answerCase,
  evaluateRules,
  InvalidCases,
  parseCases,
  reviewCase,
  type RuleScore,
} from './services/evaluation';

/**
 * `npm run rules:eval -- --answers FILE --reviews FILE [--json]`: how well each rule agrees with
 * labelled cases (see server/services/evaluation.ts). Exits 2 when a file cannot be read.
 */
let args;
try {
  args = parseArgs({
    options: {
      answers: { type: 'string' },
      reviews: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  }).values;
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
if (!args.answers && !args.reviews) {
  console.error('usage: npm run rules:eval -- --answers FILE --reviews FILE [--json]');
  process.exit(2);
}

function load(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InvalidCases(`${file}: ${(error as Error).message}`);
  }
}

const ratio = (value: number | null) => (value === null ? '  n/a' : value.toFixed(2).padStart(5));

function table(scores: RuleScore[]): string {
  const lines = [
    `${'rule'.padEnd(22)} ${'judged'.padStart(6)} ${'unknown'.padStart(7)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)} precision recall`,
  ];
  for (const s of scores) {
    lines.push(
      `${s.ruleId.padEnd(22)} ${String(s.judged).padStart(6)} ${String(s.unknown).padStart(7)} ${String(s.truePositives).padStart(4)} ${String(s.falsePositives).padStart(4)} ${String(s.falseNegatives).padStart(4)}     ${ratio(s.precision)}  ${ratio(s.recall)}`,
    );
    if (s.falsePositiveIds.length > 0)
      lines.push(`  flagged but not expected: ${s.falsePositiveIds.join(', ')}`);
    if (s.falseNegativeIds.length > 0)
      lines.push(`  expected but not flagged: ${s.falseNegativeIds.join(', ')}`);
  }
  return lines.join('\n');
}

try {
  const scores = await evaluateRules({
    answers: args.answers ? parseCases(answerCase, load(args.answers), args.answers) : undefined,
    reviews: args.reviews ? parseCases(reviewCase, load(args.reviews), args.reviews) : undefined,
  });
  console.log(args.json ? JSON.stringify(scores, null, 2) : table(scores));
} catch (error) {
  if (!(error instanceof InvalidCases)) throw error;
  console.error(error.message);
  process.exit(2);
}

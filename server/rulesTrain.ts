import { readFileSync, writeFileSync } from 'node:fs';
import { analyse } from '../src/domain/language/analysis';
import { InvalidCases, parseCases, reviewCase } from './services/evaluation';
import { loadWordVectors, polarityExamples, trainingFiles, trainPolarity } from './services/polarityTraining';

/**
 * `npm run rules:train`: learns the review polarity model REV_MISMATCH reads from the labelled
 * reviews in `trainingFiles` and writes it to src/domain/rules/reviewPolarity.json, to be
 * committed with the cases it was learned from. Exits 2 when a file cannot be read.
 */
const modelFile = 'src/domain/rules/reviewPolarity.json';

try {
  const cases = trainingFiles.flatMap((file) => {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new InvalidCases(`${file}: ${(error as Error).message}`);
    }
    return parseCases(reviewCase, data, file);
  });
  const examples = polarityExamples(cases, analyse);
  const model = trainPolarity(examples, loadWordVectors());
  writeFileSync(modelFile, `${JSON.stringify(model, null, 2)}\n`);
  const complaints = examples.filter((e) => e.complaint).length;
  console.log(
    `learned from ${examples.length} reviews (${complaints} complaints, ${examples.length - complaints} praise) ` +
      `in ${trainingFiles.length} files: ${Object.keys(model.weights).length} weighted words, written to ${modelFile}`,
  );
} catch (error) {
  if (!(error instanceof InvalidCases)) throw error;
  console.error(error.message);
  process.exit(2);
}

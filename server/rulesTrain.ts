import { readFileSync, writeFileSync } from 'node:fs';
import type { z } from 'zod';
import { analyse } from '../src/domain/language/analysis';
import { learnedReadings } from '../src/domain/rules/answers';
import { answerCase, InvalidCases, parseCases, reviewCase } from './services/evaluation';
import {
  answerExamples,
  answerTrainingDefaults,
  answerTrainingFiles,
  loadWordVectors,
  polarityExamples,
  trainingFiles,
  trainWordModel,
} from './services/modelTraining';

/**
 * `npm run rules:train`: learns the review polarity model REV_MISMATCH reads from the labelled
 * reviews in `trainingFiles`, and a model for each answer rule with a learned reading from the
 * labelled answers in `answerTrainingFiles`, and writes them to src/domain/rules/reviewPolarity.json
 * and answerModels.json, to be committed with the cases they were learned from. Exits 2 when a file
 * cannot be read.
 */
const polarityFile = 'src/domain/rules/reviewPolarity.json';
const answerModelsFile = 'src/domain/rules/answerModels.json';

function casesOf<T extends z.ZodType>(schema: T, files: readonly string[]): z.infer<T>[] {
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

try {
  const examples = polarityExamples(casesOf(reviewCase, trainingFiles), analyse);
  const model = trainWordModel(examples, loadWordVectors());
  writeFileSync(polarityFile, `${JSON.stringify(model, null, 2)}\n`);
  const complaints = examples.filter((e) => e.positive).length;
  console.log(
    `learned from ${examples.length} reviews (${complaints} complaints, ${examples.length - complaints} praise) ` +
      `in ${trainingFiles.length} files: ${Object.keys(model.weights).length} weighted words, written to ${polarityFile}`,
  );
  const answers = casesOf(answerCase, answerTrainingFiles);
  const models = Object.fromEntries(
    [...learnedReadings].map(([ruleId, leaves]) => [
      ruleId,
      trainWordModel(answerExamples(answers, analyse, ruleId, leaves), null, answerTrainingDefaults),
    ]),
  );
  writeFileSync(answerModelsFile, `${JSON.stringify(models, null, 2)}\n`);
  console.log(
    `learned from ${answers.length} answers in ${answerTrainingFiles.length} files: ` +
      Object.entries(models)
        .map(([ruleId, model]) => `${ruleId} ${Object.keys(model.weights).length} weighted features`)
        .join(', ') +
      `, written to ${answerModelsFile}`,
  );
} catch (error) {
  if (!(error instanceof InvalidCases)) throw error;
  console.error(error.message);
  process.exit(2);
}

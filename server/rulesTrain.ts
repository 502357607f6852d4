import { writeFileSync } from 'node:fs';
import { analyse } from '../src/domain/language/analysis';
import { answerCase, InvalidCases, readCases, reviewCase } from './services/evaluation';
import {
  answerTrainingFiles,
  loadWordVectors,
  polarityExamples,
  trainAnswerModels,
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

try {
  const examples = polarityExamples(readCases(reviewCase, trainingFiles), analyse);
  const model = trainWordModel(examples, loadWordVectors());
  writeFileSync(polarityFile, `${JSON.stringify(model, null, 2)}\n`);
  const complaints = examples.filter((e) => e.positive).length;
  console.log(
    `learned from ${examples.length} reviews (${complaints} complaints, ${examples.length - complaints} praise) ` +
      `in ${trainingFiles.length} files: ${Object.keys(model.weights).length} weighted words, written to ${polarityFile}`,
  );
  const answers = readCases(answerCase, answerTrainingFiles);
  const models = trainAnswerModels(answers, analyse);
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

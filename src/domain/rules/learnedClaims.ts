import { type AnswerModels, type ReadClaim, readClaim } from './answerModel';
import learned from './answerModels.json';
import { lookUp } from '../lookup';

/**
 * The committed answer models (`npm run rules:train`), given to the answer rules through their
 * context as `claim`, as the review polarity model is given to REV_MISMATCH (learnedLean.ts): the
 * console, which imports the rules for their names and settings, never loads them.
 */
export const answerModels: AnswerModels = learned;

export const readLearnedClaim: ReadClaim = (analysis, ruleId, leaves) =>
  readClaim(analysis, lookUp(answerModels, ruleId), leaves);

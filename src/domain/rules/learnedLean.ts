import type { ReadLean } from './reviewPolarity';
import type { WordModel } from './wordModel';
import { readLean } from './reviewPolarity';
import learned from './reviewPolarity.json';

/**
 * The committed polarity model (`npm run rules:train`), given to REV_MISMATCH through its context
 * as `lean`, like the language model through `read`: the table of some 25,000 words is for the
 * server's checks, and the console, which imports the rules for their names and settings, never
 * loads it.
 */
export const polarityModel: WordModel = learned;

export const readLearnedLean: ReadLean = (fields) => readLean(fields, polarityModel);

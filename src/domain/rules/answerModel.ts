import type { TextAnalysis } from '../language/analysis';
import { isAsserted, isReported } from '../language/scope';
import { weigh, type WordModel } from './wordModel';

/**
 * A learned reading of whether an answer makes a rule's claim, beside the rule's own phrases: a
 * logistic regression per rule over the answer's lemmas and lemma pairs, learned from the labelled
 * answers (`npm run rules:train`). The phrases know the ways of saying a claim they were written
 * for; a doctor who says it another way ("in eleven years not one of them has gone home with a
 * mark", "the retired fire chief from Maple Grove who I treated in March") still uses words that
 * hundreds of labelled claims used, and the model weighs them. A lemma is prefixed "not " inside a
 * negation's scope, "q:" inside a quotation and "r:" where the writer reports or refutes it ("be
 * wary of anyone who promises no side effects", "... is a myth"), so that a denial, a patient's
 * quoted question and a rival's claim count apart from the claim; a proper name counts as
 * "<name>", since whom an answer names is not what it claims.
 */
export type AnswerModels = Readonly<Record<string, WordModel>>;

/** Where a feature was first read: the tokens [from, to) its words span. */
export interface FeaturePlace {
  from: number;
  to: number;
}

/**
 * `leaves`: lemmas the rule's phrases decide on by themselves, left out of the features with every
 * pair they are in. "Guarantee" and "promise" say a guarantee only with what is guaranteed ("the one
 * guarantee I can offer is honesty"), which the phrases read and a model of words cannot.
 */
export function answerFeatures(
  analysis: TextAnalysis,
  leaves: readonly string[] = [],
): ReadonlyMap<string, FeaturePlace> {
  const features = everyFeature(analysis);
  if (leaves.length === 0) return features;
  const left = ({ from, to }: FeaturePlace) =>
    analysis.tokens.slice(from, to).some((token) => leaves.includes(token.lemma.toLowerCase()));
  return new Map([...features].filter(([, place]) => !left(place)));
}

// Each rule with a learned reading reads the same answer's features: find them once.
const featuresRead = new WeakMap<TextAnalysis, ReadonlyMap<string, FeaturePlace>>();

function everyFeature(analysis: TextAnalysis): ReadonlyMap<string, FeaturePlace> {
  const known = featuresRead.get(analysis);
  if (known) return known;
  const features = new Map<string, FeaturePlace>();
  const add = (feature: string, from: number, to: number) => {
    if (!features.has(feature)) features.set(feature, { from, to });
  };
  let previous: { unit: string; at: number; sentence: number } | null = null;
  analysis.tokens.forEach((token, at) => {
    if (token.type !== 'word') return;
    const word = token.pos === 'PROPN' ? '<name>' : token.lemma.toLowerCase();
    const frame = token.quoted ? 'q:' : isReported(analysis, { from: at, to: at + 1 }) ? 'r:' : '';
    const unit = `${frame}${token.negated ? 'not ' : ''}${word}`;
    add(unit, at, at + 1);
    if (previous && previous.sentence === token.sentence)
      add(`${previous.unit} ${unit}`, previous.at, at + 1);
    previous = { unit, at, sentence: token.sentence };
  });
  featuresRead.set(analysis, features);
  return features;
}

/** How sure the learned reading is that an answer makes a rule's claim, and where it says so. */
export interface LearnedClaim {
  likelihood: number;
  /**
   * The sentence whose words weigh most towards the claim, counting only words that weigh clearly
   * and that the writer asserts as their own: a moderator reads a sentence, not a list of words.
   * Null when there are none: the words that make the claim are denied, quoted, asked or reported
   * ("anyone who promises no side effects is not being straight with you"), which the model,
   * weighing words, cannot tell from the claim itself.
   */
  sentence: FeaturePlace | null;
}

/** How the answer rules are given the learned reading: the server passes `readLearnedClaim` (learnedClaims.ts). */
export type ReadClaim = (
  analysis: TextAnalysis,
  ruleId: string,
  leaves: readonly string[],
) => LearnedClaim | null;

/** A word's weight towards the claim for it to count as saying it. */
const clearWeight = 0.5;

/** Null for a rule the models have no reading for. */
export function readClaim(
  analysis: TextAnalysis,
  model: WordModel | undefined,
  leaves: readonly string[] = [],
): LearnedClaim | null {
  if (!model) return null;
  const { probability, weighed } = weigh(answerFeatures(analysis, leaves), model);
  const bySentence = new Map<number, number>();
  for (const { weight, place } of weighed) {
    if (weight < clearWeight || !isAsserted(analysis, place)) continue;
    const sentence = analysis.tokens[place.from].sentence;
    bySentence.set(sentence, (bySentence.get(sentence) ?? 0) + weight);
  }
  const [heaviest] = [...bySentence].sort(([a, x], [b, y]) => y - x || a - b);
  const sentence = heaviest ? analysis.sentences[heaviest[0]] : null;
  return { likelihood: probability, sentence: sentence && { from: sentence.from, to: sentence.to } };
}

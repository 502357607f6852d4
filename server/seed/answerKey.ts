/**
 * What the seed planted, item by item: the rules each planted answer or review is meant to fail.
 * The rules never see it; tests read it to prove the rules catch the seed's problems and leave
 * its honest items alone.
 */
export class AnswerKey {
  readonly answers = new Map<number, string[]>();
  readonly reviews = new Map<number, string[]>();
}

/**
 * What the seed planted, item by item: the rules each planted doctor, answer, review or photo pair is meant to
 * fail. The rules never see it; tests read it to prove the rules catch the seed's problems and
 * leave its honest items alone.
 */
export class AnswerKey {
  /** By doctor id: the doctor rules the planted credentials fail. */
  readonly doctors = new Map<number, string[]>();
  readonly answers = new Map<number, string[]>();
  readonly reviews = new Map<number, string[]>();
  readonly photos = new Map<number, string[]>();
}

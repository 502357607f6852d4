import type { AnswerRule } from './engine';

export const answerRules: AnswerRule[] = [];

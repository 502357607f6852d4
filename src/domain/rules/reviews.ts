import type { ReviewRule } from './engine';

export const reviewRules: ReviewRule[] = [];

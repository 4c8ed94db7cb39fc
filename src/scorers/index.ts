/** Scorers: the seam, the registry and the built-in implementations. */
export type { Score, ScoreContext, Scorer } from './scorer.js';
export { SCORERS, createScorer } from './create-scorer.js';
export type { SpecOf } from './scorer-spec.js';
export { answerText } from './answer-text.js';
export { extractNumber, findNumbers } from './numeric/extract-number.js';
export { readChoice, targetChoice, letterOf } from './choice/read-choice.js';
export { extractJson } from './json-schema/extract-json.js';

/** US passport numbers: nine digits (older books) or a letter and eight digits (Next Generation); context required. */
import { patternRecogniser } from '../recogniser.js';

const NEXT_GEN = /(?<![\w-])[A-Z]\d{8}(?![\w-])/g;
const LEGACY = /(?<![\w-])\d{9}(?![\w-])/g;

/** Finds passport numbers (0.3 letter+8 digits, 0.2 nine digits; needs "passport" nearby). */
export const usPassportRecogniser = patternRecogniser({
  type: 'US_PASSPORT',
  context: ['passport', 'travel'],
  requiresContext: true,
  patterns: [
    { regex: NEXT_GEN, score: 0.3 },
    { regex: LEGACY, score: 0.2 },
  ],
  validate: (m) => !/^(\d)\1{8}$/.test(m[0]),
});

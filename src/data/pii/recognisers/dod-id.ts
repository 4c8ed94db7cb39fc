/** DoD ID numbers (EDIPI): ten digits, on the back of a Common Access Card; reported only with context. */
import { patternRecogniser } from '../recogniser.js';

const EDIPI = /(?<![\w-])\d{10}(?![\w-])/g;

/** Finds EDIPIs (0.3 base, needs a context word such as "EDIPI", "DoD ID" or "CAC"). */
export const dodIdRecogniser = patternRecogniser({
  type: 'DOD_ID',
  context: ['edipi', 'dod', 'dodid', 'cac', 'dbids'],
  requiresContext: true,
  patterns: [{ regex: EDIPI, score: 0.3 }],
  // All one digit is a placeholder, not an ID.
  validate: (m) => !/^(\d)\1{9}$/.test(m[0]),
});

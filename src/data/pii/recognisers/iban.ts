/** International Bank Account Numbers: country code, check digits, BBAN; mod-97 checked, length per country. */
import { ibanChecksumValid } from '../checksums.js';
import { patternRecogniser } from '../recogniser.js';

const IBAN = /(?<![\w])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![\w])/g;

/** IBAN lengths for common countries; others must be 15–34 characters. */
const LENGTHS: Readonly<Record<string, number>> = {
  AT: 20, BE: 16, CH: 21, CZ: 24, DE: 22, DK: 18, ES: 24, FI: 18, FR: 27, GB: 22, GR: 27, IE: 22, IT: 27,
  LU: 20, NL: 18, NO: 15, PL: 28, PT: 25, SE: 24, SA: 24, AE: 23, TR: 26,
};

/** True when a compact IBAN has the right length for its country and a valid mod-97 check. */
export function ibanValid(compact: string): boolean {
  const expected = LENGTHS[compact.slice(0, 2)];
  const lengthOk = expected === undefined ? compact.length >= 15 && compact.length <= 34 : compact.length === expected;
  return lengthOk && ibanChecksumValid(compact);
}

/** Finds IBANs (0.8 once validated). */
export const ibanRecogniser = patternRecogniser({
  type: 'IBAN_CODE',
  context: ['iban', 'bank', 'account', 'transfer', 'wire'],
  patterns: [{ regex: IBAN, score: 0.8 }],
  validate: (m) => ibanValid(m[0].replace(/ /g, '')),
});

/** US Social Security numbers, with the SSA validity rules and known-invalid (advertising/test) numbers. */
import { patternRecogniser } from '../recogniser.js';

const DELIMITED = /(?<![\w-])\d{3}([- .])\d{2}\1\d{4}(?![\w-])/g;
const BARE = /(?<![\w-])\d{9}(?![\w-])/g;

/** Numbers published in advertising or used as examples; never issued to a person. */
const KNOWN_INVALID = new Set(['078051120', '219099999', '123456789', '987654320', '987654321', '987654322', '987654323', '987654324', '987654325', '987654326', '987654327', '987654328', '987654329']);

/**
 * True when the nine digits could be an issued SSN: area not 000, 666 or 9xx (9xx are ITINs),
 * group not 00, serial not 0000, not all one digit, not a known example number.
 */
export function ssnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  if (area === '000' || area === '666' || area.startsWith('9')) return false;
  if (digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return false;
  if (/^(\d)\1{8}$/.test(digits)) return false;
  return !KNOWN_INVALID.has(digits);
}

/** Finds SSNs (0.5 with a consistent delimiter, 0.05 bare nine digits; context lifts both). */
export const ssnRecogniser = patternRecogniser({
  type: 'US_SSN',
  context: ['ssn', 'ssns', 'social', 'security', 'ssid'],
  patterns: [
    { regex: DELIMITED, score: 0.5 },
    { regex: BARE, score: 0.05 },
  ],
  validate: (m) => ssnValid(m[0].replace(/\D/g, '')),
});

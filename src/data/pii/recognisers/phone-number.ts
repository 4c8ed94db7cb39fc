/** Phone numbers: NANP formats (with area/exchange rules) and E.164-style international numbers. */
import { patternRecogniser } from '../recogniser.js';

// (212) 555-0147, 212-555-0147, 212.555.0147, +1 212 555 0147, 1-212-555-0147
const US_FORMATTED =
  /(?<![\w+])(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w-])/g;
// +44 20 7946 0958, +49-30-901820, +33 (0)1 23 45 67 89
const INTERNATIONAL = /(?<![\w+])\+\d{1,3}(?:[ .-]?\(\d{1,4}\)|[ .-]\d{1,5}){1,6}(?![\w-])/g;
const INTERNATIONAL_COMPACT = /(?<![\w+])\+\d{8,15}(?![\w-])/g;
// 2125550147: weak on its own, needs context to pass the default threshold
const US_BARE = /(?<![\w+-])\d{10}(?![\w-])/g;

function validPhone(raw: string): boolean {
  const digits = raw.replace(/\D/g, '');
  if (raw.startsWith('+') && !raw.startsWith('+1')) return digits.length >= 8 && digits.length <= 15;
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  // NANP: area code and exchange both start 2-9
  return national.length === 10 && /^[2-9]\d{2}[2-9]/.test(national);
}

/** Finds phone numbers (0.6 formatted US, 0.5 international, 0.1 bare ten digits). */
export const phoneRecogniser = patternRecogniser({
  type: 'PHONE_NUMBER',
  context: ['phone', 'telephone', 'tel', 'mobile', 'cell', 'call', 'fax', 'contact', 'number'],
  patterns: [
    { regex: US_FORMATTED, score: 0.6 },
    { regex: INTERNATIONAL, score: 0.5 },
    { regex: INTERNATIONAL_COMPACT, score: 0.5 },
    { regex: US_BARE, score: 0.1 },
  ],
  validate: (m) => validPhone(m[0]),
});

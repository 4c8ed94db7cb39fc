/** Payment card numbers: 13–19 digits (optionally grouped by spaces or dashes), Luhn-checked, with a known issuer prefix and length. */
import { luhnValid } from '../checksums.js';
import { patternRecogniser } from '../recogniser.js';

const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;

interface Issuer {
  name: string;
  prefix: RegExp;
  lengths: readonly number[];
}

/** Issuer identification ranges (IIN) and allowed lengths, from the card networks' published tables. */
export const ISSUERS: readonly Issuer[] = [
  { name: 'visa', prefix: /^4/, lengths: [13, 16, 19] },
  { name: 'mastercard', prefix: /^(?:5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/, lengths: [16] },
  { name: 'amex', prefix: /^3[47]/, lengths: [15] },
  { name: 'discover', prefix: /^(?:6011|64[4-9]|65|622(?:12[6-9]|1[3-9]\d|[2-8]\d\d|9[01]\d|92[0-5]))/, lengths: [16, 17, 18, 19] },
  { name: 'jcb', prefix: /^35(?:2[89]|[3-8]\d)/, lengths: [16, 17, 18, 19] },
  { name: 'diners', prefix: /^(?:30[0-5]|3095|36|38|39)/, lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'unionpay', prefix: /^62/, lengths: [16, 17, 18, 19] },
];

/** The issuer of a digit string, or undefined when no network's prefix and length fit. */
export function cardIssuer(digits: string): string | undefined {
  return ISSUERS.find((i) => i.prefix.test(digits) && i.lengths.includes(digits.length))?.name;
}

/** True for a plausible card number: known issuer prefix/length and a valid Luhn check digit. */
export function cardValid(digits: string): boolean {
  return cardIssuer(digits) !== undefined && luhnValid(digits);
}

/** Finds card numbers (0.9 once validated; a card context word lifts it to 1). */
export const creditCardRecogniser = patternRecogniser({
  type: 'CREDIT_CARD',
  context: ['card', 'credit', 'debit', 'visa', 'mastercard', 'amex', 'discover', 'cc', 'payment'],
  patterns: [{ regex: CARD, score: 0.9 }],
  validate: (m) => cardValid(m[0].replace(/\D/g, '')),
});

/** E-mail addresses: a practical subset of RFC 5322 addr-spec with a dotted domain and an alphabetic TLD. */
import { patternRecogniser } from '../recogniser.js';

const EMAIL =
  /(?<![\w.+-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])/g;

/** Finds e-mail addresses (score 0.85; local part ≤ 64 and whole address ≤ 254 characters). */
export const emailRecogniser = patternRecogniser({
  type: 'EMAIL_ADDRESS',
  context: ['email', 'mail', 'contact', 'address'],
  patterns: [{ regex: EMAIL, score: 0.85 }],
  validate: (m) => {
    const at = m[0].lastIndexOf('@');
    return at <= 64 && m[0].length <= 254;
  },
});

/** Integer digits plus an implied scale as exact decimal text (no floating point: amounts stay exact). */

/**
 * `digits` (may have leading zeros) with `scale` implied decimal places; `-` when negative and not zero.
 * @example decimalText('0012345', true, 2) // '-123.45'
 * @example decimalText('5', false, 2) // '0.05'
 */
export function decimalText(digits: string, negative: boolean, scale = 0): string {
  const trimmed = digits.replace(/^0+/, '');
  const padded = trimmed.padStart(scale + 1, '0');
  const whole = padded.slice(0, padded.length - scale);
  const text = scale > 0 ? `${whole}.${padded.slice(padded.length - scale)}` : whole;
  return negative && /[1-9]/.test(trimmed) ? `-${text}` : text;
}

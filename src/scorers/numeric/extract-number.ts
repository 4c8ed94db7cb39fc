/** Reads numbers out of model text: "$1,234.50", "1 234", "-3.5", "12%", "1e3", "3/4", GSM8K "#### 42". */

/** One number found in text. */
export interface FoundNumber {
  value: number;
  /** The text it was read from. */
  text: string;
}

/** A number chosen as the answer, and where it was found. */
export interface ExtractedNumber extends FoundNumber {
  source: 'after "####"' | 'after an answer marker' | 'last number in the text';
}

// Not glued to a preceding word, number, "." or "/"; optional sign and currency; thousands separated by ","
// or a (thin/no-break) space in groups of exactly three; optional decimals, exponent, "/denominator", "%".
const NUMBER =
  /(?<![\p{L}\p{N}_./])(?<sign>[-+\u2212])?(?:[$€£¥]\s?)?(?<sign2>[-\u2212])?(?<int>\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?!\d)|\d+)?(?<frac>\.\d+)?(?<exp>[eE][-+]?\d+)?(?:\/(?<den>\d+)(?![\d.\/]))?%?/gu;

const ANSWER_MARKER = /answer\s*(?:is\b|:)|\\boxed\{/gi;

/**
 * Every number in the text, in order. A percent sign is dropped ("12%" reads as 12); "3/4" reads as 0.75.
 * Space-grouped thousands mean "100 200 300" reads as one number; a decimal comma is not understood.
 */
export function findNumbers(text: string): FoundNumber[] {
  const out: FoundNumber[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const g = m.groups ?? {};
    if (g.int === undefined && g.frac === undefined) continue;
    const digits = (g.int ?? '0').replace(/\D/g, '');
    const denominator = g.den === undefined ? 1 : Number(g.den);
    const magnitude = Number(`${digits}${g.frac ?? ''}${g.exp ?? ''}`) / denominator;
    if (!Number.isFinite(magnitude)) continue; // e.g. "1/0", "1e999"
    const negative = g.sign === '-' || g.sign === '\u2212' || g.sign2 !== undefined;
    out.push({ value: negative ? -magnitude : magnitude, text: m[0].trim() });
  }
  return out;
}

/**
 * The answer's number: the first after the last "####" (GSM8K style), else the first after the last
 * "ANSWER:", "answer is" or "\boxed{", else the last number in the text.
 * @example extractNumber('So she pays $1,234.50.\n#### 1234.5')?.value // 1234.5
 */
export function extractNumber(text: string): ExtractedNumber | undefined {
  const hash = text.lastIndexOf('####');
  if (hash >= 0) {
    const n = findNumbers(text.slice(hash + 4))[0];
    if (n) return { ...n, source: 'after "####"' };
  }
  let marker: RegExpMatchArray | undefined;
  for (const m of text.matchAll(ANSWER_MARKER)) marker = m;
  if (marker) {
    const n = findNumbers(text.slice(marker.index! + marker[0].length))[0];
    if (n) return { ...n, source: 'after an answer marker' };
  }
  const last = findNumbers(text).at(-1);
  return last && { ...last, source: 'last number in the text' };
}

/** Heuristic quality filters for cleaned text (length, letter and symbol ratios, repeated lines), returning reasons. */

/** Why a text failed a quality filter. */
export const QUALITY_REASONS = ['too-short', 'low-alpha', 'high-symbol', 'repeated-lines'] as const;
/** One of `QUALITY_REASONS`. */
export type QualityReasonCode = (typeof QUALITY_REASONS)[number];

/** Thresholds; defaults are deliberately lenient (Gopher-style rules tuned for web text would drop tables and forms). */
export interface QualityOptions {
  /** Minimum words (whitespace-separated). Default 5. */
  minWords?: number;
  /** Minimum share of non-space characters that are letters. Default 0.5. */
  minAlphaRatio?: number;
  /** Maximum share of non-space characters that are neither letters, digits nor common punctuation. Default 0.2. */
  maxSymbolRatio?: number;
  /** Maximum share of non-blank lines that duplicate an earlier line. Default 0.3. */
  maxRepeatedLineRatio?: number;
}

/** One failed check: the measured value and the limit it broke. */
export interface QualityReason {
  code: QualityReasonCode;
  value: number;
  limit: number;
}

/** The outcome: `ok` when no check failed; the measured ratios are returned either way. */
export interface QualityResult {
  ok: boolean;
  reasons: QualityReason[];
  stats: { words: number; alphaRatio: number; symbolRatio: number; repeatedLineRatio: number };
}

const COMMON_PUNCT = /[.,;:!?'"()[\]\-–—/%&]/u;

/**
 * Measures `text` and reports every threshold it breaks (not just the first).
 * @example checkQuality('#### $$$$ @@@@ !!!! %%%%').reasons.map((r) => r.code) // ['too-short', 'low-alpha', 'high-symbol']
 */
export function checkQuality(text: string, options: QualityOptions = {}): QualityResult {
  const words = text.split(/\s+/).filter(Boolean).length;
  const chars = [...text.replace(/\s+/g, '')];
  let alpha = 0;
  let symbol = 0;
  for (const c of chars) {
    if (/\p{L}/u.test(c)) alpha++;
    else if (!/\p{N}/u.test(c) && !COMMON_PUNCT.test(c)) symbol++;
  }
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const repeated = lines.length - new Set(lines).size;
  const stats = {
    words,
    alphaRatio: chars.length ? alpha / chars.length : 0,
    symbolRatio: chars.length ? symbol / chars.length : 0,
    repeatedLineRatio: lines.length ? repeated / lines.length : 0,
  };
  const reasons: QualityReason[] = [];
  const fail = (code: QualityReasonCode, value: number, limit: number) => reasons.push({ code, value, limit });
  const minWords = options.minWords ?? 5;
  if (words < minWords) fail('too-short', words, minWords);
  const minAlpha = options.minAlphaRatio ?? 0.5;
  if (stats.alphaRatio < minAlpha) fail('low-alpha', stats.alphaRatio, minAlpha);
  const maxSymbol = options.maxSymbolRatio ?? 0.2;
  if (stats.symbolRatio > maxSymbol) fail('high-symbol', stats.symbolRatio, maxSymbol);
  const maxRepeat = options.maxRepeatedLineRatio ?? 0.3;
  if (stats.repeatedLineRatio > maxRepeat) fail('repeated-lines', stats.repeatedLineRatio, maxRepeat);
  return { ok: reasons.length === 0, reasons, stats };
}

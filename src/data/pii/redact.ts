/** Applies redaction operators to PII spans, right to left, leaving every character outside the spans untouched. */
import { AssayError } from '../../errors/index.js';
import { applyOperator, type RedactionOperator } from './operators.js';
import type { PiiResult, PiiType } from './pii-types.js';
import { resolveOverlaps } from './resolve-overlaps.js';

/** Operator per entity type; `default` covers types not listed (itself defaulting to `replace` with `<TYPE>`). */
export type OperatorByType = Partial<Record<PiiType | 'default', RedactionOperator>>;

/** One applied redaction: the original span and where its replacement sits in the output. */
export interface RedactedSpan {
  type: PiiType;
  operator: RedactionOperator['type'];
  start: number;
  end: number;
  outStart: number;
  outEnd: number;
}

/** The redacted text and the spans that were replaced, in text order. */
export interface RedactResult {
  text: string;
  spans: RedactedSpan[];
}

/**
 * Replaces each result's span by its operator's output. Overlapping results are resolved first (score, then length).
 * Throws AssayError USAGE when a result does not match `text` (stale offsets from another version of the text).
 * @example redact('SSN 123-45-6789', analyze('SSN 123-45-6789'), { US_SSN: { type: 'mask', keepLast: 4 } }).text // 'SSN *******6789'
 */
export function redact(text: string, results: readonly PiiResult[], operatorByType: OperatorByType = {}): RedactResult {
  for (const r of results) {
    if (!(r.start >= 0 && r.end <= text.length && r.start < r.end) || text.slice(r.start, r.end) !== r.text) {
      throw new AssayError('USAGE', `PII result ${r.type} [${r.start}, ${r.end}) does not match the text being redacted.`, {
        hint: 'Redact with results from analyze() on exactly this text.',
      });
    }
  }
  const ordered = resolveOverlaps(results);
  let out = text;
  const replacements: string[] = [];
  for (let i = ordered.length - 1; i >= 0; i--) {
    const r = ordered[i]!;
    const replacement = applyOperator(r, operatorByType[r.type] ?? operatorByType.default ?? { type: 'replace' });
    replacements[i] = replacement;
    out = out.slice(0, r.start) + replacement + out.slice(r.end);
  }
  let shift = 0;
  const spans = ordered.map((r, i): RedactedSpan => {
    const length = replacements[i]!.length;
    const span: RedactedSpan = {
      type: r.type,
      operator: (operatorByType[r.type] ?? operatorByType.default ?? { type: 'replace' }).type,
      start: r.start,
      end: r.end,
      outStart: r.start + shift,
      outEnd: r.start + shift + length,
    };
    shift += length - (r.end - r.start);
    return span;
  });
  return { text: out, spans };
}

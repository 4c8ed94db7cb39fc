/** The PII analyzer: runs recognisers, applies context enhancement, thresholds, and resolves overlaps. */
import { boostScore, findContext } from './context.js';
import type { PiiResult, PiiType } from './pii-types.js';
import { RECOGNISERS, type RecogniserId } from './recognisers.js';
import { resolveOverlaps } from './resolve-overlaps.js';

/** Default threshold: drops unlabelled weak patterns (bare nine or ten digits) and keeps formatted ones. */
export const DEFAULT_MIN_SCORE = 0.3;

/** Options for `analyze`. */
export interface AnalyzeOptions {
  /** Only these entity types (all when absent). */
  types?: readonly PiiType[];
  /** Drop results scoring below this, after context (default `DEFAULT_MIN_SCORE`). */
  minScore?: number;
  /** Keep overlapping results instead of resolving them (for inspection). */
  keepOverlaps?: boolean;
}

/**
 * Finds PII in `text`; results are non-overlapping and sorted by start, offsets in UTF-16 code units.
 * @example analyze('SSN 123-45-6789', { types: ['US_SSN'] }) // [{ type: 'US_SSN', start: 4, end: 15, score: 0.85, … }]
 */
export function analyze(text: string, options: AnalyzeOptions = {}): PiiResult[] {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const results: PiiResult[] = [];
  for (const id of Object.keys(RECOGNISERS) as RecogniserId[]) {
    const recogniser = RECOGNISERS[id];
    if (options.types && !options.types.includes(recogniser.type)) continue;
    for (const m of recogniser.find(text)) {
      const context = findContext(text, m, recogniser.context, recogniser.window);
      if (recogniser.requiresContext && context.length === 0) continue;
      const score = context.length > 0 ? boostScore(m.score) : m.score;
      if (score < minScore) continue;
      const result: PiiResult = { type: recogniser.type, start: m.start, end: m.end, text: text.slice(m.start, m.end), score, recogniser: id };
      if (context.length > 0) result.context = context;
      results.push(result);
    }
  }
  return options.keepOverlaps ? results.sort((a, b) => a.start - b.start) : resolveOverlaps(results);
}

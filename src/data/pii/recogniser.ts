/** The Recogniser seam and a pattern-based factory: regex + base score → validator → (context, in analyze). */
import type { ContextWindow } from './context.js';
import type { PiiType } from './pii-types.js';

/** A candidate span from a recogniser, before context and overlap resolution. */
export interface RawMatch {
  start: number;
  end: number;
  score: number;
}

/** Finds one PII type in text. Pure and synchronous. */
export interface Recogniser {
  readonly type: PiiType;
  /** Lower-case words that raise the score when near a match. */
  readonly context: readonly string[];
  /** Drop matches with no context word nearby (numbers that are PII only when labelled, e.g. DoD IDs). */
  readonly requiresContext?: boolean;
  /** Words searched before/after a match; `DEFAULT_WINDOW` when absent. */
  readonly window?: ContextWindow;
  /** Candidate spans with base scores. */
  find(text: string): RawMatch[];
}

/** One regex with its base score. Must have the `g` flag; a named group `pii` (with the `d` flag) narrows the span. */
export interface PatternSpec {
  regex: RegExp;
  score: number;
}

/** Options for `patternRecogniser`. */
export interface PatternRecogniserOptions extends Omit<Recogniser, 'find'> {
  patterns: readonly PatternSpec[];
  /** Returns false to drop a match (checksums, range rules, deny lists). */
  validate?: (match: RegExpExecArray) => boolean;
}

/**
 * Builds a recogniser from regexes with base scores and an optional validator.
 * @example patternRecogniser({ type: 'EMAIL_ADDRESS', context: ['email'], patterns: [{ regex: /\S+@\S+/g, score: 0.5 }] })
 */
export function patternRecogniser(options: PatternRecogniserOptions): Recogniser {
  const { patterns, validate, ...rest } = options;
  return {
    ...rest,
    find(text) {
      const out: RawMatch[] = [];
      for (const { regex, score } of patterns) {
        for (const m of text.matchAll(regex)) {
          if (validate && !validate(m)) continue;
          const group = m.indices?.groups?.['pii'];
          const [start, end] = group ?? [m.index, m.index + m[0].length];
          if (end > start) out.push({ start, end, score });
        }
      }
      return out;
    },
  };
}

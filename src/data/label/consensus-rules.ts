/** How each task kind turns several annotators' values for one item into one value (pure; deterministic, no random tie-break). */
import type { AnnotationValue, KindValues, Span } from './annotation-value.js';
import type { KindSpec, TaskKind, TaskKindSpec } from './task-kind.js';

/** Every consensus method; which ones a kind accepts is in METHODS_BY_KIND. */
export const CONSENSUS_METHODS = ['auto', 'majority', 'mean', 'median', 'exact', 'overlap'] as const;
export type ConsensusMethod = (typeof CONSENSUS_METHODS)[number];

/** The methods each kind accepts; `auto` is the first of the rest. */
export const METHODS_BY_KIND: { [K in TaskKind]: readonly ConsensusMethod[] } = {
  classification: ['auto', 'majority'],
  multi_label: ['auto', 'majority'],
  span: ['auto', 'exact', 'overlap'],
  rating: ['auto', 'mean', 'median'],
  pairwise: ['auto', 'majority'],
  free_text: ['auto'],
};

/** resolved: one value; unresolved: a tie; needs_review: a person must decide (free text); unannotated: no values. */
export type ConsensusStatus = 'resolved' | 'unresolved' | 'needs_review' | 'unannotated';

/** One item's outcome, with what it was computed from. */
export interface RuleOutcome {
  status: ConsensusStatus;
  value?: AnnotationValue;
  detail: Record<string, unknown>;
}

type Rule<K extends TaskKind> = (spec: KindSpec<K>, values: KindValues[K][], method: ConsensusMethod) => RuleOutcome;

/** Minimum character overlap (intersection over union) for two spans to count as the same under `overlap`. */
export const SPAN_OVERLAP = 0.5;

/**
 * Plurality vote: the most frequent value wins; a tie for the top is unresolved (never broken at random).
 * @example plurality(['x', 'x', 'y']) // { status: 'resolved', value: 'x', … }
 */
export function plurality(values: readonly string[]): RuleOutcome {
  const votes: Record<string, number> = {};
  for (const v of values) votes[v] = (votes[v] ?? 0) + 1;
  const top = Math.max(...Object.values(votes));
  const leaders = Object.keys(votes).filter((k) => votes[k] === top);
  return leaders.length === 1 ? { status: 'resolved', value: leaders[0]!, detail: { votes } } : { status: 'unresolved', detail: { votes, tied: leaders.sort() } };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Character intersection over union of two spans. */
export function spanOverlap(x: Span, y: Span): number {
  const inter = Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return inter / (Math.max(x.end, y.end) - Math.min(x.start, y.start));
}

/** Spans that more than half of the annotators marked (same type; exact offsets, or overlap ≥ SPAN_OVERLAP). */
function spanMajority(values: readonly Span[][], method: ConsensusMethod): RuleOutcome {
  const exact = method !== 'overlap';
  const same = (x: Span, y: Span) => x.type === y.type && (exact ? x.start === y.start && x.end === y.end : spanOverlap(x, y) >= SPAN_OVERLAP);
  const candidates = [...new Map(values.flat().map((s) => [`${s.start}:${s.end}:${s.type}`, s])).values()];
  const support = (s: Span) => values.filter((spans) => spans.some((t) => same(s, t))).length;
  // Among equally supported spans, prefer the one most annotators marked exactly, then the one closest to the others.
  const exactly = (s: Span) => values.filter((spans) => spans.some((t) => t.type === s.type && t.start === s.start && t.end === s.end)).length;
  const closeness = (s: Span) => values.flat().reduce((sum, t) => sum + (t.type === s.type ? spanOverlap(s, t) : 0), 0);
  const ranked = candidates
    .map((s) => ({ s, n: support(s), e: exactly(s), c: closeness(s) }))
    .sort((x, y) => y.n - x.n || y.e - x.e || y.c - x.c || x.s.start - y.s.start || x.s.end - y.s.end || x.s.type.localeCompare(y.s.type));
  const kept: Span[] = [];
  for (const { s, n } of ranked) if (n * 2 > values.length && !kept.some((k) => same(k, s))) kept.push(s);
  kept.sort((x, y) => x.start - y.start || x.end - y.end);
  return { status: 'resolved', value: kept, detail: { method: exact ? 'exact' : 'overlap', candidates: candidates.length, annotators: values.length } };
}

/** Kind → rule; a kind without one fails to compile. */
const RULES: { [K in TaskKind]: Rule<K> } = {
  classification: (_spec, values) => plurality(values),
  pairwise: (_spec, values) => plurality(values),
  multi_label: (spec, values) => {
    const counts = Object.fromEntries(spec.choices.map((c) => [c, values.filter((v) => v.includes(c)).length]));
    const tied = spec.choices.filter((c) => counts[c]! * 2 === values.length);
    const chosen = spec.choices.filter((c) => counts[c]! * 2 > values.length);
    return tied.length > 0 ? { status: 'unresolved', detail: { counts, tied } } : { status: 'resolved', value: chosen, detail: { counts } };
  },
  rating: (_spec, values, method) => {
    const mean = values.reduce((s, x) => s + x, 0) / values.length;
    const med = median(values);
    return { status: 'resolved', value: method === 'median' ? med : mean, detail: { mean, median: med, n: values.length } };
  },
  span: (_spec, values, method) => spanMajority(values, method),
  free_text: (_spec, values) => {
    const norm = new Set(values.map((v) => v.trim().replace(/\s+/g, ' ')));
    return values.length >= 2 && norm.size === 1 ? { status: 'resolved', value: values[0]!, detail: { unanimous: true } } : { status: 'needs_review', detail: { responses: values.length } };
  },
};

/**
 * The consensus of one item's values (one per annotator) under `method`.
 * @example consensusOf({ kind: 'rating', min: 1, max: 5, step: 1 }, [2, 3, 5], 'median').value // 3
 */
export function consensusOf(spec: TaskKindSpec, values: readonly AnnotationValue[], method: ConsensusMethod): RuleOutcome {
  if (values.length === 0) return { status: 'unannotated', detail: {} };
  // The values were checked against this spec when stored (parseAnnotationValue), so they have the kind's type.
  const rule = RULES[spec.kind] as Rule<TaskKind>;
  return rule(spec as KindSpec<TaskKind>, values as KindValues[TaskKind][], method);
}

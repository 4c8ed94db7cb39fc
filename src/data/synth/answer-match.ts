/** SQuAD-style answer comparison: normalise (case, punctuation, articles, spaces), then token F1. */

/** Lower case, no punctuation, no English articles, single spaces. */
export function normalizeAnswer(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\b(a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Token-level F1 between a prediction and a reference answer (0 when either is empty after normalising).
 * @example tokenF1('The 3rd Battalion', '3rd battalion') // 1
 */
export function tokenF1(prediction: string, reference: string): number {
  const p = normalizeAnswer(prediction).split(' ').filter(Boolean);
  const r = normalizeAnswer(reference).split(' ').filter(Boolean);
  if (p.length === 0 || r.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of r) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of p) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / p.length;
  const recall = common / r.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Share of the reference answer's tokens that occur in `context` (is the answer grounded in the chunk at all?). */
export function supportRecall(reference: string, context: string): number {
  const r = normalizeAnswer(reference).split(' ').filter(Boolean);
  if (r.length === 0) return 0;
  const c = new Set(normalizeAnswer(context).split(' '));
  return r.filter((t) => c.has(t)).length / r.length;
}

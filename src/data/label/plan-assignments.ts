/** Balanced round-robin assignment of items to k annotators each, skipping annotators not cleared for an item. */

/** The outcome: annotators per item (in assignment order) and the items that got fewer than k. */
export interface AssignmentPlan {
  byItem: Map<string, string[]>;
  shortfalls: Array<{ itemId: string; wanted: number; got: number }>;
}

/**
 * Assigns each item to `perItem` eligible annotators: the least loaded first, ties broken by a cursor that moves on by
 * k after each item, so with everyone eligible it is plain round-robin and every load differs by at most one.
 * @example planAssignments([{ id: '1' }, { id: '2' }, { id: '3' }], ['a', 'b', 'c'], 2, () => true).byItem
 * // 1 → [a, b], 2 → [c, a], 3 → [b, c]
 */
export function planAssignments<I extends { id: string }>(items: readonly I[], annotators: readonly string[], perItem: number, eligible: (annotator: string, item: I) => boolean): AssignmentPlan {
  const n = annotators.length;
  const load = new Map(annotators.map((a) => [a, 0]));
  const byItem = new Map<string, string[]>();
  const shortfalls: AssignmentPlan['shortfalls'] = [];
  let cursor = 0;
  for (const item of items) {
    const rank = (i: number) => (i - cursor + n) % n;
    const chosen = annotators
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => eligible(a, item))
      .sort((x, y) => load.get(x.a)! - load.get(y.a)! || rank(x.i) - rank(y.i))
      .slice(0, perItem)
      .map(({ a }) => a);
    for (const a of chosen) load.set(a, load.get(a)! + 1);
    byItem.set(item.id, chosen);
    if (chosen.length < perItem) shortfalls.push({ itemId: item.id, wanted: perItem, got: chosen.length });
    cursor = (cursor + perItem) % Math.max(n, 1);
  }
  return { byItem, shortfalls };
}

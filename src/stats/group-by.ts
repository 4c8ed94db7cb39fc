/** Groups items by a string key, keeping first-seen order. */

/**
 * @example groupBy(['a1', 'b1', 'a2'], (s) => s[0]!) // Map { 'a' => ['a1', 'a2'], 'b' => ['b1'] }
 */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

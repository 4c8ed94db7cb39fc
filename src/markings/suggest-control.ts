/** "Did you mean …?" for unknown controls: the nearest known control by edit distance with transpositions. */

/** Edit distance with transpositions (optimal string alignment): `NOFRON` is one step from `NOFORN`. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known control nearest to `text` (one edit for short words, two from seven letters), or null. */
export function suggestControl(text: string, known: Iterable<string>): string | null {
  if (text.length > 40) return null;
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    if (k.length < 4) continue;
    const d = distance(text, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best !== null && bestD <= (text.length >= 7 ? 2 : 1) ? best : null;
}


/** Bisection for the point where a decreasing function on [0, ∞) falls to a given level. */

/** Returns x ≥ 0 with f(x) = level, for f decreasing from f(0) ≥ level towards 0. */
export function invertDecreasing(f: (x: number) => number, level: number): number {
  let lo = 0;
  let hi = 1;
  while (f(hi) > level && hi < 1e300) hi *= 2;
  for (let i = 0; i < 2000 && hi - lo > 1e-15 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > level) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

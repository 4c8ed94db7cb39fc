/** Option parsing shared by the verbs: repeatable options and whole-number flags, with USAGE errors that name the flag. */
import { usage } from './output.js';

/** Commander accumulator for a repeatable option: `-M a=1 -M b=2` → ['a=1', 'b=2']. */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];

/**
 * `value` as a whole number of at least `min` (default 1), or undefined when the flag was not given.
 * @example wholeNumber('--limit', flags.limit) // 10, or USAGE: --limit "x" is not a positive whole number.
 */
export function wholeNumber(flag: string, value: string | undefined, min = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw usage(`${flag} "${value}" is not ${min === 1 ? 'a positive whole number' : `a whole number of at least ${min}`}.`);
  return n;
}

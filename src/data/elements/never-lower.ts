/** Chooses between a strict (but invalid) reading of a noisy line and a repaired one, never going lower. */
import { labelAttributes, parseMarking, type Marking } from '../../markings/index.js';
import { rollupLabels } from './rollup-labels.js';

const read = (label: string): Marking | null => parseMarking(label, { form: 'any', lenient: true }).marking;
const subset = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].every((x) => b.has(x));

/**
 * True when `repaired` is the same shape as `noisy` or stricter: level as high, as many compartments (a repair
 * rewrites a garbled token such as `SL` into `SI`; it never drops one), every handling caveat, dissemination
 * control as written (SECRET "dominates" SECRET//NOFORN, but a label must not lose the NOFORN it showed) and CUI
 * token, and a releasability no wider.
 */
function sameOrStricter(repaired: Marking, noisy: Marking): boolean {
  const a = labelAttributes(repaired);
  const b = labelAttributes(noisy);
  const reach = b.reach === null || (a.reach !== null && subset(a.reach, b.reach));
  const written = noisy.dissem.every((d) => repaired.dissem.includes(d));
  return a.rank >= b.rank && a.compartments.size >= b.compartments.size && subset(b.handling, a.handling) && subset(b.cui, a.cui) && reach && written;
}

/**
 * The label for a line read two ways: the repaired reading when it is as strict as the strict (invalid) one and
 * differs only where the noise was, else the roll-up of both, so a lenient read never lowers a label.
 * @example neverLower('TOP SECRET//SL//NOFORN', 'TOP SECRET//SI//NOFORN') // 'TOP SECRET//SI//NOFORN'
 * @example neverLower('SECRET//NOFORN', 'SECRET') // 'SECRET//NOFORN'
 */
export function neverLower(strict: string | null, repaired: string): string {
  if (!strict || strict === repaired) return repaired;
  const a = read(repaired);
  const b = read(strict);
  if (!a || !b) return b ? strict : repaired;
  if (sameOrStricter(a, b)) return repaired;
  try {
    return rollupLabels([strict, repaired]);
  } catch {
    return strict;
  }
}

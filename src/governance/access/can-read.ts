/** Simple security (Bell-LaPadula "no read up"): the subject's clearance must dominate the object's label. */
import { dominates } from '../../markings/index.js';
import type { User } from '../identity/user.js';

/**
 * True when `user` is enabled and their clearance dominates `label` (level, every compartment and caveat,
 * releasability). An unreadable label is never readable.
 * @example canRead({ clearance: 'TOP SECRET//SI//NOFORN', disabled: false }, '(S//SI//NF)') // true
 */
export function canRead(user: Pick<User, 'clearance' | 'disabled'>, label: string): boolean {
  return !user.disabled && dominates(user.clearance, label);
}

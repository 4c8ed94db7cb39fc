/** The system-high label: the most any object on this installation may carry, and the local operator's default clearance. */
import { normalizeClearance } from './clearance.js';

/** Used when ASSAY_SYSTEM_HIGH is unset: TS with the common SCI systems, US only. */
export const DEFAULT_SYSTEM_HIGH = 'TOP SECRET//SI/TK//NOFORN';

/**
 * The system-high label from `ASSAY_SYSTEM_HIGH` (default DEFAULT_SYSTEM_HIGH), in canonical banner form;
 * CONFIG_INVALID when it is not a valid marking.
 * @example systemHigh({ ASSAY_SYSTEM_HIGH: 'S//NF' }) // 'SECRET//NOFORN'
 */
export function systemHigh(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.ASSAY_SYSTEM_HIGH?.trim();
  return normalizeClearance(value ? value : DEFAULT_SYSTEM_HIGH);
}

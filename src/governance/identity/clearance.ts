/** Reads a clearance (a marking string: level plus SCI, SAP, AEA, handling caveats and releasability) strictly. */
import { AssayError } from '../../errors/index.js';
import { parseMarking, renderMarking } from '../../markings/index.js';

/**
 * The clearance in canonical banner form; throws CONFIG_INVALID unless it parses without errors, because a
 * clearance repaired by guesswork could grant more than was meant.
 * @example normalizeClearance('TS//SI/TK//NF') // 'TOP SECRET//SI/TK//NOFORN'
 */
export function normalizeClearance(text: string): string {
  const r = parseMarking(text.trim(), { form: 'any' });
  if (!r.valid || !r.marking) {
    const why = r.errors.map((e) => e.message).join('; ') || 'no marking found';
    throw new AssayError('CONFIG_INVALID', `Clearance "${text}" is not a valid marking: ${why}.`, {
      where: { field: 'clearance' },
      hint: 'Write it as a banner line, e.g. "SECRET//NOFORN" or "TOP SECRET//SI/TK//REL TO USA, GBR".',
    });
  }
  return renderMarking(r.marking, 'banner');
}

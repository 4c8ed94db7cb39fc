/** Who may export what: the export role (RBAC), and a --max-label the viewer's clearance dominates (MAC). */
import { AssayError } from '../../errors/index.js';
import { authorize } from '../../governance/access/authorize.js';
import type { User } from '../../governance/identity/user.js';
import { dominates, parseMarking, renderMarking } from '../../markings/index.js';

/** Throws FORBIDDEN when no role of `viewer` may export. */
export function checkExportRole(viewer: User): void {
  const decision = authorize(viewer, 'export');
  if (!decision.allowed) {
    throw new AssayError('FORBIDDEN', `Export refused: ${decision.reason}.`, { hint: 'Exports need the admin, evaluator or auditor role.' });
  }
}

/**
 * The --max-label in banner form. Throws USAGE when it is not a valid marking, or when the viewer's clearance does not
 * dominate it (asking for a subset above one's clearance is an error, not a silently empty file).
 * @example normalizeMaxLabel('S//NF', secretUser) // 'SECRET//NOFORN'
 */
export function normalizeMaxLabel(maxLabel: string, viewer: User): string {
  const parsed = parseMarking(maxLabel.trim(), { form: 'any' });
  if (!parsed.valid || !parsed.marking) {
    const why = parsed.errors.map((e) => e.message).join('; ') || 'no marking found';
    throw new AssayError('USAGE', `--max-label "${maxLabel}" is not a valid marking: ${why}.`, {
      where: { field: 'maxLabel' },
      hint: 'Write it as a banner line, e.g. "UNCLASSIFIED" or "SECRET//REL TO USA, GBR" (see `assay markings`).',
    });
  }
  const banner = renderMarking(parsed.marking, 'banner');
  if (!dominates(viewer.clearance, banner)) {
    throw new AssayError('USAGE', `--max-label ${banner} is above the clearance of ${viewer.id} (${viewer.clearance}).`, {
      where: { field: 'maxLabel' },
      hint: 'Ask for a subset at or below your clearance; rows above it are never exported to you.',
    });
  }
  return banner;
}

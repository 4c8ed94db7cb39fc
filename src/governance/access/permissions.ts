/** Role-based permissions (AC-3(7) RBAC, AC-6 least privilege): which roles may take each action. */
import type { Role } from '../identity/roles.js';
import type { AccessAction } from './access-action.js';

/** Action → the roles allowed to take it; a missing action is a compile error. */
export const PERMISSIONS = {
  read: ['admin', 'evaluator', 'red-teamer', 'annotator', 'auditor', 'viewer'],
  export: ['admin', 'evaluator', 'auditor'],
  'eval.run': ['admin', 'evaluator'],
  'redteam.run': ['admin', 'red-teamer'],
  annotate: ['admin', 'annotator'],
  'audit.read': ['admin', 'auditor'],
  'users.admin': ['admin'],
  'label.downgrade.request': ['admin', 'evaluator', 'red-teamer', 'annotator'],
  'label.downgrade.approve': ['admin'],
  'data.ingest': ['admin', 'evaluator'],
} as const satisfies Record<AccessAction, readonly Role[]>;

/** The first of `roles` that PERMISSIONS allows to take `action`, or undefined. */
export function grantingRole(roles: readonly Role[], action: AccessAction): Role | undefined {
  const allowed: readonly Role[] = PERMISSIONS[action];
  return roles.find((r) => allowed.includes(r));
}

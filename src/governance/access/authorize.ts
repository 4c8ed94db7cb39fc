/** The access decision for one action: enabled account, a role that allows it, and a clearance over the object. */
import { dominates, parseMarking } from '../../markings/index.js';
import type { User } from '../identity/user.js';
import type { AccessAction } from './access-action.js';
import { allow, deny, type AccessDecision } from './access-decision.js';
import { grantingRole } from './permissions.js';

/**
 * Decides whether `user` may take `action` on an object labelled `objectLabel` (AC-3: RBAC then MAC). Every verb
 * on a labelled object needs the clearance to dominate the label; without a label only the role is checked.
 * @example authorize(viewer, 'read', 'TOP SECRET') // { allowed: false, reason: '… does not dominate …' }
 */
export function authorize(user: User, action: AccessAction, objectLabel?: string): AccessDecision {
  if (user.disabled) return deny(`user ${user.id} is disabled`);
  const role = grantingRole(user.roles, action);
  if (role === undefined) return deny(`none of the roles of ${user.id} (${user.roles.join(', ') || 'none'}) may ${action}`);
  if (objectLabel === undefined) return allow(`role ${role} may ${action}`);
  if (parseMarking(objectLabel.trim(), { form: 'any' }).marking === null) return deny(`the object label "${objectLabel}" is not a readable marking`);
  if (!dominates(user.clearance, objectLabel)) return deny(`clearance ${user.clearance} of ${user.id} does not dominate ${objectLabel}`);
  return allow(`role ${role} may ${action}; clearance ${user.clearance} dominates ${objectLabel}`);
}

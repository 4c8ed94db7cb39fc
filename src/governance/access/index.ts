/** Access decisions: no read up, no write down, role permissions, and the two-person downgrade rule. */
export { ACCESS_ACTIONS, isAccessAction, type AccessAction } from './access-action.js';
export { allow, deny, type AccessDecision } from './access-decision.js';
export { approveDowngrade, type ApproveDowngradeResult, type ApproveOptions, type DowngradeApproval } from './approve-downgrade.js';
export { authorize } from './authorize.js';
export { canRead } from './can-read.js';
export { derivedLabel } from './derived-label.js';
export { canonicalLabel, requestDowngrade, type DowngradeOptions, type DowngradeRequest, type DowngradeRequestResult } from './downgrade-request.js';
export { grantingRole, PERMISSIONS } from './permissions.js';
export { requireRole } from './require-role.js';

/** The closed set of user roles (AC-2 accounts, AC-6 least privilege); what each may do is in access/permissions.ts. */

/** Every role a user can hold; add new ones at the end. */
export const ROLES = ['admin', 'evaluator', 'red-teamer', 'annotator', 'auditor', 'viewer'] as const;

export type Role = (typeof ROLES)[number];

/** True when `value` is one of ROLES. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

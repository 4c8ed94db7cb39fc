/** The closed set of actions access control decides on. */

/** Every verb `authorize` knows; add new ones at the end (and to PERMISSIONS, which the compiler enforces). */
export const ACCESS_ACTIONS = [
  'read',
  'export',
  'eval.run',
  'redteam.run',
  'annotate',
  'audit.read',
  'users.admin',
  'label.downgrade.request',
  'label.downgrade.approve',
  'data.ingest',
] as const;

export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** True when `value` is one of ACCESS_ACTIONS. */
export function isAccessAction(value: unknown): value is AccessAction {
  return typeof value === 'string' && (ACCESS_ACTIONS as readonly string[]).includes(value);
}

/** The role check that comes before any lookup: callers of any action (runs, ingest, synth, users, keys) use it. */
import { AssayError } from '../../errors/index.js';
import type { User } from '../identity/user.js';
import type { AccessAction } from './access-action.js';
import { authorize } from './authorize.js';

/**
 * Refuses up front, before any lookup, when no role of `user` allows `action`: the answer names no object.
 * Throws FORBIDDEN with the reason `authorize` gives.
 * @example requireRole(me, 'data.ingest'); // before reading any file or row
 */
export function requireRole(user: User, action: AccessAction): void {
  const d = authorize(user, action);
  if (!d.allowed) throw new AssayError('FORBIDDEN', `Not allowed: ${d.reason}.`, { hint: 'Ask an administrator for a role that allows it (assay users set).' });
}

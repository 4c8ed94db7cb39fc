/** The local CLI operator as a User: the OS account is the authentication on a single-operator install. */
import { localActor } from '../audit/local-actor.js';
import { normalizeClearance } from './clearance.js';
import type { Role } from './roles.js';
import type { User } from './user.js';

/** Options for the local operator: the clearance is the system-high label; roles default to admin. */
export interface LocalOperatorOptions {
  clearance: string;
  roles?: readonly Role[];
}

/**
 * The user `local:<os user>@<hostname>` (same id the audit log records for CLI actions).
 * @example const me = localOperator({ clearance: 'SECRET//NOFORN' });
 */
export function localOperator(options: LocalOperatorOptions): User {
  const id = localActor();
  return { id, name: id, roles: [...(options.roles ?? ['admin'])], clearance: normalizeClearance(options.clearance), disabled: false };
}

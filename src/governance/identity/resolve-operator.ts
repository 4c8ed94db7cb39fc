/** The local operator as stored (roles and clearance an admin set), or at the configured clearance. */
import { AssayError } from '../../errors/index.js';
import type { IdentityStore } from './identity-store.js';
import { localOperator } from './local-operator.js';
import { systemHigh } from './system-high.js';
import type { User } from './user.js';

/**
 * The local CLI operator `local:<os user>@<host>`. A stored user with that id supplies roles and clearance (and a
 * disabled one is refused); otherwise the clearance is `ASSAY_CLEARANCE`, else the system high
 * (`ASSAY_SYSTEM_HIGH`, default TOP SECRET//SI/TK//NOFORN), with the admin role.
 * @example const me = await resolveLocalOperator(identities); // local:ann@ws1, admin, TOP SECRET//SI/TK//NOFORN
 */
export async function resolveLocalOperator(identities: IdentityStore | undefined, env: NodeJS.ProcessEnv = process.env): Promise<User> {
  const fallback = localOperator({ clearance: env.ASSAY_CLEARANCE?.trim() || systemHigh(env) });
  const stored = await identities?.getUser(fallback.id);
  if (!stored) return fallback;
  if (stored.disabled) {
    throw new AssayError('UNAUTHENTICATED', `The local operator account "${stored.id}" is disabled.`, { hint: 'Ask an administrator to enable it (assay users set <id> --enable).' });
  }
  return stored;
}

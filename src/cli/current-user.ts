/**
 * Who is acting on the command line. Every core service that reads labelled objects takes this user, so the CLI obeys
 * the same access rules as the API.
 * - `ASSAY_USER` set: that stored user, signed in with `ASSAY_TOKEN` (an API token) or `ASSAY_PASSWORD`; any failure
 *   is UNAUTHENTICATED; both outcomes are audited as `login`.
 * - otherwise the local operator `local:<os user>@<host>`: a stored user with that id if there is one, else admin at
 *   `ASSAY_CLEARANCE`, default the system high (`ASSAY_SYSTEM_HIGH`, default TOP SECRET//SI/TK//NOFORN).
 */
import { AssayError } from '../errors/index.js';
import { openAuditLog } from '../governance/audit/open-audit-log.js';
import { KyselyIdentityStore } from '../governance/identity/kysely-identity-store.js';
import { resolveLocalOperator } from '../governance/identity/resolve-operator.js';
import { signIn, type Credential } from '../governance/identity/sign-in.js';
import type { User } from '../governance/identity/user.js';
import { KyselyStore } from '../store/kysely-store.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';

/** Options: the store the command already has open (else one is opened and closed here), and the environment. */
export interface CurrentUserOptions {
  store?: Store;
  env?: NodeJS.ProcessEnv;
}

function credential(env: NodeJS.ProcessEnv): Credential | undefined {
  if (env.ASSAY_TOKEN) return { token: env.ASSAY_TOKEN };
  if (env.ASSAY_PASSWORD) return { password: env.ASSAY_PASSWORD };
  return undefined;
}

export async function currentUser(options: CurrentUserOptions = {}): Promise<User> {
  const env = options.env ?? process.env;
  const store = options.store ?? (await openStore());
  try {
    const identities = store instanceof KyselyStore ? new KyselyIdentityStore({ db: store.db }) : undefined;
    const userId = env.ASSAY_USER?.trim();
    if (!userId) return await resolveLocalOperator(identities, env);
    if (!identities) throw new AssayError('UNAUTHENTICATED', `Sign-in failed for user "${userId}": this store keeps no users.`, { hint: 'Use the SQLite or PostgreSQL store (openStore), or unset ASSAY_USER.' });
    return await signIn({ userId, credential: credential(env), identities, audit: openAuditLog(store, { actor: userId }) });
  } finally {
    if (!options.store) await store.close();
  }
}

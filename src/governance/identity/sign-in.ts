/** Signing in as a stored user with an API token or a password (IA-2), with the attempt audited (AU-2 'login'). */
import { AssayError } from '../../errors/index.js';
import type { AuditLog } from '../audit/audit-log.js';
import { recordAudit } from '../audit/record-audit.js';
import type { AuthFailure, IdentityStore } from './identity-store.js';
import type { User } from './user.js';

/** A credential: exactly one of an API token or a password. Never logged, never stored, never in an error. */
export type Credential = { token: string } | { password: string };

/** What a sign-in needs: who, with what, where the users are, where to audit. */
export interface SignInOptions {
  userId: string;
  credential: Credential | undefined;
  identities: IdentityStore;
  audit?: AuditLog;
  signal?: AbortSignal;
}

/** Why a sign-in failed, as audited; the user only ever sees one generic message. */
type SignInFailure = AuthFailure | 'no-credential' | 'token-of-another-user';

/**
 * Authenticates `userId` with the credential; success and failure are both audited as `login` (the reason is in the
 * audit details, never in the error, so the error does not say whether the account exists).
 * Throws UNAUTHENTICATED on any failure.
 * @example const me = await signIn({ userId: 'ann', credential: { token: process.env.ASSAY_TOKEN! }, identities, audit });
 */
export async function signIn(options: SignInOptions): Promise<User> {
  const { userId, credential, identities } = options;
  const method = credential === undefined ? 'none' : 'token' in credential ? 'token' : 'password';
  let user: User | undefined;
  let reason: SignInFailure | undefined;
  if (credential === undefined) reason = 'no-credential';
  else if ('token' in credential) {
    const r = await identities.authenticateToken(credential.token, { signal: options.signal });
    if (!r.ok) reason = r.reason;
    else if (r.user.id !== userId) reason = 'token-of-another-user';
    else user = r.user;
  } else {
    const r = await identities.authenticatePassword(userId, credential.password, { signal: options.signal });
    if (r.ok) user = r.user;
    else reason = r.reason;
  }
  await recordAudit(options.audit, {
    action: 'login',
    actor: userId,
    outcome: user ? 'success' : 'failure',
    object: { type: 'user', id: userId, label: 'UNCLASSIFIED' },
    details: { method, ...(reason && { reason }) },
  }, { signal: options.signal });
  if (user) return user;
  throw new AssayError('UNAUTHENTICATED', `Sign-in failed for user "${userId}".`, {
    hint: reason === 'no-credential'
      ? 'ASSAY_USER is set: also set ASSAY_TOKEN (an API token) or ASSAY_PASSWORD, or unset ASSAY_USER to act as the local operator.'
      : 'Check ASSAY_USER and ASSAY_TOKEN or ASSAY_PASSWORD; ask an administrator for a new token (assay users token create) if yours has expired or was revoked.',
  });
}

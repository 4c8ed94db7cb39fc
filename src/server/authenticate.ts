/**
 * Who is calling (IA-2): a client certificate checked by TLS (mTLS, CAC-style: the certificate's CN names a stored
 * user), or a bearer token (an API token or a session token from POST /api/login). No credential, no access.
 */
import type { TLSSocket } from 'node:tls';
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { AssayError } from '../errors/index.js';
import { recordAudit } from '../governance/audit/record-audit.js';
import type { User } from '../governance/identity/user.js';
import type { ServerDeps } from './server-deps.js';

/** The one answer for every failed authentication: it never says whether the account exists. */
export const unauthenticated = () =>
  new AssayError('UNAUTHENTICATED', 'Authentication required: present a valid client certificate or an `Authorization: Bearer <token>` header.', {
    hint: 'Get a session token with POST /api/login {"user", "password"}, or an API token from an administrator (assay users token create).',
  });

/** Sockets whose certificate login was already audited (one entry per TLS connection, not per request). */
const auditedSockets = new WeakSet<object>();

/** Who a request is from, and the token it presented (absent for a client certificate). */
export interface Caller {
  user: User;
  tokenId?: string;
}

/** The authenticated caller of this request; throws UNAUTHENTICATED. */
export async function authenticate<E extends { Bindings: HttpBindings }>(c: Context<E>, deps: ServerDeps): Promise<Caller> {
  const header = c.req.header('authorization');
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw unauthenticated();
    const r = await deps.identities.authenticateToken(m[1]!);
    if (!r.ok) {
      await recordAudit(deps.audit, { action: 'login', actor: 'anonymous', outcome: 'failure', object: { type: 'user', id: '?', label: 'UNCLASSIFIED' }, details: { method: 'token', reason: r.reason } });
      throw unauthenticated();
    }
    return { user: r.user, tokenId: r.token.id };
  }
  const socket = c.env?.incoming?.socket as TLSSocket | undefined;
  if (socket?.encrypted && socket.authorized) {
    const cert = socket.getPeerCertificate();
    const cn = typeof cert.subject?.CN === 'string' ? cert.subject.CN : undefined;
    const user = cn ? await deps.identities.getUser(cn) : undefined;
    const first = !auditedSockets.has(socket);
    auditedSockets.add(socket);
    if (!user || user.disabled) {
      if (first) await recordAudit(deps.audit, { action: 'login', actor: cn ?? 'anonymous', outcome: 'failure', object: { type: 'user', id: cn ?? '?', label: 'UNCLASSIFIED' }, details: { method: 'mtls', reason: user ? 'disabled' : 'unknown-user', fingerprint: cert.fingerprint256 } });
      throw unauthenticated();
    }
    if (first) await recordAudit(deps.audit, { action: 'login', actor: user.id, outcome: 'success', object: { type: 'user', id: user.id, label: 'UNCLASSIFIED' }, details: { method: 'mtls', fingerprint: cert.fingerprint256 } });
    return { user };
  }
  throw unauthenticated();
}

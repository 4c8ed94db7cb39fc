/**
 * Who is acting on the command line. Every core service that reads labelled objects takes this user, so the CLI obeys
 * the same access rules as the API. (Provisional: the local operator at the clearance in ASSAY_CLEARANCE, default
 * system high; the identity work replaces the body, not the signature.)
 */
import { localOperator } from '../governance/identity/local-operator.js';
import type { User } from '../governance/identity/user.js';

export async function currentUser(): Promise<User> {
  return localOperator({ clearance: process.env.ASSAY_CLEARANCE ?? 'TOP SECRET//SI/TK//NOFORN' });
}

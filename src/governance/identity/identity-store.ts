/** The IdentityStore seam: users, password sign-in and API tokens (IA-2 identification and authentication, IA-5). */
import type { ApiToken } from './api-token.js';
import type { NewUser, User, UserPatch } from './user.js';

/** Every identity call takes it; a fired signal stops the call before it starts. */
export interface IdentityCallOptions {
  signal?: AbortSignal;
}

/** Why a sign-in failed; callers show users one generic message and audit the reason. */
export type AuthFailure = 'unknown-user' | 'disabled' | 'no-password' | 'wrong-password' | 'unknown-token' | 'expired' | 'revoked';

/** The outcome of a sign-in: the user, or why not. */
export type AuthResult = { ok: true; user: User } | { ok: false; reason: AuthFailure };

/** A token sign-in also names the token used. */
export type TokenAuthResult = { ok: true; user: User; token: ApiToken } | { ok: false; reason: AuthFailure };

/** Options for a new token. */
export interface IssueTokenOptions extends IdentityCallOptions {
  name?: string;
  /** Lifetime in milliseconds; default 90 days. Tokens always expire. */
  ttlMs?: number;
}

/** Users and their credentials; see kysely-identity-store.ts. */
export interface IdentityStore {
  /** Adds a user (checked by toUser); CONFIG_INVALID on bad input or a taken id. */
  createUser(input: NewUser, options?: IdentityCallOptions): Promise<User>;
  /** The user, or undefined. */
  getUser(id: string, options?: IdentityCallOptions): Promise<User | undefined>;
  /** Every user, by id. */
  listUsers(options?: IdentityCallOptions): Promise<User[]>;
  /** Changes name, roles, clearance or disabled; NOT_FOUND for an unknown id. */
  updateUser(id: string, patch: UserPatch, options?: IdentityCallOptions): Promise<User>;
  /** Sets (or replaces) the password, hashed with scrypt; NOT_FOUND for an unknown id. */
  setPassword(id: string, password: string, options?: IdentityCallOptions): Promise<void>;
  /** Checks a password; rehashes it when the stored parameters are weaker than the current ones. */
  authenticatePassword(id: string, password: string, options?: IdentityCallOptions): Promise<AuthResult>;
  /** Issues a token: the secret is in the result and nowhere else. NOT_FOUND for an unknown user. */
  issueToken(userId: string, options?: IssueTokenOptions): Promise<{ token: string; record: ApiToken }>;
  /** Checks a token and records its last use. */
  authenticateToken(token: string, options?: IdentityCallOptions): Promise<TokenAuthResult>;
  /** Revokes a token by id; false when there was no such live token. */
  revokeToken(id: string, options?: IdentityCallOptions): Promise<boolean>;
  /** A user's tokens, newest first, without secrets. */
  listTokens(userId: string, options?: IdentityCallOptions): Promise<ApiToken[]>;
}

/**
 * Account management (AC-2) as a core service: only `users.admin` may change accounts, nobody grants a clearance they
 * do not hold, and every change is audited as `permission.change` (never with a password or token in it).
 */
import { AssayError } from '../../errors/index.js';
import { dominates } from '../../markings/index.js';
import type { AuditLog } from '../audit/audit-log.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ApiToken } from '../identity/api-token.js';
import { normalizeClearance } from '../identity/clearance.js';
import type { IdentityStore } from '../identity/identity-store.js';
import type { NewUser, User, UserPatch } from '../identity/user.js';
import { requireRole } from './require-role.js';

/** What every admin call needs: the acting admin, the users, the audit log. */
export interface UserAdminContext {
  by: User;
  identities: IdentityStore;
  audit?: AuditLog;
  signal?: AbortSignal;
}

function noteGrant(by: User, clearance: string | undefined): void {
  if (clearance === undefined) return;
  const c = normalizeClearance(clearance);
  if (!dominates(by.clearance, c)) {
    throw new AssayError('FORBIDDEN', `${by.id} (cleared ${by.clearance}) cannot grant the clearance ${c}.`, { hint: 'An administrator cleared at least that high must grant it.' });
  }
}

async function audited(ctx: UserAdminContext, verb: string, userId: string, details: Record<string, unknown> = {}): Promise<void> {
  await recordAudit(ctx.audit, { action: 'permission.change', actor: ctx.by.id, object: { type: 'user', id: userId, label: 'UNCLASSIFIED' }, details: { verb, ...details } }, { signal: ctx.signal });
}

function found<T>(value: T | undefined, id: string): T {
  if (value === undefined) throw new AssayError('NOT_FOUND', `No user with id "${id}".`, { hint: 'List users with `assay users list`.' });
  return value;
}

/** Adds a user, optionally with a password. @example await addUser(ctx, { id: 'ann', name: 'Ann', roles: ['viewer'], clearance: 'SECRET' }) */
export async function addUser(ctx: UserAdminContext, input: NewUser, password?: string): Promise<User> {
  requireRole(ctx.by, 'users.admin');
  noteGrant(ctx.by, input.clearance);
  const user = await ctx.identities.createUser(input, ctx);
  if (password !== undefined) await ctx.identities.setPassword(user.id, password, ctx);
  await audited(ctx, 'add', user.id, { roles: [...user.roles], clearance: user.clearance, password: password !== undefined });
  return user;
}

/** Every user. */
export async function listUsers(ctx: UserAdminContext): Promise<User[]> {
  requireRole(ctx.by, 'users.admin');
  return ctx.identities.listUsers(ctx);
}

/** One user with their tokens (never the secrets). */
export async function showUser(ctx: UserAdminContext, id: string): Promise<{ user: User; tokens: ApiToken[] }> {
  requireRole(ctx.by, 'users.admin');
  const user = found(await ctx.identities.getUser(id, ctx), id);
  return { user, tokens: await ctx.identities.listTokens(id, ctx) };
}

/** Changes name, roles, clearance or enabled state. */
export async function setUser(ctx: UserAdminContext, id: string, patch: UserPatch): Promise<User> {
  requireRole(ctx.by, 'users.admin');
  noteGrant(ctx.by, patch.clearance);
  found(await ctx.identities.getUser(id, ctx), id);
  const user = await ctx.identities.updateUser(id, patch, ctx);
  await audited(ctx, 'set', id, { ...(patch.roles && { roles: [...user.roles] }), ...(patch.clearance && { clearance: user.clearance }), ...(patch.name && { name: user.name }), ...(patch.disabled !== undefined && { disabled: patch.disabled }) });
  return user;
}

/** Sets a new password (hashed with scrypt). */
export async function setUserPassword(ctx: UserAdminContext, id: string, password: string): Promise<void> {
  requireRole(ctx.by, 'users.admin');
  found(await ctx.identities.getUser(id, ctx), id);
  await ctx.identities.setPassword(id, password, ctx);
  await audited(ctx, 'passwd', id);
}

/** Issues an API token; the secret is in the result only. */
export async function createUserToken(ctx: UserAdminContext, id: string, options: { name?: string; ttlMs?: number } = {}): Promise<{ token: string; record: ApiToken }> {
  requireRole(ctx.by, 'users.admin');
  found(await ctx.identities.getUser(id, ctx), id);
  const issued = await ctx.identities.issueToken(id, { ...options, signal: ctx.signal });
  await audited(ctx, 'token.create', id, { tokenId: issued.record.id, expiresAt: issued.record.expiresAt });
  return issued;
}

/** Revokes a token by id; NOT_FOUND when there is no live token with that id. */
export async function revokeUserToken(ctx: UserAdminContext, tokenId: string): Promise<void> {
  requireRole(ctx.by, 'users.admin');
  if (!(await ctx.identities.revokeToken(tokenId, ctx))) throw new AssayError('NOT_FOUND', `No live token with id "${tokenId}".`, { hint: 'See the ids with `assay users show <user>`.' });
  await audited(ctx, 'token.revoke', '*', { tokenId });
}

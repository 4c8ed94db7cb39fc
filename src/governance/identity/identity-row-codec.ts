/** Rows of the identity tables to domain objects and back. */
import type { Selectable } from 'kysely';
import type { ApiToken } from './api-token.js';
import type { ApiTokensTable, UsersTable } from './identity-tables.js';
import { isRole, ROLES } from './roles.js';
import type { User } from './user.js';

/** A user row to a User; unknown role names (from a newer version) are dropped, never granted. */
export function rowToUser(row: Pick<Selectable<UsersTable>, 'id' | 'name' | 'roles' | 'clearance' | 'disabled'>): User {
  const raw: unknown = JSON.parse(row.roles);
  const names = Array.isArray(raw) ? raw.filter(isRole) : [];
  return { id: row.id, name: row.name, roles: ROLES.filter((r) => names.includes(r)), clearance: row.clearance, disabled: Number(row.disabled) !== 0 };
}

/** A token row to an ApiToken (the hash stays behind). */
export function rowToToken(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

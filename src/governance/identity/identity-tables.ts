/** Kysely types of the identity tables (migration 0003), added to the Store's db with `withTables`. */
import type { Generated } from 'kysely';

/** One user; `roles` is a JSON array of role names; `label` is the label of the account record itself. */
export interface UsersTable {
  id: string;
  name: string;
  /** JSON text. */
  roles: string;
  clearance: string;
  /** 0 or 1 on both dialects. */
  disabled: number;
  /** `$scrypt$…`, or null when the user signs in only with tokens. */
  password_hash: string | null;
  created_at: string;
  updated_at: string;
  label: Generated<string>;
}

/** One API token: its SHA-256 only, never the secret. */
export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  label: Generated<string>;
}

/** The identity tables as Kysely sees them (a type alias: `withTables` needs an index-compatible type). */
export type IdentityTables = {
  users: UsersTable;
  api_tokens: ApiTokensTable;
};

/** Identity: users with roles and clearances, scrypt passwords, hashed API tokens, the local operator. */
export { generateToken, hashToken, TOKEN_PREFIX, type ApiToken } from './api-token.js';
export { normalizeClearance } from './clearance.js';
export type { AuthFailure, AuthResult, IdentityCallOptions, IdentityStore, IssueTokenOptions, TokenAuthResult } from './identity-store.js';
export type { ApiTokensTable, IdentityTables, UsersTable } from './identity-tables.js';
export { KyselyIdentityStore, type KyselyIdentityStoreOptions } from './kysely-identity-store.js';
export { localOperator, type LocalOperatorOptions } from './local-operator.js';
export { resolveLocalOperator } from './resolve-operator.js';
export { signIn, type Credential, type SignInOptions } from './sign-in.js';
export { DEFAULT_SYSTEM_HIGH, systemHigh } from './system-high.js';
export { hashPassword, needsRehash, SCRYPT_DEFAULTS, verifyPassword, type ScryptParams } from './password-hash.js';
export { isRole, ROLES, type Role } from './roles.js';
export { NEW_USER_SCHEMA, toUser, type NewUser, type User, type UserPatch } from './user.js';

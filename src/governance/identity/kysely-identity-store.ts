/** The IdentityStore over the Store's Kysely db: one implementation for SQLite and PostgreSQL. */
import type { Kysely } from 'kysely';
import { AssayError } from '../../errors/index.js';
import type { Database } from '../../store/schema.js';
import { throwIfAborted, toStoreFailure } from '../../store/store-failure.js';
import { generateToken, hashToken, sameHash, type ApiToken } from './api-token.js';
import type { IdentityTables } from './identity-tables.js';
import { rowToToken, rowToUser } from './identity-row-codec.js';
import type { AuthResult, IdentityCallOptions, IdentityStore, IssueTokenOptions, TokenAuthResult } from './identity-store.js';
import { hashPassword, needsRehash, verifyPassword } from './password-hash.js';
import { toUser, type NewUser, type User, type UserPatch } from './user.js';

type IdentityDb = Kysely<Database & IdentityTables>;

/** Default token lifetime: 90 days. */
const DEFAULT_TTL_MS = 90 * 24 * 3600 * 1000;

export interface KyselyIdentityStoreOptions {
  /** The Store's Kysely instance (`KyselyStore.db`), migrated to 0003 or later. */
  db: Kysely<Database>;
  /** The clock, for expiry; default `() => new Date()`. */
  now?: () => Date;
}

/** Users and credentials in the `users` and `api_tokens` tables. */
export class KyselyIdentityStore implements IdentityStore {
  readonly #db: IdentityDb;
  readonly #now: () => Date;
  /** A real hash to verify against when the user is unknown, so the answer takes as long either way. */
  #dummy: Promise<string> | undefined;

  constructor(options: KyselyIdentityStoreOptions) {
    this.#db = options.db.withTables<IdentityTables>();
    this.#now = options.now ?? (() => new Date());
  }

  async #do<T>(operation: string, options: IdentityCallOptions | undefined, fn: () => Promise<T>): Promise<T> {
    throwIfAborted(options?.signal);
    try {
      return await fn();
    } catch (err) {
      throw toStoreFailure(operation, err);
    }
  }

  async createUser(input: NewUser, options?: IdentityCallOptions): Promise<User> {
    const user = toUser(input);
    const at = this.#now().toISOString();
    return this.#do(`create user ${user.id}`, options, async () => {
      try {
        await this.#db
          .insertInto('users')
          .values({ id: user.id, name: user.name, roles: JSON.stringify(user.roles), clearance: user.clearance, disabled: user.disabled ? 1 : 0, password_hash: null, created_at: at, updated_at: at })
          .execute();
      } catch (err) {
        if (await this.getUser(user.id)) {
          throw new AssayError('CONFIG_INVALID', `A user with id "${user.id}" already exists.`, { where: { field: 'id' }, hint: 'Pick another id, or update the existing user.' });
        }
        throw err;
      }
      return user;
    });
  }

  async getUser(id: string, options?: IdentityCallOptions): Promise<User | undefined> {
    return this.#do(`read user ${id}`, options, async () => {
      const row = await this.#db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && rowToUser(row);
    });
  }

  async listUsers(options?: IdentityCallOptions): Promise<User[]> {
    return this.#do('list users', options, async () => (await this.#db.selectFrom('users').selectAll().orderBy('id').execute()).map(rowToUser));
  }

  async updateUser(id: string, patch: UserPatch, options?: IdentityCallOptions): Promise<User> {
    const current = await this.#require(id, options);
    const next = toUser({ ...current, ...patch, roles: [...(patch.roles ?? current.roles)] });
    await this.#do(`update user ${id}`, options, () =>
      this.#db
        .updateTable('users')
        .set({ name: next.name, roles: JSON.stringify(next.roles), clearance: next.clearance, disabled: next.disabled ? 1 : 0, updated_at: this.#now().toISOString() })
        .where('id', '=', id)
        .execute(),
    );
    return next;
  }

  async setPassword(id: string, password: string, options?: IdentityCallOptions): Promise<void> {
    await this.#require(id, options);
    if (password.length < 12) {
      throw new AssayError('CONFIG_INVALID', 'The password is shorter than 12 characters.', { where: { field: 'password' }, hint: 'Use a passphrase of 12 characters or more.' });
    }
    const hash = await hashPassword(password);
    await this.#savePasswordHash(id, hash, options);
  }

  async authenticatePassword(id: string, password: string, options?: IdentityCallOptions): Promise<AuthResult> {
    const row = await this.#do(`read user ${id}`, options, () => this.#db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst());
    if (!row?.password_hash) {
      await verifyPassword(password, await (this.#dummy ??= hashPassword('not a password')));
      return { ok: false, reason: row ? 'no-password' : 'unknown-user' };
    }
    if (!(await verifyPassword(password, row.password_hash))) return { ok: false, reason: 'wrong-password' };
    const user = rowToUser(row);
    if (user.disabled) return { ok: false, reason: 'disabled' };
    if (needsRehash(row.password_hash)) await this.#savePasswordHash(id, await hashPassword(password), options);
    return { ok: true, user };
  }

  async issueToken(userId: string, options: IssueTokenOptions = {}): Promise<{ token: string; record: ApiToken }> {
    await this.#require(userId, options);
    const ttl = options.ttlMs ?? DEFAULT_TTL_MS;
    if (!(ttl > 0)) throw new AssayError('CONFIG_INVALID', `Token lifetime must be positive (got ${ttl} ms).`, { hint: 'Pass ttlMs > 0.' });
    const { id, token, hash } = generateToken();
    const now = this.#now();
    const record: ApiToken = { id, userId, name: options.name ?? '', createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + ttl).toISOString(), lastUsedAt: null, revokedAt: null };
    await this.#do(`issue a token for ${userId}`, options, () =>
      this.#db
        .insertInto('api_tokens')
        .values({ id, user_id: userId, name: record.name, token_hash: hash, created_at: record.createdAt, expires_at: record.expiresAt, last_used_at: null, revoked_at: null })
        .execute(),
    );
    return { token, record };
  }

  async authenticateToken(token: string, options?: IdentityCallOptions): Promise<TokenAuthResult> {
    const hash = hashToken(token);
    const row = await this.#do('read a token', options, () => this.#db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst());
    if (!row || !sameHash(row.token_hash, hash)) return { ok: false, reason: 'unknown-token' };
    if (row.revoked_at !== null) return { ok: false, reason: 'revoked' };
    const now = this.#now();
    if (now.getTime() >= Date.parse(row.expires_at)) return { ok: false, reason: 'expired' };
    const user = await this.getUser(row.user_id, options);
    if (!user) return { ok: false, reason: 'unknown-user' };
    if (user.disabled) return { ok: false, reason: 'disabled' };
    const lastUsedAt = now.toISOString();
    await this.#do('record token use', options, () => this.#db.updateTable('api_tokens').set({ last_used_at: lastUsedAt }).where('id', '=', row.id).execute());
    return { ok: true, user, token: { ...rowToToken(row), lastUsedAt } };
  }

  async revokeToken(id: string, options?: IdentityCallOptions): Promise<boolean> {
    return this.#do(`revoke token ${id}`, options, async () => {
      const r = await this.#db.updateTable('api_tokens').set({ revoked_at: this.#now().toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    });
  }

  async listTokens(userId: string, options?: IdentityCallOptions): Promise<ApiToken[]> {
    return this.#do(`list tokens of ${userId}`, options, async () =>
      (await this.#db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').execute()).map(rowToToken),
    );
  }

  async #require(id: string, options: IdentityCallOptions | undefined): Promise<User> {
    const user = await this.getUser(id, options);
    if (!user) throw new AssayError('NOT_FOUND', `No user with id "${id}".`, { hint: 'Check the id (listUsers shows them all), or create the user first.' });
    return user;
  }

  async #savePasswordHash(id: string, hash: string, options: IdentityCallOptions | undefined): Promise<void> {
    await this.#do(`set the password of ${id}`, options, () => this.#db.updateTable('users').set({ password_hash: hash, updated_at: this.#now().toISOString() }).where('id', '=', id).execute());
  }
}

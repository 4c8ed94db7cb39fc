/** Migration 0003: users and API tokens (hashes only), each row with a security label. */
import type { Kysely, Migration } from 'kysely';

/** Frozen here on purpose: a migration must never change when a constant elsewhere does. */
const UNCLASSIFIED = 'UNCLASSIFIED';

/** Creates users (roles as JSON text, clearance as a banner marking) and api_tokens (SHA-256 of each token). */
export const identityMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('users')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('roles', 'text', (c) => c.notNull())
      .addColumn('clearance', 'text', (c) => c.notNull())
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('password_hash', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull().defaultTo(UNCLASSIFIED))
      .execute();

    await db.schema
      .createTable('api_tokens')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .addColumn('label', 'text', (c) => c.notNull().defaultTo(UNCLASSIFIED))
      .execute();
    await db.schema.createIndex('api_tokens_user_idx').ifNotExists().on('api_tokens').column('user_id').execute();
  },
};

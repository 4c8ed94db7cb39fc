/** Builds the PostgreSQL store: a pg Pool behind Kysely, optionally confined to one schema. */
import { userInfo } from 'node:os';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { AssayError } from '../../errors/index.js';
import type { FieldCipher } from '../../governance/crypto/field-cipher.js';
import { KyselyStore } from '../kysely-store.js';
import type { Database } from '../schema.js';

/** Connections per process: enough to overlap many sample saves without crowding a shared server. */
const POOL_SIZE = 10;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export interface PostgresStoreOptions {
  url: string;
  /** Schema for all tables; created if missing and put alone on the search_path. */
  schema?: string;
  /** Seals the store's encrypted columns; default NO_KEY_CIPHER (see KyselyStore). */
  cipher?: FieldCipher;
}

/**
 * Connects, creates the schema when one is given, and finds the schema the tables live in;
 * does not migrate. Throws the driver's error when the server cannot be reached.
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<KyselyStore> {
  const { schema } = options;
  if (schema !== undefined && !IDENTIFIER.test(schema)) {
    throw new AssayError('STORE_FAILURE', `Invalid PostgreSQL schema name "${schema}".`, {
      hint: 'Use letters, digits and underscores only, starting with a letter or underscore.',
    });
  }
  const pool = new pg.Pool({ connectionString: withDefaultUser(options.url), max: POOL_SIZE });
  // An idle connection that drops (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const dialect = new PostgresDialect({
    pool,
    onCreateConnection: async (connection) => {
      if (schema !== undefined) await connection.executeQuery(CompiledQuery.raw(`set search_path to "${schema}"`));
    },
  });
  const db = new Kysely<Database>({ dialect });
  try {
    if (schema !== undefined) await db.schema.createSchema(schema).ifNotExists().execute();
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    return new KyselyStore({ db, dialect: 'postgres', schema: rows[0]?.schema ?? undefined, cipher: options.cipher });
  } catch (err) {
    await db.destroy();
    throw err;
  }
}

/**
 * libpq falls back to the login name when a URL names no user; pg falls back to $USER, which
 * services and containers often lack. Fill in the login name in that case.
 */
function withDefaultUser(url: string): string {
  if (process.env.PGUSER || process.env.USER) return url;
  try {
    const parsed = new URL(url);
    if (parsed.username || !parsed.hostname) return url;
    parsed.username = userInfo().username;
    return parsed.toString();
  } catch {
    return url;
  }
}

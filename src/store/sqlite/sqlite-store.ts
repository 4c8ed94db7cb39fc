/** Builds the SQLite store: one better-sqlite3 connection in WAL mode, behind Kysely. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { FieldCipher } from '../../governance/crypto/field-cipher.js';
import { KyselyStore } from '../kysely-store.js';
import type { Database } from '../schema.js';

/**
 * Opens (creating if needed) the database file and its folder; does not migrate.
 * WAL lets readers run beside the writer; synchronous=NORMAL is crash-safe in WAL mode (a power
 * cut may lose the last commits, never corrupt); foreign keys make scores and calls cascade.
 */
export function createSqliteStore(options: { path: string; cipher?: FieldCipher }): KyselyStore {
  mkdirSync(dirname(options.path), { recursive: true });
  const database = new BetterSqlite3(options.path);
  try {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 5000');
    database.pragma('foreign_keys = ON');
  } catch (err) {
    database.close();
    throw err;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return new KyselyStore({ db, dialect: 'sqlite', cipher: options.cipher });
}

/** Prepared statements kept per SQL text; a store issues few distinct statements. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query afresh; reusing the prepared statement saves a parse per query on
 * the hot path (sample saves). Safe because the driver runs one query at a time on this connection.
 */
function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare: (sql) => {
      let statement = cache.get(sql);
      if (statement === undefined) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        statement = database.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

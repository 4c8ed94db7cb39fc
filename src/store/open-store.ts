/** Opens the configured store (SQLite under ASSAY_HOME, or PostgreSQL at ASSAY_DATABASE_URL) and migrates it. */
import { join } from 'node:path';
import { AssayError } from '../errors/index.js';
import { keyringCipher, type FieldCipher } from '../governance/crypto/field-cipher.js';
import { openKeyringSource, type KeyringSource } from '../governance/crypto/keyring-source.js';
import type { KyselyStore } from './kysely-store.js';
import { createPostgresStore } from './postgres/postgres-store.js';
import { redactSecret, redactUrl } from './redact-url.js';
import { createSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** Folder for the SQLite file; default `$ASSAY_HOME`, else `./.assay`. */
  home?: string;
  /**
   * PostgreSQL URL; default `$ASSAY_DATABASE_URL`. When set, PostgreSQL is used instead of SQLite;
   * an empty string forces SQLite whatever the environment says.
   */
  databaseUrl?: string;
  /** PostgreSQL schema to use (created if missing); default the server's search_path. */
  schema?: string;
  /**
   * Seals transcript-bearing columns at rest. Default: the master keyring from `ASSAY_MASTER_KEY`, else
   * `$ASSAY_MASTER_KEY_FILE`, else `<home>/keys/master.key` (created 0600 on first use), followed across rotations.
   */
  cipher?: FieldCipher;
}

/**
 * Opens the store and applies pending migrations; failures are AssayError STORE_FAILURE with a hint.
 * @example
 * const store = await openStore(); // ./.assay/assay.db
 * const pgStore = await openStore({ databaseUrl: 'postgres://assay@127.0.0.1:5432/assay' });
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const url = options.databaseUrl ?? process.env.ASSAY_DATABASE_URL;
  const home = options.home ?? process.env.ASSAY_HOME ?? './.assay';
  const cipher = storeCipher(options.cipher, home);
  return url ? openPostgres(url, options.schema, cipher) : openSqlite(home, cipher);
}

/** A cipher whose keyring is loaded by `load()` (after the database opened, so database errors are reported first). */
interface PendingCipher {
  cipher: FieldCipher;
  load(): void;
}

/**
 * The given cipher, or one over the keyring source of `home` (the keyring lives with the Assay home even when the
 * data is in PostgreSQL), opened on first use and then followed across rotations.
 */
function storeCipher(given: FieldCipher | undefined, home: string): PendingCipher {
  if (given) return { cipher: given, load: () => undefined };
  let source: KeyringSource | undefined;
  const keyring = () => (source ??= openKeyringSource({ home })).keyring();
  return { cipher: keyringCipher(keyring), load: () => void keyring() };
}

async function openSqlite(home: string, pending: PendingCipher): Promise<Store> {
  const path = join(home, 'assay.db');
  let store: KyselyStore | undefined;
  try {
    store = createSqliteStore({ path, cipher: pending.cipher });
    await store.migrate();
    pending.load(); // a missing, unreadable or invalid key file fails the open (CONFIG_INVALID), not the first save
    return store;
  } catch (err) {
    await store?.close().catch(() => undefined);
    throw failure(`Could not open the SQLite store at ${path}`, err, {
      hint: 'Check that ASSAY_HOME (or --home) points to a writable folder with free space.',
    });
  }
}

async function openPostgres(url: string, schema: string | undefined, pending: PendingCipher): Promise<Store> {
  const shown = redactUrl(url);
  let store: KyselyStore | undefined;
  try {
    store = await createPostgresStore({ url, schema, cipher: pending.cipher });
    await store.migrate();
    pending.load();
    return store;
  } catch (err) {
    await store?.close().catch(() => undefined);
    throw failure(`Could not open the PostgreSQL store at ${shown}`, err, {
      hint:
        'Check that PostgreSQL is running and reachable, and that ASSAY_DATABASE_URL has the right ' +
        'host, port, database, user and password.',
      secret: passwordOf(url),
    });
  }
}

function failure(what: string, err: unknown, options: { hint: string; secret?: string }): AssayError {
  if (err instanceof AssayError && err.code !== 'STORE_FAILURE') return err;
  const message = redactSecret(describe(err), options.secret);
  // A hint from deeper down (a bad schema name, a failed migration) is more specific than ours.
  const hint = err instanceof AssayError && err.hint ? err.hint : options.hint;
  return new AssayError('STORE_FAILURE', `${what}: ${message}`, { cause: err, hint });
}

/** The driver's message; a connect to several addresses fails with an AggregateError without one. */
function describe(err: unknown): string {
  if (err instanceof AggregateError && !err.message) return err.errors.map(describe).join('; ');
  return err instanceof Error ? err.message : String(err);
}

function passwordOf(url: string): string | undefined {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password || undefined;
  } catch {
    return undefined;
  }
}

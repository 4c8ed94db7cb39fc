/** The Kysely database behind a Store (or a Kysely instance passed as is), for the data engine's tables. */
import { Kysely } from 'kysely';
import { AssayError } from '../../errors/index.js';
import { KyselyStore } from '../../store/kysely-store.js';
import type { Database } from '../../store/schema.js';
import type { Store } from '../../store/store.js';

/** A store opened with openStore(), or its `db`. */
export type DatabaseSource = Store | Kysely<Database>;

/** `source.db` for a SQL store, `source` itself for a Kysely instance; INTERNAL for any other Store. */
export function storeDb(source: DatabaseSource): Kysely<Database> {
  if (source instanceof Kysely) return source;
  if (source instanceof KyselyStore) return source.db;
  throw new AssayError('INTERNAL', 'Datasets need a SQL store (SQLite or PostgreSQL).', { hint: 'Open the store with openStore().' });
}

/** Applies pending migrations with Kysely's Migrator and the in-code migration map. */
import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { AssayError } from '../../errors/index.js';
import type { Database } from '../schema.js';
import { retryOnConcurrentDdl } from '../concurrent-ddl.js';
import { MIGRATIONS } from './migrations.js';

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

/**
 * Brings the database to the latest migration; a no-op when it is already there.
 * `schema` pins Kysely's bookkeeping tables to one PostgreSQL schema (its existence check
 * otherwise matches a table of the same name in any schema).
 */
export async function migrateToLatest(db: Kysely<Database>, options: { schema?: string } = {}): Promise<void> {
  const migrator = new Migrator({ db, provider, migrationTableSchema: options.schema });
  // Only a failure before any migration ran (the migrator's own catalog look-ups) is retried: a migration that
  // failed has rolled back and reports itself in `results`.
  const { error, results } = await retryOnConcurrentDdl(
    () => migrator.migrateToLatest(),
    (r) => (r.error !== undefined && !r.results?.some((x) => x.status === 'Error') ? r.error : undefined),
  );
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const message = error instanceof Error ? error.message : String(error);
    throw new AssayError('STORE_FAILURE', `Database migration${failed ? ` ${failed}` : ''} failed: ${message}`, {
      cause: error,
      hint: 'Check that the database is reachable and writable and was not changed by hand; then run again.',
    });
  }
}

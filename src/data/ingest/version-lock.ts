/**
 * Serialises version creation per dataset, so two ingests into one dataset at the same time both make a version (the
 * later one holding both batches) instead of one failing on the version key.
 * PostgreSQL: a transaction-scoped advisory lock on the dataset name, taken first in the version transaction; the other
 * ingest waits for it and then reads the committed version. SQLite: one connection per store, and a Kysely transaction
 * holds it, so versions made through one store never interleave; writers in other processes are caught by retrying on
 * busy or on the version-key conflict (see `isVersionConflict`).
 */
import { PostgresAdapter, sql } from 'kysely';
import type { DatasetDb } from '../dataset/dataset-tables.js';

/** Namespaces the advisory-lock key, so it cannot collide with a lock another feature takes on a bare name. */
const LOCK_PREFIX = 'assay.ds_versions:';

/** How often version creation is tried before its failure is reported. */
export const VERSION_ATTEMPTS = 5;

/** Takes the per-dataset version lock inside transaction `tx` (PostgreSQL); released at commit or rollback. */
export async function lockDatasetVersions(tx: DatasetDb, dataset: string): Promise<void> {
  if (!(tx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_advisory_xact_lock(hashtext(${LOCK_PREFIX + dataset}))`.execute(tx);
}

/** SQLite busy/locked or a key conflict (both engines): another writer got there first; build the version again. */
export function isVersionConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code.startsWith('SQLITE_CONSTRAINT_PRIMARYKEY') || code === '23505' || code === '40001' || code === '40P01';
}

/** A short randomised pause before attempt `attempt + 1`, so two retrying writers do not collide again. */
export function retryPause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.floor(Math.random() * 30)));
}

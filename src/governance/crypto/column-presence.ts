/** Which registered encrypted columns exist in a database (a registry may list tables of migrations not yet applied). */
import { sql, type Kysely } from 'kysely';
import { retryOnConcurrentDdl } from '../../store/concurrent-ddl.js';
import type { EncryptedColumn } from './encrypted-columns.js';

/** The columns of `columns` whose table and column (and row-id columns) exist in the store's schema. */
export async function presentColumns<DB>(db: Kysely<DB>, columns: readonly EncryptedColumn[]): Promise<{ present: EncryptedColumn[]; missing: EncryptedColumn[] }> {
  const tables = await retryOnConcurrentDdl(() => db.introspection.getTables());
  // PostgreSQL lists every schema's tables: keep the store's own (its search_path), like the store does.
  const postgres = tables.some((t) => t.schema !== undefined);
  const schema = postgres ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  const byName = new Map(tables.filter((t) => !postgres || t.schema === schema).map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));
  const present: EncryptedColumn[] = [];
  const missing: EncryptedColumn[] = [];
  for (const c of columns) {
    const cols = byName.get(c.table);
    (cols && [c.column, ...c.rowId].every((name) => cols.has(name)) ? present : missing).push(c);
  }
  return { present, missing };
}

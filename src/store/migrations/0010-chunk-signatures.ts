/**
 * Migration 0010: each chunk keeps its dedup key (exact content hash + MinHash signature), written with the chunk, so a
 * new dataset version dedups carried-over chunks without decrypting and re-shingling their text. The column is sealed
 * like `ds_chunks.text` (see ENCRYPTED_COLUMNS): the hash and the shingle signature are unkeyed functions of the text,
 * so anyone who reads them could confirm a guessed sentence. NULL for rows written before this migration (ingest then
 * computes the key from the text).
 */
import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

/** Adds the nullable `ds_chunks.dedup_key` column (sealed text). */
export const chunkSignaturesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // Safe to run again after a crash: PostgreSQL says `if not exists`; SQLite has no such clause, so look first.
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      await sql`alter table ds_chunks add column if not exists dedup_key text`.execute(db);
      return;
    }
    const { rows } = await sql<{ name: string }>`select name from pragma_table_info('ds_chunks')`.execute(db);
    if (rows.some((c) => c.name === 'dedup_key')) return;
    await db.schema.alterTable('ds_chunks').addColumn('dedup_key', 'text').execute();
  },
};

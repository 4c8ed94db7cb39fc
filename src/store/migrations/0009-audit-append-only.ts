/**
 * Migration 0009: the audit tables refuse UPDATE, DELETE (and, on PostgreSQL, TRUNCATE) at the database, so no code
 * path and no careless operator can change history through SQL. Someone who owns the database file or the server can
 * still drop the triggers; the hash chain, signed checkpoints and the head anchor catch what they then change.
 */
import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

const TABLES = ['audit_log', 'audit_checkpoints'] as const;

export const auditAppendOnlyMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      await sql`create or replace function assay_audit_append_only() returns trigger language plpgsql as $$
        begin raise exception 'the % table is append-only (audit history cannot be changed)', tg_table_name; end $$`.execute(db);
      for (const t of TABLES) {
        await sql.raw(`create trigger ${t}_no_change before update or delete on ${t} for each row execute function assay_audit_append_only()`).execute(db);
        await sql.raw(`create trigger ${t}_no_truncate before truncate on ${t} for each statement execute function assay_audit_append_only()`).execute(db);
      }
      return;
    }
    for (const t of TABLES) {
      for (const op of ['update', 'delete']) {
        await sql
          .raw(`create trigger if not exists ${t}_no_${op} before ${op} on ${t} begin select raise(abort, 'the ${t} table is append-only (audit history cannot be changed)'); end`)
          .execute(db);
      }
    }
  },
};

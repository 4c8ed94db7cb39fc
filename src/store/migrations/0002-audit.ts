/** Migration 0002: the append-only audit log and its signed checkpoints, each row with a security label. */
import type { Kysely, Migration } from 'kysely';

/** Frozen here on purpose: a migration must never change when a constant elsewhere does. */
const UNCLASSIFIED = 'UNCLASSIFIED';

/** Creates audit_log (one hash-chained entry per seq) and audit_checkpoints (one signature per seq). */
export const auditMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // The primary key on seq is what keeps the chain from forking: two writers that read the same
    // head both try to insert seq n+1, and exactly one succeeds.
    await db.schema
      .createTable('audit_log')
      .ifNotExists()
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('time', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('object_type', 'text', (c) => c.notNull())
      .addColumn('object_id', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull().defaultTo(UNCLASSIFIED))
      .execute();
    await db.schema.createIndex('audit_log_action_idx').ifNotExists().on('audit_log').columns(['action', 'time']).execute();

    await db.schema
      .createTable('audit_checkpoints')
      .ifNotExists()
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('time', 'text', (c) => c.notNull())
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull().defaultTo(UNCLASSIFIED))
      .execute();
  },
};

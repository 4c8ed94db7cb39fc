/** Migration 0006: synthesised question–answer sets and their items (question and answer sealed at rest). */
import type { Kysely, Migration } from 'kysely';

/** Frozen here on purpose: a migration must never change when a constant elsewhere does. */
const UNCLASSIFIED = 'UNCLASSIFIED';

/** Creates synth_sets (one per `assay dataset synth`) and synth_items (kept and rejected, with the reason). */
export const synthMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('synth_sets')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dataset', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('stats', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull().defaultTo(UNCLASSIFIED))
      .execute();
    await db.schema.createIndex('synth_sets_dataset_idx').ifNotExists().on('synth_sets').columns(['dataset', 'version']).execute();

    await db.schema
      .createTable('synth_items')
      .ifNotExists()
      .addColumn('set_id', 'text', (c) => c.notNull().references('synth_sets.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('ord', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('answer', 'text', (c) => c.notNull())
      .addColumn('citations', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('metadata', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull().defaultTo(UNCLASSIFIED))
      .addPrimaryKeyConstraint('synth_items_pk', ['set_id', 'id'])
      .execute();
  },
};

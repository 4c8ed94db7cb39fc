/** Migration 0005: human labelling — tasks, items (content sealed at rest), assignments, append-only annotations and reviews. */
import type { Kysely, Migration } from 'kysely';

/** Frozen here on purpose: a migration must never change when a constant elsewhere does. */
const UNCLASSIFIED = 'UNCLASSIFIED';

/** Creates label_tasks, label_items, label_assignments, label_annotations and label_reviews. */
export const labelsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('label_tasks')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('spec', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('per_item', 'integer', (c) => c.notNull())
      .addColumn('annotators', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull().defaultTo(UNCLASSIFIED))
      .execute();

    await db.schema
      .createTable('label_items')
      .ifNotExists()
      .addColumn('task_id', 'text', (c) => c.notNull().references('label_tasks.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('ord', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('ref', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull().defaultTo(UNCLASSIFIED))
      .addPrimaryKeyConstraint('label_items_pk', ['task_id', 'id'])
      .execute();

    await db.schema
      .createTable('label_assignments')
      .ifNotExists()
      .addColumn('task_id', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('annotator', 'text', (c) => c.notNull())
      .addColumn('assigned_at', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull().defaultTo(UNCLASSIFIED))
      .addPrimaryKeyConstraint('label_assignments_pk', ['task_id', 'item_id', 'annotator'])
      .addForeignKeyConstraint('label_assignments_item_fk', ['task_id', 'item_id'], 'label_items', ['task_id', 'id'], (fk) => fk.onDelete('cascade'))
      .execute();
    await db.schema.createIndex('label_assignments_annotator_idx').ifNotExists().on('label_assignments').columns(['task_id', 'annotator']).execute();

    await db.schema
      .createTable('label_annotations')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('task_id', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('annotator', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('entered_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull().defaultTo(UNCLASSIFIED))
      .addUniqueConstraint('label_annotations_revision_uq', ['task_id', 'item_id', 'annotator', 'revision'])
      .addForeignKeyConstraint('label_annotations_item_fk', ['task_id', 'item_id'], 'label_items', ['task_id', 'id'], (fk) => fk.onDelete('cascade'))
      .execute();

    await db.schema
      .createTable('label_reviews')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('task_id', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('annotation_id', 'text')
      .addColumn('reviewer', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('value', 'text')
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull().defaultTo(UNCLASSIFIED))
      .addUniqueConstraint('label_reviews_revision_uq', ['task_id', 'item_id', 'revision'])
      .addForeignKeyConstraint('label_reviews_item_fk', ['task_id', 'item_id'], 'label_items', ['task_id', 'id'], (fk) => fk.onDelete('cascade'))
      .execute();
  },
};

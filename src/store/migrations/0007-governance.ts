/** Migration 0007: two-person label change requests (AC-16 relabel review), each labelled at the label it lowers. */
import type { Kysely, Migration } from 'kysely';

/** Frozen here on purpose: a migration must never change when a constant elsewhere does. */
const UNCLASSIFIED = 'UNCLASSIFIED';

/**
 * Creates label_change_requests: one row per request; `approved_by`/`approved_at` name the reviewer who approved or
 * rejected it (see `status`); `label` is the request's own label (its from_label: it names the object and its label).
 */
export const governanceMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('label_change_requests')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('object_type', 'text', (c) => c.notNull())
      .addColumn('object_id', 'text', (c) => c.notNull())
      .addColumn('from_label', 'text', (c) => c.notNull())
      .addColumn('to_label', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('approved_by', 'text')
      .addColumn('approved_at', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull().defaultTo(UNCLASSIFIED))
      .execute();
    await db.schema.createIndex('label_change_requests_object_idx').ifNotExists().on('label_change_requests').columns(['object_type', 'object_id']).execute();
  },
};

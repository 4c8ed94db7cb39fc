/** Migration 0001: the six tables, each with a NOT NULL security label, and their keys and indexes. */
import type { CreateTableBuilder, Kysely, Migration } from 'kysely';

/** Frozen here on purpose: a migration must never change when a constant elsewhere does. */
const UNCLASSIFIED = 'UNCLASSIFIED';

function withLabel<T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
): CreateTableBuilder<T, C | 'label'> {
  return table.addColumn('label', 'text', (c) => c.notNull().defaultTo(UNCLASSIFIED));
}

const SAMPLE_KEY: ('run_id' | 'sample_id' | 'epoch')[] = ['run_id', 'sample_id', 'epoch'];

/** Creates runs, sample_results, scores, model_calls, metrics and response_cache. */
export const initialMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // `ifNotExists` everywhere: SQLite migrations are not transactional in Kysely, so a
    // migration cut short by a crash must be safe to run again.
    await db.schema
      .createTable('runs')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('task', 'text', (c) => c.notNull())
      .addColumn('task_hash', 'text', (c) => c.notNull())
      .addColumn('dataset_hash', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('config', 'text', (c) => c.notNull())
      .addColumn('metrics', 'text')
      .addColumn('error', 'text')
      .$call(withLabel)
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .execute();
    await db.schema.createIndex('runs_created_at_idx').ifNotExists().on('runs').column('created_at').execute();

    await db.schema
      .createTable('sample_results')
      .ifNotExists()
      .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
      .addColumn('sample_id', 'text', (c) => c.notNull())
      .addColumn('epoch', 'integer', (c) => c.notNull())
      .addColumn('sample', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('messages', 'text', (c) => c.notNull())
      .addColumn('output', 'text')
      .addColumn('error', 'text')
      .$call(withLabel)
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('completed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sample_results_pk', SAMPLE_KEY)
      .execute();

    await db.schema
      .createTable('scores')
      .ifNotExists()
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addColumn('sample_id', 'text', (c) => c.notNull())
      .addColumn('epoch', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('scorer', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('answer', 'text')
      .addColumn('explanation', 'text', (c) => c.notNull())
      .addColumn('metadata', 'text')
      .$call(withLabel)
      .addPrimaryKeyConstraint('scores_pk', [...SAMPLE_KEY, 'position'])
      .addForeignKeyConstraint('scores_sample_fk', SAMPLE_KEY, 'sample_results', SAMPLE_KEY, (fk) =>
        fk.onDelete('cascade'),
      )
      .execute();
    await db.schema
      .createIndex('scores_run_scorer_idx')
      .ifNotExists()
      .on('scores')
      .columns(['run_id', 'scorer'])
      .execute();

    await db.schema
      .createTable('model_calls')
      .ifNotExists()
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addColumn('sample_id', 'text', (c) => c.notNull())
      .addColumn('epoch', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('request', 'text', (c) => c.notNull())
      .addColumn('output', 'text')
      .addColumn('error', 'text')
      .addColumn('input_tokens', 'integer', (c) => c.notNull())
      .addColumn('output_tokens', 'integer', (c) => c.notNull())
      .addColumn('latency_ms', 'double precision', (c) => c.notNull())
      .addColumn('cost', 'double precision', (c) => c.notNull())
      .addColumn('cached', 'integer', (c) => c.notNull())
      .$call(withLabel)
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('model_calls_pk', [...SAMPLE_KEY, 'position'])
      .addForeignKeyConstraint('model_calls_sample_fk', SAMPLE_KEY, 'sample_results', SAMPLE_KEY, (fk) =>
        fk.onDelete('cascade'),
      )
      .execute();

    await db.schema
      .createTable('metrics')
      .ifNotExists()
      .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('scorer', 'text', (c) => c.notNull())
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('group_key', 'text', (c) => c.notNull())
      .addColumn('group_value', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('stderr', 'double precision')
      .addColumn('ci_low', 'double precision')
      .addColumn('ci_high', 'double precision')
      .addColumn('n', 'integer', (c) => c.notNull())
      .$call(withLabel)
      .addPrimaryKeyConstraint('metrics_pk', ['run_id', 'position'])
      .execute();

    await db.schema
      .createTable('response_cache')
      .ifNotExists()
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('output', 'text', (c) => c.notNull())
      .$call(withLabel)
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('response_cache_created_at_idx')
      .ifNotExists()
      .on('response_cache')
      .column('created_at')
      .execute();
  },
};

/** Migration 0004: the data engine's datasets, documents, chunks (text sealed at rest), errors, ingests and versions. */
import type { CreateTableBuilder, Kysely, Migration } from 'kysely';

/** Frozen here on purpose: a migration must never change when a constant elsewhere does. */
const UNCLASSIFIED = 'UNCLASSIFIED';

function withLabel<T extends string, C extends string>(table: CreateTableBuilder<T, C>): CreateTableBuilder<T, C | 'label'> {
  return table.addColumn('label', 'text', (c) => c.notNull().defaultTo(UNCLASSIFIED));
}

/** Creates ds_datasets, ds_ingests, ds_documents, ds_chunks, ds_errors, ds_versions, ds_version_documents, ds_version_chunks. */
export const dataMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // `ifNotExists` everywhere: a migration cut short by a crash must be safe to run again (see 0001).
    await db.schema
      .createTable('ds_datasets')
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .$call(withLabel)
      .execute();

    await db.schema
      .createTable('ds_ingests')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dataset', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('args', 'text', (c) => c.notNull())
      .addColumn('summary', 'text')
      .$call(withLabel)
      .execute();
    await db.schema.createIndex('ds_ingests_dataset_idx').ifNotExists().on('ds_ingests').column('dataset').execute();

    await db.schema
      .createTable('ds_documents')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dataset', 'text', (c) => c.notNull())
      .addColumn('ingest_id', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text')
      .addColumn('units', 'integer', (c) => c.notNull())
      .addColumn('properties', 'text', (c) => c.notNull())
      .addColumn('warnings', 'text', (c) => c.notNull())
      .$call(withLabel)
      .addColumn('ingested_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ds_documents_path_idx').ifNotExists().on('ds_documents').columns(['dataset', 'path', 'sha256']).execute();

    await db.schema
      .createTable('ds_chunks')
      .ifNotExists()
      .addColumn('dataset', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('ord', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('portion_marks', 'text', (c) => c.notNull())
      .addColumn('token_count', 'integer', (c) => c.notNull())
      .addColumn('pii', 'text', (c) => c.notNull())
      .addColumn('lineage', 'text', (c) => c.notNull())
      .addColumn('metadata', 'text', (c) => c.notNull())
      .$call(withLabel)
      .addPrimaryKeyConstraint('ds_chunks_pk', ['dataset', 'id'])
      .execute();
    await db.schema.createIndex('ds_chunks_document_idx').ifNotExists().on('ds_chunks').columns(['document_id', 'ord']).execute();

    await db.schema
      .createTable('ds_errors')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dataset', 'text', (c) => c.notNull())
      .addColumn('ingest_id', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text')
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .$call(withLabel)
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ds_errors_ingest_idx').ifNotExists().on('ds_errors').columns(['dataset', 'ingest_id']).execute();

    await db.schema
      .createTable('ds_versions')
      .ifNotExists()
      .addColumn('dataset', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('digest', 'text', (c) => c.notNull())
      .addColumn('ingest_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('stats', 'text', (c) => c.notNull())
      .$call(withLabel)
      .addPrimaryKeyConstraint('ds_versions_pk', ['dataset', 'version'])
      .execute();

    await db.schema
      .createTable('ds_version_documents')
      .ifNotExists()
      .addColumn('dataset', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .$call(withLabel)
      .addPrimaryKeyConstraint('ds_version_documents_pk', ['dataset', 'version', 'document_id'])
      .execute();

    await db.schema
      .createTable('ds_version_chunks')
      .ifNotExists()
      .addColumn('dataset', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('chunk_id', 'text', (c) => c.notNull())
      .addColumn('ord', 'integer', (c) => c.notNull())
      .addColumn('duplicate_of', 'text')
      .$call(withLabel)
      .addPrimaryKeyConstraint('ds_version_chunks_pk', ['dataset', 'version', 'chunk_id'])
      .execute();
    await db.schema.createIndex('ds_version_chunks_ord_idx').ifNotExists().on('ds_version_chunks').columns(['dataset', 'version', 'ord']).execute();
  },
};

/** Kysely types of the data engine's tables (migration 0004). JSON columns are text; `text`/`properties` are sealed. */
import type { Generated, Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

export interface DsDatasetsTable {
  name: string;
  created_at: string;
  created_by: string;
  /** High-water mark: the roll-up of every version's label (never lowered). */
  label: Generated<string>;
}

export interface DsIngestsTable {
  id: string;
  dataset: string;
  created_by: string;
  started_at: string;
  finished_at: string | null;
  /** JSON text: the resolved ingest options. */
  args: string;
  /** JSON text: the IngestSummary. */
  summary: string | null;
  label: Generated<string>;
}

export interface DsDocumentsTable {
  /** sha256 of (dataset, path, sha256): the same file at the same path is the same document. */
  id: string;
  dataset: string;
  ingest_id: string;
  path: string;
  sha256: string;
  /** bigint: PostgreSQL returns it as a string. */
  size: number | string;
  format: string;
  parent_id: string | null;
  units: number;
  /** Sealed JSON text (document properties may quote the content: titles, subjects). */
  properties: string;
  /** JSON text: string[]. */
  warnings: string;
  label: string;
  ingested_at: string;
}

export interface DsChunksTable {
  dataset: string;
  id: string;
  document_id: string;
  ord: number;
  /** Sealed (FieldCipher, AAD ds_chunks/text/`dataset:id`). */
  text: string;
  /** JSON text: string[]. */
  portion_marks: string;
  token_count: number;
  /** JSON text: ChunkRecord['pii']. */
  pii: string;
  /** JSON text: ChunkLineage. */
  lineage: string;
  /** JSON text: Record<string, string>. */
  metadata: string;
  label: string;
  /** Sealed (AAD ds_chunks/dedup_key/`dataset:id`): content hash + MinHash signature (migration 0010); NULL before it. */
  dedup_key: string | null;
}

export interface DsErrorsTable {
  id: string;
  dataset: string;
  ingest_id: string;
  path: string;
  sha256: string | null;
  code: string;
  reason: string;
  label: Generated<string>;
  at: string;
}

export interface DsVersionsTable {
  dataset: string;
  version: number;
  digest: string;
  ingest_id: string;
  created_at: string;
  created_by: string;
  /** JSON text: DatasetVersionInfo['stats']. */
  stats: string;
  label: string;
}

export interface DsVersionDocumentsTable {
  dataset: string;
  version: number;
  document_id: string;
  label: string;
}

export interface DsVersionChunksTable {
  dataset: string;
  version: number;
  chunk_id: string;
  ord: number;
  /** `exact:<chunk id>` / `near:<chunk id>`: dedup is a property of a chunk within a version, not of the chunk. */
  duplicate_of: string | null;
  label: string;
}

export type DatasetTables = {
  ds_datasets: DsDatasetsTable;
  ds_ingests: DsIngestsTable;
  ds_documents: DsDocumentsTable;
  ds_chunks: DsChunksTable;
  ds_errors: DsErrorsTable;
  ds_versions: DsVersionsTable;
  ds_version_documents: DsVersionDocumentsTable;
  ds_version_chunks: DsVersionChunksTable;
};

/** The store's database with the data engine's tables. */
export type DatasetDb = Kysely<Database & DatasetTables>;

/** `db` seen with the data engine's tables. */
export function datasetDb(db: Kysely<Database>): DatasetDb {
  return db.withTables<DatasetTables>();
}

/** What one ingest reports (the CLI prints it as `--output json`). */

/** One file that was not ingested, and why. */
export interface IngestError {
  path: string;
  reason: string;
  /** Stable AssayError code (DATASET_INVALID, LIMIT_EXCEEDED, …). */
  code: string;
}

/** The result of `ingest`. */
export interface IngestSummary {
  dataset: string;
  ingestId: string;
  /** The dataset's newest version after this ingest (null while it has none). */
  version: number | null;
  /** True when this ingest created `version`. */
  versionCreated: boolean;
  /** Label of the newest version (null while there is none). */
  label: string | null;
  /** Input files found (after expanding folders and globs). */
  files: number;
  /** Documents stored by this ingest (files and the files embedded in them). */
  documents: number;
  /** Chunks stored by this ingest. */
  chunks: number;
  /** Input files already stored unchanged (same path and bytes): not parsed again. */
  skipped: number;
  /** Pages, sheets or messages parsed. */
  units: number;
  bytes: number;
  /** Non-fatal parser warnings. */
  warnings: number;
  errors: IngestError[];
  /** Duplicates among this ingest's new chunks, against the whole new version. */
  duplicates: { exact: number; near: number };
  seconds: number;
}

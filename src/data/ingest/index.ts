/** The ingest pipeline: files in, labelled, cleaned, chunked, PII-annotated, deduplicated, versioned chunks out. */
export { ingest, DEFAULT_PARSE_DEPS, type IngestDeps } from './ingest.js';
export { IngestOptionsSchema, ChunkSettingsSchema, parseIngestOptions, DATASET_NAME, type IngestOptions, type IngestOptionsInput, type ChunkSettings } from './ingest-options.js';
export type { IngestError, IngestSummary } from './ingest-summary.js';
export { expandPaths, displayPath, type InputFile } from './expand-paths.js';
export { globToRegExp } from './glob-pattern.js';
export { documentId, processFile, type ParseDeps, type ProcessedDocument, type FileError } from './process-document.js';
export { NEAR_DEDUP } from './dedup-chunks.js';

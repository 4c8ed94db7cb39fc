/** `assay dataset export`: datasets out as JSONL, Parquet, retrieval corpora, evals, chat and preference sets, each with a dataset card. */
export { exportDataset } from './export-dataset.js';
export { EXPORT_FORMATS, ExportRequestSchema, isExportFormat, type ExportFormat, type ExportRequest, type ExportRequestInput } from './export-request.js';
export type { ExportDeps, ExportedFile, ExportResult } from './export-deps.js';
export { buildDatasetCard, CARD_SCHEMA, type DatasetCard } from './dataset-card.js';
export { renderCardMarkdown } from './render-card-markdown.js';
export { planExportPaths, type ExportPaths } from './export-paths.js';
export { mergeOverlaps, PiiRedactor, REDACTION_STEP } from './pii-redactor.js';
export { CHUNK_COLUMNS, type ChunkRow } from './chunk-row.js';
export { TempFile } from './temp-file.js';

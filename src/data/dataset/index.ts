/** Ingested, versioned datasets: the store-backed reader (MAC on every read), version diffs, and the shared record types. */
export type { ChunkLineage, ChunkRecord, DatasetReader, DatasetVersionInfo } from './dataset-types.js';
export { createDatasetReader, type DatasetDocument, type StoreDatasetReader } from './dataset-reader.js';
export { diffVersions, type VersionDiff } from './diff-versions.js';
export { datasetNotFound } from './dataset-not-found.js';
export { datasetDb, type DatasetDb, type DatasetTables } from './dataset-tables.js';
export { chunkTextLocation, documentPropertiesLocation } from './sealed-locations.js';
export { storeDb, type DatabaseSource } from './store-db.js';

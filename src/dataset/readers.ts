/** The registry of dataset readers: one per format. */
import type { DatasetFormat } from '../task/task-spec.js';
import type { DatasetReader } from './dataset-reader.js';
import { csvReader } from './readers/csv-reader.js';
import { jsonReader } from './readers/json-reader.js';
import { jsonlReader } from './readers/jsonl-reader.js';
import { parquetReader } from './readers/parquet-reader.js';
import { yamlReader } from './readers/yaml-reader.js';

/** Format → reader; the compiler fails when a format has none. */
export const READERS = {
  jsonl: jsonlReader,
  csv: csvReader,
  json: jsonReader,
  yaml: yamlReader,
  parquet: parquetReader,
} as const satisfies Record<DatasetFormat, DatasetReader>;

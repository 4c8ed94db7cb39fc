/** Picks a dataset format from an explicit setting or the file extension. */
import path from 'node:path';
import type { DatasetFormat } from '../task/task-spec.js';

const EXTENSIONS: Record<string, DatasetFormat> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.csv': 'csv',
  '.json': 'json',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.parquet': 'parquet',
};

/** Known dataset file extensions, for messages. */
export const DATASET_EXTENSIONS = Object.keys(EXTENSIONS);

/** The format named by a file's extension (case-insensitive), or undefined. */
export function formatFromExtension(file: string): DatasetFormat | undefined {
  return EXTENSIONS[path.extname(file).toLowerCase()];
}

/** The Benchmark seam: how one public benchmark's file becomes samples, and the standard task that scores them. */
import type { DatasetReader } from '../dataset/dataset-reader.js';
import type { MappedRow } from '../dataset/row-to-sample.js';
import type { DatasetFormat, TaskSpec } from '../task/task-spec.js';

/** Where a record came from, for ids and messages. */
export interface RowContext {
  /** 1-based row number in the file (after any header). */
  row: number;
  /** Absolute path of the file. */
  file: string;
}

/** Where the benchmark comes from and how it is scored: shown to users, and kept beside the code that cites it. */
export interface BenchmarkCard {
  title: string;
  source: string;
  license: string;
  /** The published metric and how Assay computes it. */
  scoring: string;
}

/**
 * One public benchmark. `loadDataset` reads the file with `reader` (else the standard reader of `format`), then
 * turns each record into a sample with `toSample`; a row it cannot use is a rejected row with its reason.
 */
export interface Benchmark {
  /** Bump when `toSample` changes what it makes: it is part of the dataset hash, so `--resume` notices. */
  version: number;
  /** The format of the public release. */
  format: DatasetFormat;
  /** For files the format's standard reader cannot read as published (no header row, rows under another key). */
  reader?: DatasetReader;
  /** One record of the file → a sample, or the field at fault and why. */
  toSample(record: Record<string, unknown>, at: RowContext): MappedRow;
  /** The standard task over a local copy of the benchmark at `file` (an absolute path). */
  task(file: string): TaskSpec;
  card: BenchmarkCard;
}

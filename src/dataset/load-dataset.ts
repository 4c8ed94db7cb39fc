/** Loads a dataset file into samples: read, map fields, check ids, shuffle, limit. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { BENCHMARKS } from '../benchmarks/registry.js';
import { AssayError } from '../errors/index.js';
import { canonicalJson } from '../hashing/canonical-json.js';
import { DatasetSpecSchema, type DatasetFormat, type DatasetSpec } from '../task/task-spec.js';
import type { RawRow, RejectedRow } from './dataset-reader.js';
import { DATASET_EXTENSIONS, formatFromExtension } from './detect-format.js';
import { READERS } from './readers.js';
import { rowToSample, type MappedRow } from './row-to-sample.js';
import type { Sample } from './sample.js';
import { seededShuffle } from './seeded-shuffle.js';

/** A dataset spec as written (defaults may be left out). */
export type DatasetSpecInput = z.input<typeof DatasetSpecSchema>;

export interface LoadDatasetOptions {
  /** Directory that a relative `spec.path` is resolved against (the task file's folder). */
  baseDir: string;
  signal?: AbortSignal;
}

export interface LoadedDataset {
  samples: Sample[];
  /** Rows left out, in file order; empty when every row was good. */
  rejected: RejectedRow[];
  /** sha256 of the file bytes plus format, field mapping, shuffle and limit: equal hashes, equal samples. */
  hash: string;
  /** Absolute path of the file read. */
  path: string;
  format: DatasetFormat;
}

/**
 * Reads the dataset `spec` names. Bad rows are returned in `rejected` (onBadRow 'skip') or thrown as
 * DATASET_ROW_INVALID (onBadRow 'fail'); a missing or unreadable file throws DATASET_INVALID.
 * @example const { samples } = await loadDataset({ path: 'test.jsonl', fields: { input: 'question', target: 'answer' } }, { baseDir })
 */
export async function loadDataset(input: DatasetSpec | DatasetSpecInput, options: LoadDatasetOptions): Promise<LoadedDataset> {
  const spec = parseSpec(input);
  const file = path.resolve(options.baseDir, spec.path);
  const benchmark = spec.benchmark === undefined ? undefined : BENCHMARKS[spec.benchmark];
  const format = spec.format ?? benchmark?.format ?? formatFromExtension(file);
  if (!format) {
    throw new AssayError('DATASET_INVALID', `Cannot tell the format of dataset ${file} from its extension.`, {
      where: { file },
      hint: `Use one of ${DATASET_EXTENSIONS.join(', ')}, or set dataset.format.`,
    });
  }
  const bytes = await readBytes(file, options.signal);
  const reader = benchmark?.reader ?? READERS[format];
  const rows = await reader.read(bytes, { file, signal: options.signal });
  options.signal?.throwIfAborted();
  // A benchmark's own transform replaces the field mapping.
  const toSample: RowMapper = benchmark ? (record, row) => benchmark.toSample(record, { row, file }) : (record, row) => rowToSample(record, spec.fields, row);
  const { samples, rejected } = mapRows(rows, spec, file, toSample);
  const seed = spec.shuffle === true ? 0 : spec.shuffle ? spec.shuffle.seed : undefined;
  const ordered = seed === undefined ? samples : seededShuffle(samples, seed);
  return {
    samples: spec.limit === undefined ? ordered : ordered.slice(0, spec.limit),
    rejected,
    hash: datasetHash(bytes, {
      format,
      fields: spec.fields,
      shuffle: seed ?? null,
      limit: spec.limit ?? null,
      benchmark: benchmark && { name: spec.benchmark, version: benchmark.version },
    }),
    path: file,
    format,
  };
}

function parseSpec(input: DatasetSpec | DatasetSpecInput): DatasetSpec {
  const parsed = DatasetSpecSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `field "${i.path.join('.')}": ${i.message}`).join('; ');
  throw new AssayError('DATASET_INVALID', `Invalid dataset settings: ${issues}`, {
    hint: 'See schemas/task.schema.json for the dataset settings.',
  });
}

async function readBytes(file: string, signal: AbortSignal | undefined): Promise<Uint8Array> {
  try {
    return await readFile(file, { signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw new AssayError('DATASET_INVALID', `Cannot read dataset ${file}: ${reason}.`, {
      where: { file },
      hint: 'Check dataset.path; a relative path is resolved against the task file\'s folder.',
      cause: err,
    });
  }
}

type RowMapper = (record: Record<string, unknown>, row: number) => MappedRow;

function mapRows(rows: RawRow[], spec: DatasetSpec, file: string, toSample: RowMapper): { samples: Sample[]; rejected: RejectedRow[] } {
  const samples: Sample[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  for (const raw of rows) {
    const where = raw.line === undefined ? { row: raw.row } : { row: raw.row, line: raw.line };
    let bad: RejectedRow | undefined;
    if (!raw.ok) {
      bad = { ...where, reason: raw.reason };
    } else {
      const mapped = toSample(raw.record, raw.row);
      const first = mapped.ok ? seen.get(mapped.sample.id) : undefined;
      if (!mapped.ok) bad = { ...where, field: mapped.field, reason: mapped.reason };
      else if (first !== undefined) {
        bad = { ...where, field: spec.fields.id ?? 'id', reason: `duplicate id "${mapped.sample.id}" (first used in row ${first})` };
      } else {
        seen.set(mapped.sample.id, raw.row);
        samples.push(mapped.sample);
      }
    }
    if (!bad) continue;
    if (spec.onBadRow === 'fail') throw rowError(bad, file);
    rejected.push(bad);
  }
  return { samples, rejected };
}

function rowError(bad: RejectedRow, file: string): AssayError {
  const at = bad.line === undefined ? `row ${bad.row}` : `row ${bad.row}, line ${bad.line}`;
  const field = bad.field === undefined ? '' : ` field "${bad.field}"`;
  return new AssayError('DATASET_ROW_INVALID', `Bad row in ${file} (${at})${field}: ${bad.reason}.`, {
    where: { file, row: bad.row, line: bad.line, field: bad.field },
    hint: 'Fix the row, or set dataset.onBadRow: skip to record bad rows and go on.',
  });
}

function datasetHash(bytes: Uint8Array, mapping: Record<string, unknown>): string {
  return createHash('sha256').update(bytes).update('\0').update(canonicalJson(mapping)).digest('hex');
}

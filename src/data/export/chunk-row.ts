/** One exported chunk as a row: the shape of the JSONL rows and the Parquet columns. */
import type { ChunkRecord, DatasetVersionInfo } from '../dataset/dataset-types.js';
import type { PiiType } from '../pii/index.js';
import type { CleanText } from './pii-redactor.js';

/** A chunk row: text redacted unless --keep-pii; `pii` lists the entity types found in the original. */
export interface ChunkRow {
  id: string;
  text: string;
  label: string;
  source: { path: string; sha256: string; page: number | null };
  pii: PiiType[];
  portion_marks: string[];
  token_count: number;
  lineage: { element_ids: string[]; char_start: number; char_end: number; transformations: string[] };
  dataset: string;
  version: number;
  document_id: string;
  duplicate_of: string | null;
  metadata: Record<string, string>;
}

/**
 * Builds the row for `chunk`, whose cleaned text (and cleaned metadata values) the caller supplies.
 * @example chunkRow(chunk, info, { text: '<PERSON> wrote…', types: ['PERSON'] }, {}, ['pii:redact(replace)@1'])
 */
export function chunkRow(
  chunk: ChunkRecord,
  info: Pick<DatasetVersionInfo, 'dataset' | 'version'>,
  clean: CleanText,
  metadata: Record<string, string>,
  exportSteps: readonly string[],
): ChunkRow {
  return {
    id: chunk.id,
    text: clean.text,
    label: chunk.label,
    source: { path: chunk.lineage.source.path, sha256: chunk.lineage.source.sha256, page: chunk.lineage.page ?? null },
    pii: clean.types,
    portion_marks: chunk.portionMarks,
    token_count: chunk.tokenCount,
    lineage: {
      element_ids: chunk.lineage.elementIds,
      char_start: chunk.lineage.charStart,
      char_end: chunk.lineage.charEnd,
      transformations: [...chunk.lineage.transformations, ...exportSteps],
    },
    dataset: info.dataset,
    version: info.version,
    document_id: chunk.documentId,
    duplicate_of: chunk.duplicateOf ?? null,
    metadata,
  };
}

/** Column order for tabular formats. */
export const CHUNK_COLUMNS = [
  'id',
  'text',
  'label',
  'source',
  'pii',
  'portion_marks',
  'token_count',
  'lineage',
  'dataset',
  'version',
  'document_id',
  'duplicate_of',
  'metadata',
] as const satisfies readonly (keyof ChunkRow)[];

/** One input file of a batch: read, skip when stored unchanged, else process and save in one transaction. */
import { readFile } from 'node:fs/promises';
import { toAssayError } from '../../errors/index.js';
import { sha256 } from '../../hashing/canonical-json.js';
import { toStoreFailure } from '../../store/store-failure.js';
import type { InputFile } from './expand-paths.js';
import type { IngestSummary } from './ingest-summary.js';
import { documentId, processFile, type TreeContext } from './process-document.js';
import { saveFile, type SaveContext } from './save-file.js';

/** What the batch keeps across files. */
export interface BatchState {
  summary: IngestSummary;
  /** Top-level documents of the input files (stored now or before), in input order. */
  inputIds: string[];
  /** Every document this ingest stored. */
  newIds: Set<string>;
}

/** Already stored (same dataset, path and bytes)? */
async function stored(save: SaveContext, id: string): Promise<boolean> {
  const row = await save.db
    .selectFrom('ds_documents')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst()
    .catch((err: unknown) => Promise.reject(toStoreFailure(`read dataset ${save.dataset}`, err)));
  return row !== undefined;
}

/**
 * Ingests one input file into the batch state; returns what happened to it. Bad input is recorded (ds_errors and
 * `summary.errors`), never thrown; a store failure or an abort is thrown.
 */
export async function ingestFile(file: InputFile, ctx: TreeContext, save: SaveContext, state: BatchState): Promise<'stored' | 'skipped' | 'error'> {
  const { summary } = state;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file.absolute);
  } catch (err) {
    const reason = `Cannot read the file: ${toAssayError(err).message}`;
    summary.errors.push({ path: file.display, reason, code: 'DATASET_INVALID' });
    await saveFile(save, [], [{ path: file.display, sha256: null, code: 'DATASET_INVALID', reason }]);
    return 'error';
  }
  summary.bytes += bytes.byteLength;
  const id = documentId(save.dataset, file.display, sha256(bytes));
  if (await stored(save, id)) {
    summary.skipped++;
    state.inputIds.push(id);
    return 'skipped';
  }
  const result = await processFile(bytes, file.display, ctx);
  await saveFile(save, result.documents, result.errors);
  for (const d of result.documents) {
    state.newIds.add(d.id);
    summary.documents++;
    summary.chunks += d.chunks.length;
    summary.units += d.units;
    summary.warnings += d.warnings.length;
  }
  summary.errors.push(...result.errors.map((e) => ({ path: e.path, reason: e.reason, code: e.code })));
  const top = result.documents[0];
  if (!top || top.parentId !== null) return 'error';
  state.inputIds.push(top.id);
  return 'stored';
}

/** Turns an ItemSource into items the creator may read: dataset chunks, run samples (input + output), or file lines. */
import { AssayError } from '../../errors/index.js';
import { canRead } from '../../governance/access/can-read.js';
import type { User } from '../../governance/identity/user.js';
import type { Store } from '../../store/store.js';
import type { DatasetReader } from '../dataset/dataset-types.js';
import type { ItemError, ItemSource } from './item-source.js';
import type { LabelItem } from './label-item.js';
import { readItemFile } from './read-item-file.js';

/** The readers item sources need; a source whose reader is missing is refused with USAGE. */
export interface ItemSourceDeps {
  store?: Store;
  datasets?: DatasetReader;
}

/**
 * The items of `source` that `viewer` may read; bad file lines and errored samples come back as errors.
 * @example const { items, errors } = await loadItems(me, { type: 'file', path: 'items.jsonl' }, false, {});
 */
export async function loadItems(viewer: User, source: ItemSource, pairwise: boolean, deps: ItemSourceDeps): Promise<{ items: LabelItem[]; errors: ItemError[] }> {
  if (source.type === 'file') return readItemFile(viewer, source.path, pairwise);
  if (pairwise) {
    throw new AssayError('USAGE', `A pairwise task needs two responses per prompt, which a ${source.type} does not have.`, { hint: 'Give --file items.jsonl with {"id", "prompt", "a", "b"} per line.' });
  }
  return source.type === 'run' ? runItems(viewer, source.runId, deps.store) : datasetItems(viewer, source, deps.datasets);
}

async function runItems(viewer: User, runId: string, store: Store | undefined): Promise<{ items: LabelItem[]; errors: ItemError[] }> {
  if (!store) throw new AssayError('USAGE', 'Labelling a run needs the store.', { hint: 'Pass the store in the labelling deps.' });
  const run = await store.getRun(runId);
  if (!run || !canRead(viewer, run.label)) throw new AssayError('NOT_FOUND', `Run "${runId}" not found.`, { hint: 'List runs with `assay runs`.' });
  const results = await store.listSampleResults(runId);
  const epochs = new Set(results.map((r) => r.epoch)).size;
  const items: LabelItem[] = [];
  const errors: ItemError[] = [];
  for (const r of results) {
    if (!canRead(viewer, r.label)) continue;
    const id = epochs > 1 ? `${r.sampleId}#${r.epoch}` : r.sampleId;
    if (r.status !== 'completed' || r.output === undefined) {
      errors.push({ id, reason: `sample ${r.status}${r.error ? `: ${r.error.message}` : ' without output'}` });
      continue;
    }
    const input = typeof r.sample.input === 'string' ? r.sample.input : r.sample.input.map((m) => `${m.role}: ${m.content}`).join('\n');
    items.push({ id, content: { text: `${input}\n\n${r.output}` }, label: r.label, ref: { type: 'sample', runId, sampleId: r.sampleId, epoch: r.epoch } });
  }
  return { items, errors };
}

async function datasetItems(viewer: User, source: Extract<ItemSource, { type: 'dataset' }>, datasets: DatasetReader | undefined): Promise<{ items: LabelItem[]; errors: ItemError[] }> {
  if (!datasets) throw new AssayError('USAGE', 'Labelling a dataset needs a dataset reader.', { hint: 'Pass `datasets` (a DatasetReader) in the labelling deps.' });
  const items: LabelItem[] = [];
  for await (const chunk of datasets.chunks(viewer, source.dataset, source.version)) {
    if (!canRead(viewer, chunk.label)) continue;
    items.push({ id: chunk.id, content: { text: chunk.text }, label: chunk.label, ref: { type: 'chunk', dataset: source.dataset, version: source.version, chunkId: chunk.id, documentId: chunk.documentId } });
  }
  return { items, errors: [] };
}

// An in-memory DatasetReader for tests of the readers' consumers (export, labelling, synth): one dataset, one version,
// every read filtered by the viewer's clearance as the store-backed reader must.
import type { ChunkRecord, DatasetReader, DatasetVersionInfo } from '../../src/data/dataset/dataset-types.js';
import { AssayError } from '../../src/errors/index.js';
import { canRead } from '../../src/governance/access/can-read.js';

export interface MemoryDatasetOptions {
  name?: string;
  /** The version's info; `dataset`, `version` and `label` default from the other options. */
  info?: Partial<DatasetVersionInfo>;
  /** The dataset label shown by listDatasets; default the info's label, else UNCLASSIFIED. */
  label?: string;
  version?: number;
  /** Format reported for every document (default text). */
  format?: string;
}

export function memoryDatasetReader(chunks: readonly ChunkRecord[], options: MemoryDatasetOptions = {}): DatasetReader {
  const name = options.name ?? 'memos';
  const version = options.version ?? options.info?.version ?? 1;
  const label = options.label ?? options.info?.label ?? 'UNCLASSIFIED';
  const info = { ...options.info, dataset: name, version, label } as DatasetVersionInfo;
  const check = (dataset: string, v: number | undefined) => {
    if (dataset !== name || (v !== undefined && v !== version)) throw new AssayError('NOT_FOUND', `No dataset ${dataset}${v === undefined ? '' : ` v${v}`}.`);
  };
  return {
    async listDatasets() {
      return [{ name, latestVersion: version, label }];
    },
    async getVersion(_viewer, dataset, v) {
      check(dataset, v);
      return info;
    },
    async *chunks(viewer, dataset, v, o) {
      check(dataset, v);
      for (const c of chunks) if (canRead(viewer, c.label) && (o?.includeDuplicates || c.duplicateOf === undefined)) yield c;
    },
    async *documents(viewer, dataset, v) {
      check(dataset, v);
      for (const c of chunks) {
        if (canRead(viewer, c.label)) yield { id: c.documentId, path: c.lineage.source.path, sha256: c.lineage.source.sha256, format: options.format ?? 'text', label: c.label, properties: {} };
      }
    },
  };
}

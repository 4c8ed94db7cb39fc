/** Compares two versions of a dataset: chunks added, removed, unchanged; documents added, removed, changed; label change. */
import { canRead } from '../../governance/access/can-read.js';
import type { User } from '../../governance/identity/user.js';
import { toStoreFailure } from '../../store/store-failure.js';
import { datasetDb, type DatasetDb } from './dataset-tables.js';
import { storeDb, type DatabaseSource } from './store-db.js';
import { visibleVersion } from './visible-version.js';

/** The difference from version `from` to version `to`. */
export interface VersionDiff {
  dataset: string;
  from: number;
  to: number;
  chunks: { added: number; removed: number; unchanged: number };
  /** Top-level and embedded documents, by path. */
  documents: { added: string[]; removed: string[]; changed: string[] };
  label: { from: string; to: string; changed: boolean };
  digest: { from: string; to: string };
}

async function chunkIds(db: DatasetDb, viewer: User, dataset: string, version: number): Promise<Set<string>> {
  const rows = await db.selectFrom('ds_version_chunks').select(['chunk_id', 'label']).where('dataset', '=', dataset).where('version', '=', version).execute();
  return new Set(rows.filter((r) => canRead(viewer, r.label)).map((r) => r.chunk_id));
}

async function documentsByPath(db: DatasetDb, viewer: User, dataset: string, version: number): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('ds_version_documents as m')
    .innerJoin('ds_documents as d', 'd.id', 'm.document_id')
    .select(['d.path', 'd.sha256', 'd.label'])
    .where('m.dataset', '=', dataset)
    .where('m.version', '=', version)
    .execute();
  return new Map(rows.filter((r) => canRead(viewer, r.label)).map((r) => [r.path, r.sha256]));
}

/**
 * Diffs two versions the viewer may read (NOT_FOUND otherwise, as for missing ones).
 * @example await diffVersions(store, viewer, 'memos', 1, 2) // { chunks: { added: 3, removed: 2, unchanged: 40 }, … }
 */
export async function diffVersions(source: DatabaseSource, viewer: User, dataset: string, from: number, to: number): Promise<VersionDiff> {
  const db = datasetDb(storeDb(source));
  const a = await visibleVersion(db, viewer, dataset, from);
  const b = await visibleVersion(db, viewer, dataset, to);
  try {
    const [ca, cb, da, dbs] = await Promise.all([chunkIds(db, viewer, dataset, from), chunkIds(db, viewer, dataset, to), documentsByPath(db, viewer, dataset, from), documentsByPath(db, viewer, dataset, to)]);
    const sorted = (xs: Iterable<string>) => [...xs].sort();
    return {
      dataset,
      from,
      to,
      chunks: { added: [...cb].filter((id) => !ca.has(id)).length, removed: [...ca].filter((id) => !cb.has(id)).length, unchanged: [...cb].filter((id) => ca.has(id)).length },
      documents: {
        added: sorted([...dbs.keys()].filter((p) => !da.has(p))),
        removed: sorted([...da.keys()].filter((p) => !dbs.has(p))),
        changed: sorted([...dbs.keys()].filter((p) => da.has(p) && da.get(p) !== dbs.get(p))),
      },
      label: { from: a.label, to: b.label, changed: a.label !== b.label },
      digest: { from: a.digest, to: b.digest },
    };
  } catch (err) {
    throw toStoreFailure(`diff versions of ${dataset}`, err);
  }
}

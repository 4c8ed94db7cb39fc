/** The reference monitor for dataset reads: a dataset and version are visible only when the viewer dominates both labels. */
import { canRead } from '../../governance/access/can-read.js';
import type { User } from '../../governance/identity/user.js';
import { toStoreFailure } from '../../store/store-failure.js';
import { datasetNotFound } from './dataset-not-found.js';
import type { DatasetDb, DsVersionsTable } from './dataset-tables.js';
import type { DatasetVersionInfo } from './dataset-types.js';

/** A version row as read. */
export type VersionRow = DsVersionsTable;

/** The row of `dataset` when the viewer may read it (its label is the high-water mark of every version), else NOT_FOUND. */
export async function visibleDataset(db: DatasetDb, viewer: User, dataset: string): Promise<{ name: string; label: string; created_at: string; created_by: string }> {
  const row = await db.selectFrom('ds_datasets').selectAll().where('name', '=', dataset).executeTakeFirst().catch((err: unknown) => {
    throw toStoreFailure(`read dataset ${dataset}`, err);
  });
  if (!row || !canRead(viewer, row.label)) throw datasetNotFound(dataset);
  return row;
}

/**
 * The version row (`version` or the newest) when the viewer may read the dataset and the version, else NOT_FOUND with
 * the same message as for a version that does not exist.
 */
export async function visibleVersion(db: DatasetDb, viewer: User, dataset: string, version?: number): Promise<VersionRow> {
  await visibleDataset(db, viewer, dataset);
  let q = db.selectFrom('ds_versions').selectAll().where('dataset', '=', dataset);
  q = version === undefined ? q.orderBy('version', 'desc').limit(1) : q.where('version', '=', version);
  const row = await q.executeTakeFirst().catch((err: unknown) => {
    throw toStoreFailure(`read dataset ${dataset}`, err);
  });
  if (!row || !canRead(viewer, row.label)) throw version === undefined ? datasetNotFound(dataset) : datasetNotFound(dataset, version);
  return row;
}

/** The public form of a version row. */
export function toVersionInfo(row: VersionRow): DatasetVersionInfo {
  return {
    dataset: row.dataset,
    version: Number(row.version),
    digest: row.digest,
    createdAt: row.created_at,
    createdBy: row.created_by,
    label: row.label,
    stats: JSON.parse(row.stats) as DatasetVersionInfo['stats'],
  };
}

/** DatasetReader over the store: every read takes the viewer and returns only what the viewer's clearance dominates. */
import { canRead } from '../../governance/access/can-read.js';
import type { FieldCipher } from '../../governance/crypto/field-cipher.js';
import type { User } from '../../governance/identity/user.js';
import { toStoreFailure } from '../../store/store-failure.js';
import { chunkTextLocation, documentPropertiesLocation } from './sealed-locations.js';
import { datasetDb } from './dataset-tables.js';
import { storeDb, type DatabaseSource } from './store-db.js';
import type { ChunkLineage, ChunkRecord, DatasetReader, DatasetVersionInfo } from './dataset-types.js';
import { toVersionInfo, visibleDataset, visibleVersion } from './visible-version.js';

const PAGE = 500;

/** A document of a version as readers see it. */
export interface DatasetDocument {
  id: string;
  path: string;
  sha256: string;
  format: string;
  label: string;
  properties: Record<string, string>;
  parentId: string | null;
  size: number;
  warnings: string[];
}

/** The store-backed reader, with the version history the CLI shows. */
export interface StoreDatasetReader extends DatasetReader {
  /** Versions of a dataset the viewer may read, oldest first; NOT_FOUND when the dataset is missing or hidden. */
  versions(viewer: User, dataset: string): Promise<DatasetVersionInfo[]>;
  documents(viewer: User, dataset: string, version?: number): AsyncIterable<DatasetDocument>;
}

/**
 * The reader over `source` (a store from openStore(), or its `db`), opening sealed text with `cipher`.
 * @example const reader = createDatasetReader(store, keyringCipher(loadKeyring()));
 * for await (const c of reader.chunks(viewer, 'memos')) console.log(c.label, c.text);
 */
export function createDatasetReader(source: DatabaseSource, cipher: FieldCipher): StoreDatasetReader {
  const db = datasetDb(storeDb(source));
  const failed = (what: string) => (err: unknown) => {
    throw toStoreFailure(what, err);
  };
  return {
    async listDatasets(viewer) {
      const rows = await db
        .selectFrom('ds_datasets as d')
        .innerJoin('ds_versions as v', 'v.dataset', 'd.name')
        .select(['d.name', 'd.label'])
        .select((eb) => eb.fn.max('v.version').as('latest'))
        .groupBy(['d.name', 'd.label'])
        .orderBy('d.name')
        .execute()
        .catch(failed('list datasets'));
      return rows.filter((r) => canRead(viewer, r.label)).map((r) => ({ name: r.name, latestVersion: Number(r.latest), label: r.label }));
    },

    async getVersion(viewer, dataset, version) {
      return toVersionInfo(await visibleVersion(db, viewer, dataset, version));
    },

    async versions(viewer, dataset) {
      await visibleDataset(db, viewer, dataset);
      const rows = await db.selectFrom('ds_versions').selectAll().where('dataset', '=', dataset).orderBy('version').execute().catch(failed(`read dataset ${dataset}`));
      return rows.filter((r) => canRead(viewer, r.label)).map(toVersionInfo);
    },

    async *chunks(viewer, dataset, version, options = {}) {
      const v = await visibleVersion(db, viewer, dataset, version);
      let after = -1;
      for (;;) {
        let q = db
          .selectFrom('ds_version_chunks as m')
          .innerJoin('ds_chunks as c', (j) => j.onRef('c.dataset', '=', 'm.dataset').onRef('c.id', '=', 'm.chunk_id'))
          .select(['m.ord', 'm.duplicate_of', 'c.id', 'c.document_id', 'c.text', 'c.label', 'c.portion_marks', 'c.token_count', 'c.pii', 'c.lineage', 'c.metadata'])
          .where('m.dataset', '=', dataset)
          .where('m.version', '=', v.version)
          .where('m.ord', '>', after);
        if (!options.includeDuplicates) q = q.where('m.duplicate_of', 'is', null);
        const rows = await q.orderBy('m.ord').limit(PAGE).execute().catch(failed(`read chunks of ${dataset}`));
        if (rows.length === 0) return;
        for (const r of rows) {
          if (!canRead(viewer, r.label)) continue;
          const record: ChunkRecord = {
            id: r.id,
            documentId: r.document_id,
            text: cipher.open(r.text, chunkTextLocation(dataset, r.id)),
            label: r.label,
            portionMarks: JSON.parse(r.portion_marks) as string[],
            tokenCount: Number(r.token_count),
            pii: JSON.parse(r.pii) as ChunkRecord['pii'],
            lineage: JSON.parse(r.lineage) as ChunkLineage,
            metadata: JSON.parse(r.metadata) as Record<string, string>,
          };
          if (r.duplicate_of) record.duplicateOf = r.duplicate_of;
          yield record;
        }
        after = Number(rows[rows.length - 1]!.ord);
      }
    },

    async *documents(viewer, dataset, version) {
      const v = await visibleVersion(db, viewer, dataset, version);
      const rows = await db
        .selectFrom('ds_version_documents as m')
        .innerJoin('ds_documents as d', 'd.id', 'm.document_id')
        .select(['d.id', 'd.path', 'd.sha256', 'd.format', 'd.label', 'd.properties', 'd.parent_id', 'd.size', 'd.warnings'])
        .where('m.dataset', '=', dataset)
        .where('m.version', '=', v.version)
        .orderBy('d.path')
        .execute()
        .catch(failed(`read documents of ${dataset}`));
      for (const r of rows) {
        if (!canRead(viewer, r.label)) continue;
        yield {
          id: r.id,
          path: r.path,
          sha256: r.sha256,
          format: r.format,
          label: r.label,
          properties: JSON.parse(cipher.open(r.properties, documentPropertiesLocation(r.id))) as Record<string, string>,
          parentId: r.parent_id,
          size: Number(r.size),
          warnings: JSON.parse(r.warnings) as string[],
        };
      }
    },
  };
}

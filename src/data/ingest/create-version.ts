/** Creates version N+1 of a dataset when this ingest changed its documents: members, dedup, stats, digest, one transaction. */
import type { FieldCipher } from '../../governance/crypto/field-cipher.js';
import { derivedLabel } from '../../governance/access/derived-label.js';
import { sha256 } from '../../hashing/canonical-json.js';
import { toStoreFailure } from '../../store/store-failure.js';
import type { DatasetDb } from '../dataset/dataset-tables.js';
import type { ChunkRecord, DatasetVersionInfo } from '../dataset/dataset-types.js';
import type { PiiType } from '../pii/index.js';
import { ChunkDeduper, NEAR_DEDUP_STATS } from './dedup-chunks.js';
import { isVersionConflict, lockDatasetVersions, retryPause, VERSION_ATTEMPTS } from './version-lock.js';
import { carriedChunks, documentChunks, documentsById, latestVersion, versionDocuments, withDescendants, type MemberChunk } from './version-members.js';

const BATCH = 200;

/** What the new version needs to know about this ingest. */
export interface VersionRequest {
  db: DatasetDb;
  cipher: FieldCipher;
  dataset: string;
  ingestId: string;
  createdBy: string;
  now: () => Date;
  /** Top-level documents of the input files (stored or reused), in input order. */
  inputDocumentIds: readonly string[];
  /** Documents this ingest stored (to count duplicates among new chunks). */
  newDocumentIds: ReadonlySet<string>;
  errors: number;
}

/** The version made, and the duplicates found among this ingest's new chunks. */
export interface VersionOutcome {
  info: DatasetVersionInfo;
  newDuplicates: { exact: number; near: number };
}

/** The version's documents: the previous ones, each input file replacing the document at its path. */
async function members(r: VersionRequest, previous: number) {
  const prevDocs = await versionDocuments(r.db, r.dataset, previous);
  const byPath = new Map(prevDocs.filter((d) => d.parentId === null).map((d) => [d.path, d]));
  const inputs = await documentsById(r.db, r.inputDocumentIds);
  for (const d of inputs) byPath.set(d.path, d);
  const inputIds = new Set(inputs.map((d) => d.id));
  const roots = [...[...byPath.values()].filter((d) => !inputIds.has(d.id)), ...inputs];
  const docs = await withDescendants(r.db, r.dataset, roots);
  return { prevIds: new Set(prevDocs.map((d) => d.id)), docs };
}

/**
 * Creates the next version, or returns null when the documents are exactly those of the current version (a re-run of
 * unchanged files). Dedup runs over the whole version in order (carried chunks first, then new documents), so removing
 * a document can never leave a duplicate pointing at a chunk that is gone. Each chunk is deduplicated by its stored
 * dedup key (migration 0010); only chunks stored without one have their text opened and shingled.
 * Reading the current version and writing the next happen in one transaction under the dataset's version lock (see
 * version-lock.ts), so concurrent ingests into one dataset each make a version, the later including the earlier's files.
 */
export async function createVersion(r: VersionRequest): Promise<VersionOutcome | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await r.db.transaction().execute(async (tx) => {
        await lockDatasetVersions(tx, r.dataset);
        return await buildVersion({ ...r, db: tx });
      });
    } catch (err) {
      if (attempt < VERSION_ATTEMPTS && isVersionConflict(err)) {
        await retryPause(attempt);
        continue;
      }
      throw toStoreFailure(`create the next version of dataset ${r.dataset}`, err);
    }
  }
}

/** Reads the current version and writes the next; `r.db` is the version transaction. */
async function buildVersion(r: VersionRequest): Promise<VersionOutcome | null> {
  const previous = await latestVersion(r.db, r.dataset);
  const { prevIds, docs } = await members(r, previous);
  const ids = new Set(docs.map((d) => d.id));
  if (ids.size === prevIds.size && [...ids].every((id) => prevIds.has(id))) return null;

  const deduper = new ChunkDeduper();
  const rows: Array<{ chunk_id: string; duplicate_of: string | null; label: string }> = [];
  const duplicates = { exact: 0, near: 0 };
  const newDuplicates = { exact: 0, near: 0 };
  const piiTypes: Partial<Record<PiiType, number>> = {};
  const take = (c: MemberChunk) => {
    const dup = deduper.addKey(c.id, c.key);
    rows.push({ chunk_id: c.id, duplicate_of: dup, label: c.label });
    if (dup) {
      const kind = dup.startsWith('exact:') ? 'exact' : 'near';
      duplicates[kind]++;
      if (r.newDocumentIds.has(c.documentId)) newDuplicates[kind]++;
      return;
    }
    for (const t of (JSON.parse(c.pii) as ChunkRecord['pii']).types) piiTypes[t] = (piiTypes[t] ?? 0) + 1;
  };
  const carried = new Set([...ids].filter((id) => prevIds.has(id)));
  for await (const c of carriedChunks(r.db, r.cipher, r.dataset, previous, carried)) take(c);
  for (const d of docs) if (!prevIds.has(d.id)) for await (const c of documentChunks(r.db, r.cipher, r.dataset, d.id)) take(c);

  const version = previous + 1;
  const label = derivedLabel([...new Set([...docs.map((d) => d.label), ...rows.map((x) => x.label)])]);
  const info: DatasetVersionInfo = {
    dataset: r.dataset,
    version,
    digest: sha256(rows.map((x) => x.chunk_id).sort().join('\n')),
    createdAt: r.now().toISOString(),
    createdBy: r.createdBy,
    label,
    stats: { files: docs.filter((d) => d.parentId === null).length, documents: docs.length, chunks: rows.length, errors: r.errors, duplicates, piiTypes, nearDedup: NEAR_DEDUP_STATS },
  };
  await writeVersion(r, info, docs, rows);
  return { info, newDuplicates };
}

/** Writes the version rows; `r.db` is the version transaction. */
async function writeVersion(
  r: VersionRequest,
  info: DatasetVersionInfo,
  docs: ReadonlyArray<{ id: string; label: string }>,
  rows: ReadonlyArray<{ chunk_id: string; duplicate_of: string | null; label: string }>,
): Promise<void> {
  const tx = r.db; // the version transaction
  const existing = await tx.selectFrom('ds_datasets').select(['label']).where('name', '=', r.dataset).executeTakeFirst();
  if (existing) await tx.updateTable('ds_datasets').set({ label: derivedLabel([existing.label, info.label]) }).where('name', '=', r.dataset).execute();
  else await tx.insertInto('ds_datasets').values({ name: r.dataset, created_at: info.createdAt, created_by: r.createdBy, label: info.label }).execute();
  await tx
    .insertInto('ds_versions')
    .values({ dataset: r.dataset, version: info.version, digest: info.digest, ingest_id: r.ingestId, created_at: info.createdAt, created_by: r.createdBy, stats: JSON.stringify(info.stats), label: info.label })
    .execute();
  for (let i = 0; i < docs.length; i += BATCH) {
    await tx.insertInto('ds_version_documents').values(docs.slice(i, i + BATCH).map((d) => ({ dataset: r.dataset, version: info.version, document_id: d.id, label: d.label }))).execute();
  }
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx
      .insertInto('ds_version_chunks')
      .values(rows.slice(i, i + BATCH).map((x, j) => ({ dataset: r.dataset, version: info.version, chunk_id: x.chunk_id, ord: i + j, duplicate_of: x.duplicate_of, label: x.label })))
      .execute();
  }
}

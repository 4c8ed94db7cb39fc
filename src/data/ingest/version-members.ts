/** Which documents and chunks the next version holds: the current version with this ingest's files put in by path. */
import { sql } from 'kysely';
import type { FieldCipher } from '../../governance/crypto/field-cipher.js';
import type { DatasetDb } from '../dataset/dataset-tables.js';
import { chunkTextLocation } from '../dataset/sealed-locations.js';
import { DEDUP_KEYS } from './dedup-chunks.js';
import type { DedupKey } from './dedup-key.js';

/** Rows read per query. */
const PAGE = 500;

/** A document of a version. */
export interface MemberDocument {
  id: string;
  path: string;
  parentId: string | null;
  label: string;
}

/** A chunk streamed for dedup: its stored dedup key opened (or, for a chunk stored without one, computed from its text). */
export interface MemberChunk {
  id: string;
  documentId: string;
  key: DedupKey;
  label: string;
  pii: string;
}

/** The newest version number of `dataset` (0 when it has none). */
export async function latestVersion(db: DatasetDb, dataset: string): Promise<number> {
  const row = await db.selectFrom('ds_versions').select((eb) => eb.fn.max('version').as('v')).where('dataset', '=', dataset).executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** The documents of version `version` (none for version 0). */
export async function versionDocuments(db: DatasetDb, dataset: string, version: number): Promise<MemberDocument[]> {
  if (version === 0) return [];
  const rows = await db
    .selectFrom('ds_version_documents as v')
    .innerJoin('ds_documents as d', 'd.id', 'v.document_id')
    .select(['d.id', 'd.path', 'd.parent_id', 'd.label'])
    .where('v.dataset', '=', dataset)
    .where('v.version', '=', version)
    .orderBy('d.path')
    .execute();
  return rows.map((r) => ({ id: r.id, path: r.path, parentId: r.parent_id, label: r.label }));
}

/** `roots` and every document embedded in them, recursively, roots first then each level in path order. */
export async function withDescendants(db: DatasetDb, dataset: string, roots: readonly MemberDocument[]): Promise<MemberDocument[]> {
  const out = [...roots];
  let frontier = roots.map((d) => d.id);
  while (frontier.length > 0) {
    const next: MemberDocument[] = [];
    for (let i = 0; i < frontier.length; i += PAGE) {
      const rows = await db
        .selectFrom('ds_documents')
        .select(['id', 'path', 'parent_id', 'label'])
        .where('dataset', '=', dataset)
        .where('parent_id', 'in', frontier.slice(i, i + PAGE))
        .orderBy('path')
        .execute();
      next.push(...rows.map((r) => ({ id: r.id, path: r.path, parentId: r.parent_id, label: r.label })));
    }
    out.push(...next);
    frontier = next.map((d) => d.id);
  }
  return out;
}

/** The top-level documents with these ids (input files reused or stored by this ingest). */
export async function documentsById(db: DatasetDb, ids: readonly string[]): Promise<MemberDocument[]> {
  const out: MemberDocument[] = [];
  for (let i = 0; i < ids.length; i += PAGE) {
    const rows = await db.selectFrom('ds_documents').select(['id', 'path', 'parent_id', 'label']).where('id', 'in', ids.slice(i, i + PAGE)).execute();
    out.push(...rows.map((r) => ({ id: r.id, path: r.path, parentId: r.parent_id, label: r.label })));
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  return out.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/** The chunks of one version that belong to `keep`, in version order, dedup keys opened. */
export async function* carriedChunks(db: DatasetDb, cipher: FieldCipher, dataset: string, version: number, keep: ReadonlySet<string>): AsyncGenerator<MemberChunk> {
  if (version === 0) return;
  const pages = byOrd((after) =>
    db
      .selectFrom('ds_version_chunks as v')
      .innerJoin('ds_chunks as c', (j) => j.onRef('c.dataset', '=', 'v.dataset').onRef('c.id', '=', 'v.chunk_id'))
      .select(['v.ord', 'c.id', 'c.document_id', textIfNoKey('c'), 'c.dedup_key', 'c.label', 'c.pii'])
      .where('v.dataset', '=', dataset)
      .where('v.version', '=', version)
      .where('v.ord', '>', after)
      .orderBy('v.ord')
      .limit(PAGE)
      .execute(),
  );
  for await (const r of pages) if (keep.has(r.document_id)) yield await memberChunk(db, cipher, dataset, r);
}

/** The chunks of one document in order, dedup keys opened. */
export async function* documentChunks(db: DatasetDb, cipher: FieldCipher, dataset: string, documentId: string): AsyncGenerator<MemberChunk> {
  const pages = byOrd((after) =>
    db
      .selectFrom('ds_chunks')
      .select(['id', 'document_id', 'ord', textIfNoKey(null), 'dedup_key', 'label', 'pii'])
      .where('dataset', '=', dataset)
      .where('document_id', '=', documentId)
      .where('ord', '>', after)
      .orderBy('ord')
      .limit(PAGE)
      .execute(),
  );
  for await (const r of pages) yield await memberChunk(db, cipher, dataset, r);
}

type ChunkRow = { id: string; document_id: string; text: string | null; dedup_key: string | null; label: string; pii: string };

/** The sealed text only where no dedup key is stored: a chunk with a key never has its text read. */
function textIfNoKey(alias: 'c' | null) {
  const col = (name: string) => sql.ref(alias ? `${alias}.${name}` : name);
  return sql<string | null>`case when ${col('dedup_key')} is null then ${col('text')} end`.as('text');
}

/** The stored key when usable; else the text is opened and the key computed (rows from before migration 0010). */
async function memberChunk(db: DatasetDb, cipher: FieldCipher, dataset: string, r: ChunkRow): Promise<MemberChunk> {
  const stored = DEDUP_KEYS.open(cipher, dataset, r.id, r.dedup_key);
  const key = stored ?? DEDUP_KEYS.compute(cipher.open(r.text ?? (await chunkText(db, dataset, r.id)), chunkTextLocation(dataset, r.id)));
  return { id: r.id, documentId: r.document_id, key, label: r.label, pii: r.pii };
}

/** The sealed text of one chunk (its stored key was unusable: made under other near-dedup parameters). */
async function chunkText(db: DatasetDb, dataset: string, id: string): Promise<string> {
  const row = await db.selectFrom('ds_chunks').select('text').where('dataset', '=', dataset).where('id', '=', id).executeTakeFirstOrThrow();
  return row.text;
}

/** Keyset pagination on `ord`: calls `page(after)` until a page comes back empty. */
async function* byOrd<R extends { ord: number }>(page: (after: number) => Promise<R[]>): AsyncGenerator<R> {
  for (let after = -1; ; ) {
    const rows = await page(after);
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1]!.ord;
  }
}

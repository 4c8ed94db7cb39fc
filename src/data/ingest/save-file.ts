/**
 * Writes one input file's documents, chunks (text and dedup key sealed) and error records in ONE transaction: a kill
 * never leaves half a file.
 */
import type { FieldCipher } from '../../governance/crypto/field-cipher.js';
import { sha256 } from '../../hashing/canonical-json.js';
import { toStoreFailure } from '../../store/store-failure.js';
import type { DatasetDb } from '../dataset/dataset-tables.js';
import { chunkTextLocation, documentPropertiesLocation } from '../dataset/sealed-locations.js';
import { DEDUP_KEYS } from './dedup-chunks.js';
import type { FileError, ProcessedDocument } from './process-document.js';

/** Rows per INSERT: well under every driver's parameter limit. */
const BATCH = 200;

/** Where rows go and how text is sealed. */
export interface SaveContext {
  db: DatasetDb;
  cipher: FieldCipher;
  dataset: string;
  ingestId: string;
  now: () => Date;
  /** Label of error rows (nothing was read from the file, so the unmarked label). */
  errorLabel: string;
}


/** The id of an error row. */
function errorId(ctx: SaveContext, e: FileError, i: number): string {
  return sha256(`${ctx.dataset}\u0000${ctx.ingestId}\u0000${e.path}\u0000${i}`).slice(0, 32);
}

/**
 * Saves `documents` (with their chunks, text sealed) and `errors` atomically. A document already stored (same
 * dataset, path and bytes) is left as it is.
 */
export async function saveFile(ctx: SaveContext, documents: readonly ProcessedDocument[], errors: readonly FileError[]): Promise<void> {
  const at = ctx.now().toISOString();
  try {
    await ctx.db.transaction().execute(async (tx) => {
      for (const d of documents) {
        const inserted = await tx
          .insertInto('ds_documents')
          .values({
            id: d.id,
            dataset: ctx.dataset,
            ingest_id: ctx.ingestId,
            path: d.path,
            sha256: d.sha256,
            size: d.size,
            format: d.format,
            parent_id: d.parentId,
            units: d.units,
            properties: ctx.cipher.seal(JSON.stringify(d.properties), documentPropertiesLocation(d.id)),
            warnings: JSON.stringify(d.warnings),
            label: d.label,
            ingested_at: at,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) continue;
        for (let i = 0; i < d.chunks.length; i += BATCH) {
          const rows = d.chunks.slice(i, i + BATCH).map((c, j) => ({
            dataset: ctx.dataset,
            id: c.id,
            document_id: d.id,
            ord: i + j,
            text: ctx.cipher.seal(c.text, chunkTextLocation(ctx.dataset, c.id)),
            dedup_key: DEDUP_KEYS.seal(ctx.cipher, ctx.dataset, c.id, DEDUP_KEYS.compute(c.text)),
            portion_marks: JSON.stringify(c.portionMarks),
            token_count: c.tokenCount,
            pii: JSON.stringify(c.pii),
            lineage: JSON.stringify(c.lineage),
            metadata: JSON.stringify(c.metadata),
            label: c.label,
          }));
          await tx.insertInto('ds_chunks').values(rows).onConflict((oc) => oc.columns(['dataset', 'id']).doNothing()).execute();
        }
      }
      for (let i = 0; i < errors.length; i++) {
        const e = errors[i]!;
        await tx
          .insertInto('ds_errors')
          .values({ id: errorId(ctx, e, i), dataset: ctx.dataset, ingest_id: ctx.ingestId, path: e.path, sha256: e.sha256, code: e.code, reason: e.reason, label: ctx.errorLabel, at })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      }
    });
  } catch (err) {
    throw toStoreFailure(`save ${documents[0]?.path ?? errors[0]?.path ?? 'a file'} into dataset ${ctx.dataset}`, err);
  }
}

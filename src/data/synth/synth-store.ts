/** Saves synth results in one transaction and reads kept items back, only those the viewer may read (MAC). */
import type { Kysely } from 'kysely';
import { AssayError } from '../../errors/index.js';
import { canRead } from '../../governance/access/can-read.js';
import type { FieldCipher } from '../../governance/crypto/field-cipher.js';
import type { User } from '../../governance/identity/user.js';
import { sha256 } from '../../hashing/canonical-json.js';
import { derivedLabel } from '../../governance/access/derived-label.js';
import type { Database } from '../../store/schema.js';
import { toStoreFailure } from '../../store/store-failure.js';
import type { QaItem, QaItemReader } from '../dataset/dataset-types.js';
import type { SynthResult } from './synthesize.js';
import type { SynthTables } from './synth-tables.js';

type SynthDb = Kysely<Database & SynthTables>;

const seal = (cipher: FieldCipher, table: string, column: string, setId: string, id: string, text: string) => cipher.seal(text, { table, column, rowId: `${setId}:${id}` });

/** The label of a set: the roll-up of its items' labels (derivedLabel: never lower than any item). */
function setLabel(result: SynthResult): string {
  return derivedLabel(result.items.map((i) => i.label));
}

/**
 * Stores a synth result as a new set; returns its id.
 * @example const setId = await saveSynthResult(store.db, cipher, result, viewer.id);
 */
export async function saveSynthResult(db: Kysely<Database>, cipher: FieldCipher, result: SynthResult, createdBy: string): Promise<string> {
  const sdb: SynthDb = db.withTables<SynthTables>();
  const createdAt = new Date().toISOString();
  const id = sha256(`${result.dataset}\0${result.version}\0${createdAt}\0${createdBy}\0${result.items.map((i) => i.id).join(',')}`).slice(0, 24);
  const rows = [
    ...result.items.map((item, ord) => ({ item, ord, status: 'kept', reason: null as string | null, label: item.label })),
    ...result.rejected.map((r, i) => ({
      item: { id: `r${i}`, question: r.question ?? '', answer: r.answer ?? '', citations: [r.chunkId], source: {}, metadata: { detail: r.detail } },
      ord: result.items.length + i,
      status: 'rejected',
      reason: r.reason as string | null,
      label: r.label,
    })),
  ];
  try {
    await sdb.transaction().execute(async (tx) => {
      await tx
        .insertInto('synth_sets')
        .values({ id, dataset: result.dataset, version: result.version, created_at: createdAt, created_by: createdBy, settings: JSON.stringify(result.settings), stats: JSON.stringify(result.stats), label: setLabel(result) })
        .execute();
      for (let i = 0; i < rows.length; i += 200) {
        await tx
          .insertInto('synth_items')
          .values(
            rows.slice(i, i + 200).map(({ item, ord, status, reason, label }) => ({
              set_id: id,
              id: item.id,
              ord,
              status,
              reason,
              question: seal(cipher, 'synth_items', 'question', id, item.id, item.question),
              answer: seal(cipher, 'synth_items', 'answer', id, item.id, item.answer),
              citations: JSON.stringify(item.citations),
              source: JSON.stringify(item.source),
              metadata: JSON.stringify(item.metadata),
              label,
            })),
          )
          .execute();
      }
    });
  } catch (err) {
    throw toStoreFailure(`save synth set for dataset ${result.dataset}`, err);
  }
  return id;
}

/**
 * Reads the newest synth set of a dataset version (or of the newest version with a set): kept items only, and only
 * those whose label the viewer's clearance dominates.
 */
export function createQaItemReader(db: Kysely<Database>, cipher: FieldCipher): QaItemReader {
  const sdb: SynthDb = db.withTables<SynthTables>();
  return {
    async *qaItems(viewer: User, dataset: string, version?: number): AsyncIterable<QaItem> {
      let q = sdb.selectFrom('synth_sets').select(['id']).where('dataset', '=', dataset);
      if (version !== undefined) q = q.where('version', '=', version);
      const set = await q.orderBy('version', 'desc').orderBy('created_at', 'desc').limit(1).executeTakeFirst();
      if (!set) {
        throw new AssayError('NOT_FOUND', `No synthesised items for dataset "${dataset}"${version === undefined ? '' : ` version ${version}`}.`, {
          hint: `Run \`assay dataset synth ${dataset} --model <provider>/<model>\` first.`,
        });
      }
      const rows = await sdb.selectFrom('synth_items').selectAll().where('set_id', '=', set.id).where('status', '=', 'kept').orderBy('ord').execute();
      for (const row of rows) {
        if (!canRead(viewer, row.label)) continue;
        yield {
          id: row.id,
          question: cipher.open(row.question, { table: 'synth_items', column: 'question', rowId: `${set.id}:${row.id}` }),
          answer: cipher.open(row.answer, { table: 'synth_items', column: 'answer', rowId: `${set.id}:${row.id}` }),
          citations: JSON.parse(row.citations) as string[],
          label: row.label,
          source: JSON.parse(row.source) as QaItem['source'],
          metadata: JSON.parse(row.metadata) as Record<string, string>,
        };
      }
    },
  };
}

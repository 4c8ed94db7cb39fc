/**
 * The rewrap pass of `assay keys rotate`: every token of every registered encrypted column gets its data key
 * re-wrapped under the keyring's current master key. Generic over ENCRYPTED_COLUMNS (table, column, row-id columns),
 * so tables added by other domains are covered without changes here. Batches walk the primary key in order, each
 * batch its own short transaction; an update only applies when the value is still the token that was read, so a
 * row rewritten meanwhile (a running eval) is left alone — its token is under a key the keyring still holds.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { ENCRYPTED_COLUMNS, type EncryptedColumn } from './encrypted-columns.js';
import { fieldAad } from './field-aad.js';
import { encryptField } from './encrypt-field.js';
import { isFieldToken, TOKEN_VERSION } from './field-token.js';
import type { Keyring } from './keyring.js';
import { presentColumns } from './column-presence.js';
import { rewrapToken } from './rewrap-token.js';

/** Rows per batch (and per transaction) unless told otherwise. */
export const DEFAULT_REWRAP_BATCH = 200;

/** Options of a rewrap pass. */
export interface RewrapOptions {
  keyring: Keyring;
  /** Default ENCRYPTED_COLUMNS. */
  columns?: readonly EncryptedColumn[];
  batchSize?: number;
  /**
   * Also seal values that are still plaintext (rows written before encryption was on), with the AAD row id the
   * registry documents (row-id column values joined by ':'). Default false.
   */
  sealPlaintext?: boolean;
  signal?: AbortSignal;
  /** Called after each committed batch. */
  onBatch?: (progress: { table: string; column: string; rewrapped: number }) => void;
}

/** What the pass did to one column. */
export interface ColumnRewrap {
  table: string;
  column: string;
  /** Values examined (tokens not under the current key, and plaintext when sealing it). */
  scanned: number;
  rewrapped: number;
  sealed: number;
  /** Rows changed by another writer between read and update (left as that writer wrote them). */
  skipped: number;
  failed: number;
  errors: { rowId: string; reason: string }[];
  /** True when the table or column does not exist in this database (its migration is not applied). */
  absent?: true;
}

type Row = Record<string, unknown>;
const SEALED = 'assay_sealed_value';

/**
 * Re-wraps (and optionally seals) every registered column; returns one entry per column.
 * @example const report = await rewrapColumns(store.db, { keyring: rotateMasterKey({ keyFile }) });
 */
export async function rewrapColumns<DB>(db: Kysely<DB>, options: RewrapOptions): Promise<ColumnRewrap[]> {
  const { present, missing } = await presentColumns(db, options.columns ?? ENCRYPTED_COLUMNS);
  const out: ColumnRewrap[] = [];
  for (const col of present) out.push(await rewrapColumn(db, col, options));
  for (const col of missing) out.push({ ...empty(col), absent: true });
  return out;
}

async function rewrapColumn<DB>(db: Kysely<DB>, col: EncryptedColumn, options: RewrapOptions): Promise<ColumnRewrap> {
  const result = empty(col);
  const batch = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_REWRAP_BATCH));
  let cursor: unknown[] | undefined;
  for (;;) {
    options.signal?.throwIfAborted();
    const rows = (await selectBatch(col, options, cursor, batch).execute(db)).rows;
    if (rows.length === 0) break;
    cursor = col.rowId.map((c) => rows[rows.length - 1]![c]);
    const updates: { row: Row; from: string; to: string; sealed: boolean }[] = [];
    for (const row of rows) {
      const from = String(row[SEALED]);
      const rowId = col.rowId.map((c) => String(row[c])).join(':');
      result.scanned += 1;
      try {
        const sealed = !isFieldToken(from);
        const to = sealed ? encryptField(from, { aad: fieldAad({ table: col.table, column: col.column, rowId }), keyring: options.keyring }) : rewrapToken(from, options.keyring);
        updates.push({ row, from, to, sealed });
      } catch (err) {
        result.failed += 1;
        if (result.errors.length < 20) result.errors.push({ rowId, reason: err instanceof Error ? err.message : String(err) });
      }
    }
    await db.transaction().execute(async (trx) => {
      for (const u of updates) {
        const key = sql.join(col.rowId.map((c) => sql`${sql.ref(c)} = ${u.row[c]}`), sql` and `);
        const r = await sql`update ${sql.table(col.table)} set ${sql.ref(col.column)} = ${u.to} where ${key} and ${sql.ref(col.column)} = ${u.from}`.execute(trx);
        if ((r.numAffectedRows ?? 0n) > 0n) {
          if (u.sealed) result.sealed += 1;
          else result.rewrapped += 1;
        } else result.skipped += 1;
      }
    });
    options.onBatch?.({ table: col.table, column: col.column, rewrapped: result.rewrapped + result.sealed });
    if (rows.length < batch) break;
  }
  return result;
}

/** The next batch after `cursor` in primary-key order: tokens not under the current key (and plaintext, if asked). */
function selectBatch(col: EncryptedColumn, options: RewrapOptions, cursor: unknown[] | undefined, batch: number): RawBuilder<Row> {
  const ids = sql.join(col.rowId.map((c) => sql.ref(c)));
  const value = sql.ref(col.column);
  const prefix = `${TOKEN_VERSION}.`;
  const current = `${TOKEN_VERSION}.${options.keyring.current.id}.`;
  const isToken = sql`substr(${value}, 1, ${sql.lit(prefix.length)}) = ${prefix}`;
  const stale = sql`(${isToken} and substr(${value}, 1, ${sql.lit(current.length)}) <> ${current})`;
  const wanted = options.sealPlaintext ? sql`(${stale} or not (${isToken}))` : stale;
  const after = cursor ? sql`and (${ids}) > (${sql.join(cursor.map((v) => sql`${v}`))})` : sql``;
  return sql<Row>`select ${ids}, ${value} as ${sql.ref(SEALED)} from ${sql.table(col.table)} where ${value} is not null and ${wanted} ${after} order by ${ids} limit ${sql.lit(batch)}`;
}

function empty(col: EncryptedColumn): ColumnRewrap {
  return { table: col.table, column: col.column, scanned: 0, rewrapped: 0, sealed: 0, skipped: 0, failed: 0, errors: [] };
}

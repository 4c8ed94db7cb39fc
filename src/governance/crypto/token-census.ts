/** How many values of each registered encrypted column sit under each master key id (and how many are plaintext). */
import { sql, type Kysely } from 'kysely';
import { presentColumns } from './column-presence.js';
import { ENCRYPTED_COLUMNS, type EncryptedColumn } from './encrypted-columns.js';
import { TOKEN_VERSION } from './field-token.js';

/** Token counts of one column: key id → count; `plaintext` counts non-null values that are not tokens. */
export interface ColumnCensus {
  table: string;
  column: string;
  byKey: Record<string, number>;
  plaintext: number;
  absent?: true;
}

/**
 * Counts tokens per key id in every registered column (key ids only: never key bytes or values).
 * @example const census = await tokenCensus(store.db); // [{ table: 'sample_results', column: 'output', byKey: { '3f…': 12 }, plaintext: 0 }]
 */
export async function tokenCensus<DB>(db: Kysely<DB>, columns: readonly EncryptedColumn[] = ENCRYPTED_COLUMNS): Promise<ColumnCensus[]> {
  const { present, missing } = await presentColumns(db, columns);
  const prefix = `${TOKEN_VERSION}.`;
  const out: ColumnCensus[] = [];
  for (const col of present) {
    const value = sql.ref(col.column);
    const keyId = sql<string>`case when substr(${value}, 1, ${sql.lit(prefix.length)}) = ${prefix} then substr(${value}, ${sql.lit(prefix.length + 1)}, 16) else '' end`;
    const { rows } = await sql<{ key_id: string; n: number | string | bigint }>`select ${keyId} as key_id, count(*) as n from ${sql.table(col.table)} where ${value} is not null group by 1`.execute(db);
    const census: ColumnCensus = { table: col.table, column: col.column, byKey: {}, plaintext: 0 };
    for (const r of rows) {
      if (r.key_id === '') census.plaintext += Number(r.n);
      else census.byKey[r.key_id] = Number(r.n);
    }
    out.push(census);
  }
  for (const col of missing) out.push({ table: col.table, column: col.column, byKey: {}, plaintext: 0, absent: true });
  return out;
}

/** Tokens in `census` whose key id is not `currentId` (what must be zero before retired keys are dropped). */
export function staleTokenCount(census: readonly ColumnCensus[], currentId: string): number {
  return census.reduce((sum, c) => sum + countNotUnder(c.byKey, currentId), 0);
}

/** The total of a key id → count map over every key id but `currentId`. */
export function countNotUnder(byKey: Readonly<Record<string, number>>, currentId: string): number {
  return Object.entries(byKey).reduce((s, [id, n]) => (id === currentId ? s : s + n), 0);
}

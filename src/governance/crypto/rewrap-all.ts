/** One full rewrap pass over everything sealed at rest (registered columns and sealed files), then a verification. */
import type { Kysely } from 'kysely';
import type { EncryptedColumn } from './encrypted-columns.js';
import type { Keyring } from './keyring.js';
import { rewrapColumns, type ColumnRewrap } from './rewrap-columns.js';
import { rewrapSealedFiles, sealedFileKeyCounts, type SealedFilesRewrap } from './sealed-file.js';
import { countNotUnder, staleTokenCount, tokenCensus, type ColumnCensus } from './token-census.js';

/** What a pass did and what is still under other keys afterwards. */
export interface RewrapAllResult {
  columns: ColumnRewrap[];
  files: SealedFilesRewrap;
  /** After the pass: tokens in columns and sealed files not under the current key (0 = retired keys may be dropped). */
  remaining: { tokens: number; files: number };
  census: ColumnCensus[];
}

/**
 * Re-wraps every registered column and every sealed file under `filesDir`, then counts what still references another
 * key (rows a running process wrote under its old key meanwhile, or tokens that failed).
 * @example const r = await rewrapAll({ db: store.db, keyring, filesDir: reportsDir() }); if (r.remaining.tokens === 0) dropRetiredKeys({ keyFile });
 */
export async function rewrapAll<DB>(args: {
  db: Kysely<DB>;
  keyring: Keyring;
  filesDir: string;
  columns?: readonly EncryptedColumn[];
  batchSize?: number;
  sealPlaintext?: boolean;
  signal?: AbortSignal;
}): Promise<RewrapAllResult> {
  const columns = await rewrapColumns(args.db, { keyring: args.keyring, columns: args.columns, batchSize: args.batchSize, sealPlaintext: args.sealPlaintext, signal: args.signal });
  const files = rewrapSealedFiles(args.filesDir, args.keyring);
  const census = await tokenCensus(args.db, args.columns);
  const staleFiles = countNotUnder(sealedFileKeyCounts(args.filesDir), args.keyring.current.id);
  return { columns, files, remaining: { tokens: staleTokenCount(census, args.keyring.current.id), files: staleFiles }, census };
}

/**
 * `--format parquet`: the JSONL columns, nested values as JSON strings, written in row groups as rows stream; the
 * footer carries `assay.dataset`, `assay.version`, `assay.digest`, `assay.banner` and `assay.lineage`.
 */
import { fileWriter, ParquetWriter, schemaFromColumnData, type ColumnSource } from 'hyparquet-writer';
import { ASSAY_VERSION } from '../../../version.js';
import { CHUNK_COLUMNS, type ChunkRow } from '../chunk-row.js';
import type { ExportContext, FormatWriter } from '../export-context.js';
import { exportChunks } from '../export-sources.js';

const ROW_GROUP = 2000;
const INT_COLUMNS = new Set<string>(['token_count', 'version']);

/** Columns for a batch of rows: integers as INT32, strings as STRING, everything nested as a JSON string. */
function columns(rows: readonly ChunkRow[]): ColumnSource[] {
  return CHUNK_COLUMNS.map((name): ColumnSource => {
    if (INT_COLUMNS.has(name)) return { name, type: 'INT32', nullable: false, data: rows.map((r) => r[name] as number) };
    return {
      name,
      type: 'STRING',
      nullable: name === 'duplicate_of',
      data: rows.map((r) => {
        const v = r[name];
        return typeof v === 'string' || v === null ? v : JSON.stringify(v);
      }),
    };
  });
}

/** The lineage summary kept in the footer: the sources, every transformation applied, and who exported when. */
function lineageSummary(ctx: ExportContext, transformations: ReadonlySet<string>): string {
  return JSON.stringify({
    sources: [...ctx.tally.sources.values()].map((s) => ({ path: s.path, sha256: s.sha256, rows: s.rows })),
    transformations: [...transformations].sort(),
    export: { by: ctx.deps.viewer.id, tool: `assay@${ASSAY_VERSION}`, maxLabel: ctx.maxLabel ?? null, keepPii: ctx.request.keepPii, includeDuplicates: ctx.request.includeDuplicates },
  });
}

export const writeParquet: FormatWriter = async (ctx) => {
  // The Parquet writer writes its file by name: the temporary file is adopted, and hashed once finished.
  const file = await ctx.adopt('rows');
  const writer = new ParquetWriter({ writer: fileWriter(file.temp), schema: schemaFromColumnData({ columnData: columns([]) }), kvMetadata: [] });
  const transformations = new Set<string>();
  let batch: ChunkRow[] = [];
  const flush = async () => {
    if (batch.length > 0) await writer.write({ columnData: columns(batch), rowGroupSize: ROW_GROUP });
    batch = [];
  };
  for await (const row of exportChunks(ctx)) {
    for (const t of row.lineage.transformations) transformations.add(t);
    batch.push(row);
    if (batch.length >= ROW_GROUP) await flush();
  }
  await flush();
  // The banner is known only once every row is out; the footer is written last, so it can carry it.
  writer.kvMetadata = [
    { key: 'assay.dataset', value: ctx.info.dataset },
    { key: 'assay.version', value: String(ctx.info.version) },
    { key: 'assay.digest', value: ctx.info.digest },
    { key: 'assay.banner', value: ctx.tally.banner() },
    { key: 'assay.lineage', value: lineageSummary(ctx, transformations) },
  ];
  await writer.finish();
  await file.close();
};

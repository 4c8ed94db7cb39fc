/**
 * `--format retrieval`: a BEIR-style corpus (`corpus.jsonl`: `_id`, `title`, `text`, `metadata`) and, when synth QA
 * items exist, `queries.jsonl` and `qrels/test.tsv` (query-id, corpus-id, score) linking each query to the chunks it
 * cites. A query none of whose cited chunks was exported is left out (it could not be scored).
 */
import type { FormatWriter } from '../export-context.js';
import { exportChunks, exportQaItems } from '../export-sources.js';
import type { TempFile } from '../temp-file.js';

export const writeRetrieval: FormatWriter = async (ctx) => {
  const corpus = await ctx.open('corpus');
  const ids = new Set<string>();
  for await (const row of exportChunks(ctx)) {
    ids.add(row.id);
    const { title = '', ...metadata } = row.metadata;
    await corpus.write(
      `${JSON.stringify({
        _id: row.id,
        title,
        text: row.text,
        metadata: { label: row.label, source: row.source, portion_marks: row.portion_marks, pii: row.pii, document_id: row.document_id, dataset: row.dataset, version: row.version, token_count: row.token_count, ...metadata },
      })}\n`,
    );
  }
  await corpus.close();

  let queries: TempFile | undefined;
  let qrels: TempFile | undefined;
  for await (const item of exportQaItems(ctx, { count: false, required: false })) {
    const cited = [...new Set(item.citations)].filter((id) => ids.has(id));
    if (cited.length === 0) {
      ctx.tally.droppedQueries++;
      continue;
    }
    if (!queries || !qrels) {
      queries = await ctx.open('queries');
      qrels = await ctx.open('qrels');
      await qrels.write('query-id\tcorpus-id\tscore\n');
    }
    ctx.tally.queries++;
    await queries.write(`${JSON.stringify({ _id: item.id, text: item.question, metadata: { label: item.label, answer: item.answer, citations: item.citations, source: item.source } })}\n`);
    for (const id of cited) {
      ctx.tally.qrels++;
      await qrels.write(`${item.id}\t${id}\t1\n`);
    }
  }
  await queries?.close();
  await qrels?.close();
};

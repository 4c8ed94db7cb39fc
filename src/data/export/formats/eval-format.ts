/** `--format eval`: synth QA items as an Assay eval dataset (`assay eval <file>` runs it). */
import { qaItemToEvalRow } from '../../synth/eval-row.js';
import type { FormatWriter } from '../export-context.js';
import { exportQaItems } from '../export-sources.js';

/** Rows are `{id, input, target, metadata: {citations, label, source, …}}` plus a top-level `label` for `fields.label`. */
export const writeEval: FormatWriter = async (ctx) => {
  const file = await ctx.open('rows');
  for await (const item of exportQaItems(ctx, { count: true, required: true })) {
    await file.write(`${JSON.stringify({ ...qaItemToEvalRow(item), label: item.label })}\n`);
  }
  await file.close();
};

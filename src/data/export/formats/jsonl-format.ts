/** `--format jsonl`: one JSON object per exported chunk. */
import type { FormatWriter } from '../export-context.js';
import { exportChunks } from '../export-sources.js';

export const writeJsonl: FormatWriter = async (ctx) => {
  const file = await ctx.open('rows');
  for await (const row of exportChunks(ctx)) await file.write(`${JSON.stringify(row)}\n`);
  await file.close();
};

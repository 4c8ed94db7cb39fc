/** `--format preference`: `{id, prompt, chosen, rejected, label}` from a pairwise labelling task's consensus (`--task`). */
import type { FormatWriter } from '../export-context.js';
import { exportPreferencePairs } from '../export-sources.js';

export const writePreference: FormatWriter = async (ctx) => {
  const file = await ctx.open('rows');
  for await (const p of exportPreferencePairs(ctx)) {
    await file.write(`${JSON.stringify({ id: p.id, prompt: p.prompt, chosen: p.chosen, rejected: p.rejected, label: p.label })}\n`);
  }
  await file.close();
};

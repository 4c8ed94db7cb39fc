/**
 * `--format chat`: fine-tuning conversations `{id, messages: [system?, user, assistant], label}` from synth QA items,
 * or with `--task` from a free-text labelling task's written responses.
 */
import type { FormatWriter } from '../export-context.js';
import { exportQaItems, exportWrittenResponses } from '../export-sources.js';

type Message = { role: 'system' | 'user' | 'assistant'; content: string };

function conversation(system: string | undefined, user: string, assistant: string): Message[] {
  return [...(system === undefined ? [] : [{ role: 'system' as const, content: system }]), { role: 'user', content: user }, { role: 'assistant', content: assistant }];
}

export const writeChat: FormatWriter = async (ctx) => {
  const file = await ctx.open('rows');
  const system = ctx.request.system;
  if (ctx.request.task === undefined) {
    for await (const item of exportQaItems(ctx, { count: true, required: true })) {
      await file.write(`${JSON.stringify({ id: item.id, messages: conversation(system, item.question, item.answer), label: item.label })}\n`);
    }
  } else {
    for await (const w of exportWrittenResponses(ctx)) {
      await file.write(`${JSON.stringify({ id: w.id, messages: conversation(system, w.prompt, w.response), label: w.label })}\n`);
    }
  }
  await file.close();
};

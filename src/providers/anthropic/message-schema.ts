/** The part of an Anthropic Messages API response Assay reads, checked with zod rather than trusted. */
import { z } from 'zod';
import type { ModelOutput } from '../../model/index.js';
import { toFinishReason } from '../shared/finish-reason.js';

/** The fields Assay needs from a message; non-text content blocks are skipped. */
export const AnthropicMessageSchema = z.object({
  model: z.string().optional(),
  content: z.array(z.object({ type: z.string(), text: z.string().optional() })),
  stop_reason: z.string().nullish(),
  usage: z.object({ input_tokens: z.number(), output_tokens: z.number() }).nullish(),
});
export type AnthropicMessage = z.infer<typeof AnthropicMessageSchema>;

/** Joins the text blocks of a validated message into Assay's ModelOutput. */
export function anthropicMessageToOutput(message: AnthropicMessage): ModelOutput {
  const text = message.content
    .filter((block) => block.type === 'text')
    .map((block) => block.text ?? '')
    .join('');
  return {
    text,
    finishReason: toFinishReason(message.stop_reason),
    usage: { inputTokens: message.usage?.input_tokens ?? 0, outputTokens: message.usage?.output_tokens ?? 0 },
    ...(message.model ? { model: message.model } : {}),
  };
}

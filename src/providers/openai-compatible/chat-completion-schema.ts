/** The part of an OpenAI chat.completions response Assay reads, checked with zod rather than trusted. */
import { z } from 'zod';
import type { ModelOutput } from '../../model/index.js';
import { toFinishReason } from '../shared/finish-reason.js';

/** The fields Assay needs from a chat completion; extra fields are ignored. */
export const ChatCompletionSchema = z.object({
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish() }),
        finish_reason: z.string().nullish(),
        logprobs: z
          .object({ content: z.array(z.object({ token: z.string(), logprob: z.number() })).nullish() })
          .nullish(),
      }),
    )
    .min(1, 'expected at least one choice'),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).nullish(),
});
export type ChatCompletion = z.infer<typeof ChatCompletionSchema>;

/** Maps a validated chat completion to Assay's ModelOutput (first choice only). */
export function chatCompletionToOutput(completion: ChatCompletion): ModelOutput {
  const [choice] = completion.choices;
  const logprobs = choice?.logprobs?.content?.map(({ token, logprob }) => ({ token, logprob }));
  return {
    text: choice?.message.content ?? '',
    finishReason: toFinishReason(choice?.finish_reason),
    usage: {
      inputTokens: completion.usage?.prompt_tokens ?? 0,
      outputTokens: completion.usage?.completion_tokens ?? 0,
    },
    ...(completion.model ? { model: completion.model } : {}),
    ...(logprobs ? { logprobs } : {}),
  };
}

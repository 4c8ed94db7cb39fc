/** Messages, generation settings and outputs shared by every model provider. */
import { z } from 'zod';

export const ROLES = ['system', 'user', 'assistant'] as const;
export type Role = (typeof ROLES)[number];

export const ChatMessageSchema = z.object({
  role: z.enum(ROLES),
  content: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** Settings sent to the model; part of the response-cache key. */
export const GenerateConfigSchema = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().positive().optional(),
    topP: z.number().min(0).max(1).optional(),
    seed: z.number().int().optional(),
    stop: z.array(z.string()).optional(),
    logprobs: z.boolean().optional(),
  })
  .strict();
export type GenerateConfig = z.infer<typeof GenerateConfigSchema>;

export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

export interface TokenLogprob {
  token: string;
  logprob: number;
}

/** What one model call returned. */
export interface ModelOutput {
  text: string;
  finishReason: 'stop' | 'length' | 'content_filter' | 'error' | 'unknown';
  usage: Usage;
  /** The model name the server says it used, when it says. */
  model?: string;
  logprobs?: TokenLogprob[];
}

export interface GenerateRequest {
  messages: ChatMessage[];
  config: GenerateConfig;
}

export interface CallOptions {
  signal?: AbortSignal;
}

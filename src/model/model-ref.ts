/** Parses `<provider>/<model>` references and `-M key=value` arguments once, through a schema. */
import { z } from 'zod';
import { AssayError } from '../errors/index.js';

export const PROVIDER_KINDS = ['openai-compatible', 'anthropic', 'http', 'gguf', 'mock'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const ModelRefSchema = z.object({
  provider: z.enum(PROVIDER_KINDS),
  model: z.string().min(1),
  args: z.record(z.string(), z.string()).default({}),
});
export type ModelRef = z.infer<typeof ModelRefSchema>;

/**
 * @example parseModelRef('openai-compatible/llama3', { base_url: 'http://127.0.0.1:8000/v1' })
 */
export function parseModelRef(ref: string, args: Record<string, string> = {}): ModelRef {
  const slash = ref.indexOf('/');
  const provider = slash > 0 ? ref.slice(0, slash) : ref;
  const model = slash > 0 ? ref.slice(slash + 1) : '';
  if (!(PROVIDER_KINDS as readonly string[]).includes(provider) || model === '') {
    throw new AssayError('MODEL_REF_INVALID', `"${ref}" is not a model reference.`, {
      hint: `Write <provider>/<model>, with provider one of: ${PROVIDER_KINDS.join(', ')} (for example mock/echo or openai-compatible/llama3 -M base_url=http://127.0.0.1:8000/v1).`,
    });
  }
  return ModelRefSchema.parse({ provider, model, args });
}

/** Parses repeated `key=value` strings from `-M`. */
export function parseKeyValues(pairs: readonly string[], flag = '-M'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      throw new AssayError('USAGE', `${flag} "${pair}" is not key=value.`, { hint: `Write ${flag} key=value.` });
    }
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

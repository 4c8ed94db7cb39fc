/** `-M` arguments of openai-compatible models: kept apart so the registry checks them without loading the SDK. */
import { z } from 'zod';
import { countArg, envNameArg, httpUrlArg, positiveIntArg } from '../shared/provider-args.js';

/** `-M` arguments of `openai-compatible/<model>`. */
export const OpenAICompatibleArgsSchema = z
  .object({
    /** Server root including `/v1`, e.g. `http://127.0.0.1:8000/v1`. */
    base_url: httpUrlArg.default('https://api.openai.com/v1'),
    /** Environment variable holding the key (default OPENAI_API_KEY; unset means a keyless local server). */
    api_key_env: envNameArg.optional(),
    timeout_ms: positiveIntArg.default(120_000),
    max_retries: countArg.default(2),
  })
  .strict();
export type OpenAICompatibleArgs = z.output<typeof OpenAICompatibleArgsSchema>;

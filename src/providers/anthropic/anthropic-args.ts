/** `-M` arguments of anthropic models: kept apart so the registry checks them without loading the SDK. */
import { z } from 'zod';
import { countArg, envNameArg, httpUrlArg, positiveIntArg } from '../shared/provider-args.js';

/** `-M` arguments of `anthropic/<model>`. */
export const AnthropicArgsSchema = z
  .object({
    /** Server root without `/v1`, e.g. `http://127.0.0.1:8080`. */
    base_url: httpUrlArg.default('https://api.anthropic.com'),
    /** Environment variable holding the key (default ANTHROPIC_API_KEY). */
    api_key_env: envNameArg.optional(),
    timeout_ms: positiveIntArg.default(120_000),
    max_retries: countArg.default(2),
  })
  .strict();
export type AnthropicArgs = z.output<typeof AnthropicArgsSchema>;

/** What the SDK-based providers (openai-compatible, anthropic) derive alike from their `-M` arguments. */
import type { ModelRef } from '../../model/index.js';
import { readApiKey } from './api-key.js';
import type { CallContext } from './call-failure.js';
import { safeUrl } from './redact.js';

export interface SdkEndpoint {
  id: string;
  baseUrl: string;
  apiKey: string;
  cacheIdentity: Record<string, unknown>;
  ctx: CallContext;
}

/** Reads the key (never stored beyond the SDK client), trims the base URL, builds id, cache identity and error context. */
export function sdkEndpoint(
  ref: ModelRef,
  args: { base_url: string; api_key_env?: string; timeout_ms: number },
  options: { defaultKeyEnv: string; urlArg: string },
): SdkEndpoint {
  const key = readApiKey({ envName: args.api_key_env, defaultEnv: options.defaultKeyEnv, fallback: 'not-needed' });
  const baseUrl = args.base_url.replace(/\/+$/, '');
  return {
    id: `${ref.provider}/${ref.model}`,
    baseUrl,
    apiKey: key.value,
    cacheIdentity: { provider: ref.provider, model: ref.model, base_url: safeUrl(baseUrl) },
    ctx: { url: safeUrl(baseUrl), timeoutMs: args.timeout_ms, urlArg: options.urlArg, keyEnv: key.missing ? undefined : key.envName, secrets: [key.value] },
  };
}

/** Calls Anthropic's Messages API (or a compatible gateway) through the official SDK. */
import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import { endpointFetch, type EgressOptions } from '../../governance/egress/index.js';
import type { CallOptions, GenerateRequest, ModelOutput, ModelProvider, ModelRef } from '../../model/index.js';
import { classifySdkError } from '../shared/classify-sdk-error.js';
import { sdkEndpoint } from '../shared/sdk-endpoint.js';
import { callFailureToError, type CallContext } from '../shared/call-failure.js';
import { parseBody } from '../shared/parse-body.js';
import { AnthropicMessageSchema, anthropicMessageToOutput } from './message-schema.js';

/** The Messages API requires max_tokens; this is used when the generate config sets none. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 1024;

export { AnthropicArgsSchema, type AnthropicArgs } from './anthropic-args.js';
import type { AnthropicArgs } from './anthropic-args.js';

/**
 * Creates the provider for `anthropic/<model>`.
 *
 * @example
 * await createAnthropicProvider(ref, AnthropicArgsSchema.parse({ base_url: 'http://127.0.0.1:8080' }))
 */
export async function createAnthropicProvider(ref: ModelRef, args: AnthropicArgs, deps: EgressOptions = {}): Promise<ModelProvider> {
  return new AnthropicProvider(ref, args, deps);
}

class AnthropicProvider implements ModelProvider {
  readonly id: string;
  readonly cacheIdentity: Record<string, unknown>;
  readonly #client: Anthropic;
  readonly #model: string;
  readonly #ctx: CallContext;

  constructor(ref: ModelRef, args: AnthropicArgs, deps: EgressOptions) {
    const endpoint = sdkEndpoint(ref, args, { defaultKeyEnv: 'ANTHROPIC_API_KEY', urlArg: '-M base_url' });
    const { baseUrl } = endpoint;
    this.id = endpoint.id;
    this.#model = ref.model;
    this.cacheIdentity = endpoint.cacheIdentity;
    this.#ctx = endpoint.ctx;
    this.#client = new Anthropic({
      apiKey: endpoint.apiKey,
      baseURL: baseUrl,
      timeout: args.timeout_ms,
      maxRetries: args.max_retries,
      // Every request, redirects included, passes the egress gate; base_url is a configured endpoint, so it is admitted.
      fetch: endpointFetch(baseUrl, deps.egress),
    });
  }

  async generate(request: GenerateRequest, options: CallOptions = {}): Promise<ModelOutput> {
    const { signal } = options;
    if (signal?.aborted) throw callFailureToError({ kind: 'aborted' }, this.#ctx);
    let body: unknown;
    try {
      body = await this.#client.messages.create(this.#params(request), { signal });
    } catch (err) {
      throw callFailureToError(classifySdkError(err, signal, { APIUserAbortError, APIConnectionTimeoutError, APIConnectionError, APIError }), this.#ctx);
    }
    const parsed = parseBody(AnthropicMessageSchema, body);
    if (!parsed.ok) throw callFailureToError(parsed.failure, this.#ctx);
    return anthropicMessageToOutput(parsed.data);
  }

  /** System messages go into `system`; seed and logprobs have no Anthropic equivalent and are left out. */
  #params({ messages, config }: GenerateRequest): MessageCreateParamsNonStreaming {
    const system = messages.filter((m) => m.role === 'system').map((m) => m.content);
    const turns = messages.flatMap((m) => (m.role === 'system' ? [] : [{ role: m.role, content: m.content }]));
    return {
      model: this.#model,
      max_tokens: config.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
      messages: turns,
      ...(system.length > 0 ? { system: system.join('\n\n') } : {}),
      ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
      ...(config.topP !== undefined ? { top_p: config.topP } : {}),
      ...(config.stop && config.stop.length > 0 ? { stop_sequences: config.stop } : {}),
    };
  }
}

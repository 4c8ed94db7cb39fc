/** Calls any OpenAI-compatible chat server (vLLM, llama.cpp server, Ollama, TGI, OpenAI) through the official SDK. */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { endpointFetch, type EgressOptions } from '../../governance/egress/index.js';
import type { CallOptions, GenerateRequest, ModelOutput, ModelProvider, ModelRef } from '../../model/index.js';
import { classifySdkError } from '../shared/classify-sdk-error.js';
import { sdkEndpoint } from '../shared/sdk-endpoint.js';
import { callFailureToError, type CallContext } from '../shared/call-failure.js';
import { parseBody } from '../shared/parse-body.js';
import { ChatCompletionSchema, chatCompletionToOutput } from './chat-completion-schema.js';

export { OpenAICompatibleArgsSchema, type OpenAICompatibleArgs } from './openai-compatible-args.js';
import type { OpenAICompatibleArgs } from './openai-compatible-args.js';

/**
 * Creates the provider for `openai-compatible/<model>`.
 *
 * @example
 * await createOpenAICompatibleProvider(ref, OpenAICompatibleArgsSchema.parse({ base_url: 'http://127.0.0.1:8000/v1' }))
 */
export async function createOpenAICompatibleProvider(ref: ModelRef, args: OpenAICompatibleArgs, deps: EgressOptions = {}): Promise<ModelProvider> {
  return new OpenAICompatibleProvider(ref, args, deps);
}

class OpenAICompatibleProvider implements ModelProvider {
  readonly id: string;
  readonly cacheIdentity: Record<string, unknown>;
  readonly #client: OpenAI;
  readonly #model: string;
  readonly #ctx: CallContext;

  constructor(ref: ModelRef, args: OpenAICompatibleArgs, deps: EgressOptions) {
    const endpoint = sdkEndpoint(ref, args, { defaultKeyEnv: 'OPENAI_API_KEY', urlArg: '-M base_url (it usually ends in /v1)' });
    const { baseUrl } = endpoint;
    this.id = endpoint.id;
    this.#model = ref.model;
    this.cacheIdentity = endpoint.cacheIdentity;
    this.#ctx = endpoint.ctx;
    this.#client = new OpenAI({
      apiKey: endpoint.apiKey,
      baseURL: baseUrl,
      organization: null,
      project: null,
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
      body = await this.#client.chat.completions.create(this.#params(request), { signal });
    } catch (err) {
      throw callFailureToError(classifySdkError(err, signal, { APIUserAbortError, APIConnectionTimeoutError, APIConnectionError, APIError }), this.#ctx);
    }
    const parsed = parseBody(ChatCompletionSchema, body);
    if (!parsed.ok) throw callFailureToError(parsed.failure, this.#ctx);
    return chatCompletionToOutput(parsed.data);
  }

  #params({ messages, config }: GenerateRequest): ChatCompletionCreateParamsNonStreaming {
    return {
      model: this.#model,
      messages: messages.map(({ role, content }) => ({ role, content })),
      ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
      ...(config.maxTokens !== undefined ? { max_tokens: config.maxTokens } : {}),
      ...(config.topP !== undefined ? { top_p: config.topP } : {}),
      ...(config.seed !== undefined ? { seed: config.seed } : {}),
      ...(config.stop && config.stop.length > 0 ? { stop: config.stop } : {}),
      ...(config.logprobs !== undefined ? { logprobs: config.logprobs } : {}),
    };
  }
}

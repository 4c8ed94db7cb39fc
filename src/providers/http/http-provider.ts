/** Calls any in-house HTTP endpoint: a JSON body from a template, the answer from a dotted path. */
import { egressBlockOf, endpointFetch, type EgressOptions, type FetchLike } from '../../governance/egress/index.js';
import type { CallOptions, GenerateRequest, ModelOutput, ModelProvider, ModelRef } from '../../model/index.js';
import { callFailureToError, describeErrorBody, type CallContext, type CallFailure } from '../shared/call-failure.js';
import { lastUserText } from '../shared/last-user-text.js';
import { startDeadline, type Deadline } from '../shared/deadline.js';
import { safeUrl } from '../shared/redact.js';
import { compileBodyTemplate, renderBodyTemplate, type BodyTemplate } from './body-template.js';
import { HttpArgsSchema, buildHttpHeaders, publicHeaders, type HttpArgs } from './http-args.js';
import { getAtPath } from './json-path.js';

export { HttpArgsSchema, type HttpArgs };

/**
 * Creates the provider for `http/<name>`.
 *
 * @example
 * await createHttpProvider(ref, HttpArgsSchema.parse({ url: 'http://127.0.0.1:9000/generate', response_path: 'output' }))
 */
export async function createHttpProvider(ref: ModelRef, args: HttpArgs, deps: EgressOptions = {}): Promise<ModelProvider> {
  return new HttpProvider(ref, args, deps);
}

class HttpProvider implements ModelProvider {
  readonly id: string;
  readonly cacheIdentity: Record<string, unknown>;
  readonly #args: HttpArgs;
  readonly #model: string;
  readonly #template: BodyTemplate;
  readonly #headers: Record<string, string>;
  readonly #ctx: CallContext;
  readonly #fetch: FetchLike;

  constructor(ref: ModelRef, args: HttpArgs, deps: EgressOptions) {
    this.#args = args;
    // Every request, redirects included, passes the egress gate; -M url is a configured endpoint, so it is admitted.
    this.#fetch = endpointFetch(args.url, deps.egress);
    this.#model = ref.model;
    this.#template = compileBodyTemplate(args.body_template);
    const { headers, key, keyEnv } = buildHttpHeaders(args);
    this.#headers = headers;
    this.id = `${ref.provider}/${ref.model}`;
    this.cacheIdentity = {
      provider: ref.provider,
      model: ref.model,
      url: safeUrl(args.url),
      method: args.method,
      body_template: args.body_template,
      response_path: args.response_path,
      headers: publicHeaders(args.headers),
    };
    this.#ctx = { url: safeUrl(args.url), timeoutMs: args.timeout_ms, urlArg: '-M url', keyEnv, secrets: [key] };
  }

  async generate(request: GenerateRequest, options: CallOptions = {}): Promise<ModelOutput> {
    const { signal } = options;
    if (signal?.aborted) throw callFailureToError({ kind: 'aborted' }, this.#ctx);
    const deadline = startDeadline(signal, this.#args.timeout_ms);
    try {
      const body = await this.#send(request, deadline, signal);
      return this.#extract(body);
    } finally {
      deadline.dispose();
    }
  }

  async #send(request: GenerateRequest, deadline: Deadline, signal: AbortSignal | undefined): Promise<unknown> {
    const { method } = this.#args;
    let status: number;
    let text: string;
    try {
      const response = await this.#fetch(this.#args.url, {
        method,
        headers: this.#headers,
        body: method === 'GET' ? undefined : this.#body(request),
        signal: deadline.signal,
      });
      status = response.status;
      text = await response.text();
    } catch (err) {
      throw egressBlockOf(err) ?? this.#fail(classifyFetchError(err, signal, deadline));
    }
    if (status < 200 || status >= 300) throw this.#fail({ kind: 'status', status, detail: describeErrorBody(tryJson(text) ?? text) });
    const json = tryJson(text);
    if (json === undefined) throw this.#fail({ kind: 'bad-body', detail: 'the body is not JSON.' });
    return json;
  }

  #body({ messages, config }: GenerateRequest): string {
    return renderBodyTemplate(this.#template, {
      prompt: lastUserText(messages),
      messages_json: messages,
      model: this.#model,
      temperature: config.temperature,
      max_tokens: config.maxTokens,
    });
  }

  #extract(body: unknown): ModelOutput {
    const { response_path, usage_input_path, usage_output_path } = this.#args;
    const text = getAtPath(body, response_path);
    if (typeof text !== 'string') throw this.#fail({ kind: 'bad-body', detail: `no text at "${response_path}" (-M response_path).` });
    return {
      text,
      finishReason: 'unknown',
      usage: { inputTokens: this.#usage(body, usage_input_path), outputTokens: this.#usage(body, usage_output_path) },
    };
  }

  #usage(body: unknown, path: string | undefined): number {
    if (path === undefined) return 0;
    const value = getAtPath(body, path);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw this.#fail({ kind: 'bad-body', detail: `no number at "${path}".` });
    return value;
  }

  #fail(failure: CallFailure): Error {
    return callFailureToError(failure, this.#ctx);
  }
}


function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function classifyFetchError(err: unknown, signal: AbortSignal | undefined, deadline: Deadline): CallFailure {
  if (signal?.aborted) return { kind: 'aborted' };
  if (deadline.timedOut()) return { kind: 'timeout' };
  return { kind: 'connection', cause: err };
}

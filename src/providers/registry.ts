/** The typed map of model providers: each kind's `-M` schema and factory, and `createProvider` over it. */
import { z } from 'zod';
import { AssayError } from '../errors/index.js';
import type { CallOptions, ModelProvider, ModelRef, ProviderKind } from '../model/index.js';
import { AnthropicArgsSchema } from './anthropic/anthropic-args.js';
import { HttpArgsSchema, createHttpProvider } from './http/http-provider.js';
import { MockArgsSchema, createMockProvider } from './mock/mock-provider.js';
import { OpenAICompatibleArgsSchema } from './openai-compatible/openai-compatible-args.js';
import { intArg, positiveIntArg } from './shared/provider-args.js';

/** Schemas of `-M` arguments: objects of string inputs, strict so that a misspelt key is caught. */
type ArgsSchema = z.ZodObject<Record<string, z.ZodType<unknown, string | undefined>>, z.core.$strict>;

/** One provider kind: how its `-M` arguments are checked and how it is made. */
export interface ProviderEntry<S extends ArgsSchema = ArgsSchema> {
  readonly argsSchema: S;
  /** Builds the provider from arguments already validated by `argsSchema`. */
  create(ref: ModelRef, args: z.output<S>, options: CallOptions): Promise<ModelProvider>;
}

function defineProvider<S extends ArgsSchema>(entry: ProviderEntry<S>): ProviderEntry<S> {
  return entry;
}

/**
 * `-M` arguments of `gguf/<path>`, checked here without loading node-llama-cpp; the gguf provider parses
 * `ref.args` again with its own copy of this schema (src/providers/gguf/gguf-provider.ts), which must agree.
 */
export const GgufArgsSchema = z
  .object({
    context_size: positiveIntArg.optional(),
    threads: positiveIntArg.optional(),
    seed: intArg.optional(),
    gpu: z.enum(['false', 'auto', 'cuda', 'vulkan', 'metal']).optional(),
  })
  .strict();

/** Every provider kind Assay knows; the `satisfies` makes the compiler fail when a kind has no entry. */
export const PROVIDERS = {
  'openai-compatible': defineProvider({
    argsSchema: OpenAICompatibleArgsSchema,
    // SDKs load on use only, so CLI start-up and runs on other providers don't pay for them.
    create: async (ref, args) => (await import('./openai-compatible/openai-compatible-provider.js')).createOpenAICompatibleProvider(ref, args),
  }),
  anthropic: defineProvider({ argsSchema: AnthropicArgsSchema, create: async (ref, args) => (await import('./anthropic/anthropic-provider.js')).createAnthropicProvider(ref, args) }),
  http: defineProvider({ argsSchema: HttpArgsSchema, create: (ref, args) => createHttpProvider(ref, args) }),
  gguf: defineProvider({
    argsSchema: GgufArgsSchema,
    // Loaded on use only: node-llama-cpp is heavy and most runs never touch it.
    create: async (ref) => (await import('./gguf/gguf-provider.js')).createGgufProvider(ref),
  }),
  mock: defineProvider({ argsSchema: MockArgsSchema, create: (ref, args, options) => createMockProvider(ref, args, options) }),
} as const satisfies Record<ProviderKind, ProviderEntry>;

/**
 * Validates `ref.args` against the provider's schema, then creates the provider.
 * An unknown or malformed `-M` key is CONFIG_INVALID naming the key and listing the valid ones.
 *
 * @example
 * const provider = await createProvider(parseModelRef('openai-compatible/llama3', { base_url: 'http://127.0.0.1:8000/v1' }));
 */
export async function createProvider(ref: ModelRef, options: CallOptions = {}): Promise<ModelProvider> {
  const entry: ProviderEntry = PROVIDERS[ref.provider];
  const args = parseProviderArgs(ref, entry.argsSchema);
  return entry.create(ref, args, options);
}

/** Parses `-M` arguments with `schema`, or throws CONFIG_INVALID that names the key at fault. */
export function parseProviderArgs<S extends ArgsSchema>(ref: ModelRef, schema: S): z.output<S> {
  const parsed = schema.safeParse(ref.args);
  if (parsed.success) return parsed.data;
  const valid = Object.keys(schema.shape);
  const validList = valid.length > 0 ? valid.map((k) => `-M ${k}`).join(', ') : 'none';
  const model = `${ref.provider}/${ref.model}`;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `-M ${k}`).join(', ');
    return failArgs(`${model} does not take ${keys}.`, { field: issue.keys[0], hint: `Valid arguments for ${ref.provider}: ${validList}.` });
  }
  const key = String(issue?.path[0] ?? '');
  const problem = ref.args[key] === undefined ? 'is required' : `is invalid: ${issue?.message ?? 'unexpected value'}`;
  return failArgs(`-M ${key} ${problem} (model ${model}).`, { field: key, hint: `Valid arguments for ${ref.provider}: ${validList}.` });
}

function failArgs(message: string, { field, hint }: { field: string | undefined; hint: string }): never {
  throw new AssayError('CONFIG_INVALID', message, { hint, where: field === undefined ? undefined : { field } });
}

/** Runs a local GGUF model file in-process (node-llama-cpp on CPU): no model server, no network. */
import { resolve } from 'node:path';
import { z } from 'zod';
import { AssayError } from '../../errors/index.js';
import type { ModelProvider } from '../../model/model-provider.js';
import type { ModelRef } from '../../model/model-ref.js';
import type { CallOptions, GenerateRequest, ModelOutput } from '../../model/types.js';
import { intArg, positiveIntArg } from '../shared/provider-args.js';
import { inspectGgufFile } from './gguf-file.js';
import { acquireGguf, GGUF_GPU_MODES, type LoadedGguf } from './gguf-runtime.js';
import { PLAIN_TEMPLATE_ID, plainPrompt } from './plain-prompt.js';

const DEFAULT_MAX_TOKENS = 64;
/** Below this size a model is tiny (the demo model): one thread beats several that spin waiting on each other. */
const TINY_MODEL_BYTES = 64 * 1024 * 1024;

/** `-M` arguments the gguf provider accepts; `gpu` defaults to `false` (CPU only). */
export const GgufArgsSchema = z
  .object({
    context_size: positiveIntArg.optional(),
    threads: positiveIntArg.optional(),
    seed: intArg.optional(),
    gpu: z.enum(GGUF_GPU_MODES).default('false'),
  })
  .strict();

function parseArgs(ref: ModelRef): z.infer<typeof GgufArgsSchema> {
  const parsed = GgufArgsSchema.safeParse(ref.args);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : String(issue?.path[0] ?? '');
  throw new AssayError('CONFIG_INVALID', `gguf/${ref.model}: -M ${key} is not valid: ${issue?.message ?? 'unexpected value'}.`, {
    hint: `The gguf provider takes -M context_size=<n>, threads=<n>, seed=<n>, gpu=${GGUF_GPU_MODES.join('|')}.`,
    where: { field: key },
  });
}

function finishReasonOf(stopReason: string): ModelOutput['finishReason'] {
  if (stopReason === 'maxTokens') return 'length';
  if (stopReason === 'eogToken' || stopReason === 'customStopTrigger' || stopReason === 'stopGenerationTrigger') return 'stop';
  return 'unknown';
}

async function generateOn(
  loaded: LoadedGguf,
  request: GenerateRequest,
  defaults: { seed: number; signal?: AbortSignal },
): Promise<ModelOutput> {
  const { model, completion } = loaded;
  const prompt = plainPrompt(request.messages);
  // Tokenised as llama.cpp's own tools do (SentencePiece models get their leading '▁'); special-token text stays text.
  const tokens = model.tokenize(prompt);
  const bos = model.tokens.bos != null && model.tokens.shouldPrependBosToken ? 1 : 0;
  let outputTokens = 0;
  // A fresh sequence per call: answers never depend on what an earlier call left in the KV cache.
  await loaded.sequence.clearHistory();
  const { config } = request;
  const result = await completion.generateCompletionWithMeta(tokens, {
    maxTokens: config.maxTokens ?? DEFAULT_MAX_TOKENS,
    temperature: config.temperature ?? 0,
    topP: config.topP,
    seed: config.seed ?? defaults.seed,
    customStopTriggers: config.stop?.filter((s) => s.length > 0),
    repeatPenalty: false,
    signal: defaults.signal,
    onToken: (t) => (outputTokens += t.length),
  });
  return {
    // The first word token carries its leading space (SentencePiece's '▁'); an answer starts at the word.
    text: result.response.trimStart(),
    finishReason: finishReasonOf(result.metadata.stopReason),
    usage: { inputTokens: tokens.length + bos, outputTokens },
  };
}

/**
 * Creates a provider for `gguf/<path-to-file.gguf>`. The model loads once per file and settings and is shared by
 * every provider using it; calls run one at a time on a cleared sequence, so the same request gives the same
 * answer. Messages become a plain prompt that the model continues (see `plainPrompt`); the answer is that
 * continuation without leading whitespace. Temperature 0 (the default) is greedy decoding; `maxTokens` defaults
 * to 64; `stop` strings end generation and are left out of the text. Usage counts come from the model's tokenizer
 * (prompt tokens including BOS; tokens generated).
 * Throws `CONFIG_INVALID` naming the path when the file is missing or not GGUF.
 *
 * @example
 * const p = await createGgufProvider(parseModelRef('gguf/models/tiny.gguf', { seed: '7' }));
 */
export async function createGgufProvider(ref: ModelRef): Promise<ModelProvider> {
  const args = parseArgs(ref);
  const path = resolve(ref.model);
  const fingerprint = await inspectGgufFile(path);
  const threads = args.threads ?? (fingerprint.size <= TINY_MODEL_BYTES ? 1 : undefined);
  const { loaded, release } = await acquireGguf({ path, gpu: args.gpu, contextSize: args.context_size, threads });
  const seed = args.seed ?? 0;
  return {
    id: `gguf/${ref.model}`,
    cacheIdentity: {
      provider: 'gguf',
      file: path,
      ...fingerprint,
      template: PLAIN_TEMPLATE_ID,
      contextSize: loaded.context.contextSize,
      gpu: args.gpu,
      seed,
    },
    async generate(request: GenerateRequest, options: CallOptions = {}): Promise<ModelOutput> {
      const { signal } = options;
      return loaded.exclusive(async () => {
        if (signal?.aborted) throw new AssayError('ABORTED', 'The model call was cancelled.');
        try {
          return await generateOn(loaded, request, { seed, signal });
        } catch (err) {
          if (signal?.aborted) throw new AssayError('ABORTED', 'The model call was cancelled.', { cause: err });
          if (err instanceof AssayError) throw err;
          throw new AssayError('MODEL_BAD_RESPONSE', `gguf/${ref.model}: generation failed: ${(err as Error).message}`, { cause: err });
        }
      }, signal);
    },
    close: release,
  };
}

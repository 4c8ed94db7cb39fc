/** Loads GGUF models in-process with node-llama-cpp, once per file and settings, shared by reference count. */
import { getLlama, LlamaCompletion, LlamaLogLevel, type Llama, type LlamaContext, type LlamaContextSequence, type LlamaModel } from 'node-llama-cpp';
import { AssayError } from '../../errors/index.js';
import { GGUF_HINT } from './gguf-file.js';

/** Where llama.cpp computes: `false` is CPU only; `auto` picks a GPU backend when one works. */
export const GGUF_GPU_MODES = ['false', 'auto', 'cuda', 'vulkan', 'metal'] as const;
export type GgufGpuMode = (typeof GGUF_GPU_MODES)[number];

export interface RuntimeSettings {
  path: string;
  gpu: GgufGpuMode;
  contextSize?: number;
  threads?: number;
}

/** A loaded model with one context and one sequence; `exclusive` runs one generation at a time on it. */
export interface LoadedGguf {
  model: LlamaModel;
  context: LlamaContext;
  sequence: LlamaContextSequence;
  completion: LlamaCompletion;
  exclusive<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

interface Entry {
  loaded: Promise<LoadedGguf>;
  refs: number;
}

const llamas = new Map<RuntimeSettings['gpu'], Promise<Llama>>();
const entries = new Map<string, Entry>();

function aborted(): AssayError {
  return new AssayError('ABORTED', 'The model call was cancelled.');
}

/** A promise-chain mutex; a caller aborted while waiting leaves the queue without breaking it. */
function createMutex(): LoadedGguf['exclusive'] {
  let tail: Promise<void> = Promise.resolve();
  return async (fn, signal) => {
    const previous = tail;
    let release = (): void => {};
    const mine = new Promise<void>((resolve) => (release = resolve));
    tail = previous.then(() => mine);
    try {
      await new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(aborted());
        const onAbort = (): void => reject(aborted());
        signal?.addEventListener('abort', onAbort, { once: true });
        void previous.then(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        });
      });
      return await fn();
    } finally {
      release();
    }
  };
}

function llamaFor(gpu: RuntimeSettings['gpu']): Promise<Llama> {
  let llama = llamas.get(gpu);
  if (!llama) {
    // build: 'never' — Assay never downloads or compiles llama.cpp; it uses the prebuilt binary from npm.
    llama = getLlama({ gpu: gpu === 'false' ? false : gpu, build: 'never', logLevel: LlamaLogLevel.error });
    llama.catch(() => llamas.delete(gpu));
    llamas.set(gpu, llama);
  }
  return llama;
}

async function load(settings: RuntimeSettings): Promise<LoadedGguf> {
  let llama: Llama;
  try {
    llama = await llamaFor(settings.gpu);
  } catch (err) {
    throw new AssayError('MODEL_UNREACHABLE', `node-llama-cpp could not start: ${(err as Error).message}`, {
      cause: err,
      hint: 'Assay uses the prebuilt llama.cpp binary installed with node-llama-cpp and never builds one; reinstall dependencies for this platform.',
    });
  }
  let model: LlamaModel;
  try {
    model = await llama.loadModel({ modelPath: settings.path, gpuLayers: settings.gpu === 'false' ? 0 : 'auto' });
  } catch (err) {
    throw new AssayError('CONFIG_INVALID', `GGUF model "${settings.path}" could not be loaded: ${(err as Error).message}`, {
      cause: err,
      hint: GGUF_HINT,
      where: { file: settings.path },
    });
  }
  try {
    const context = await model.createContext({
      contextSize: settings.contextSize ?? Math.min(4096, model.trainContextSize),
      threads: settings.threads,
    });
    const sequence = context.getSequence();
    const completion = new LlamaCompletion({ contextSequence: sequence });
    return { model, context, sequence, completion, exclusive: createMutex() };
  } catch (err) {
    await model.dispose();
    throw new AssayError('CONFIG_INVALID', `GGUF model "${settings.path}": no context could be created: ${(err as Error).message}`, {
      cause: err,
      hint: 'Lower context_size (for example -M context_size=2048).',
    });
  }
}

/**
 * Returns the shared loaded model for these settings, loading it on first use, plus a `release` that disposes
 * it when the last user lets go.
 */
export async function acquireGguf(settings: RuntimeSettings): Promise<{ loaded: LoadedGguf; release: () => Promise<void> }> {
  const key = JSON.stringify([settings.path, settings.gpu, settings.contextSize ?? null, settings.threads ?? null]);
  let entry = entries.get(key);
  if (!entry) {
    entry = { loaded: load(settings), refs: 0 };
    entries.set(key, entry);
    const created = entry;
    created.loaded.catch(() => {
      if (entries.get(key) === created) entries.delete(key);
    });
  }
  entry.refs += 1;
  const held = entry;
  let released = false;
  const loaded = await held.loaded;
  const release = async (): Promise<void> => {
    if (released) return;
    released = true;
    held.refs -= 1;
    if (held.refs > 0) return;
    if (entries.get(key) === held) entries.delete(key);
    await loaded.exclusive(async () => {
      loaded.completion.dispose();
      await loaded.context.dispose();
      await loaded.model.dispose();
    });
  };
  return { loaded, release };
}

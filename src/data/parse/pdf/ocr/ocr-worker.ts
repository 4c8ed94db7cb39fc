/**
 * One tesseract.js worker per process, created on first use. Everything it loads is local: the WASM core from
 * tesseract.js-core, the worker script from tesseract.js, English data from @tesseract.js-data/eng; its cache is
 * off, so it never writes traineddata into the working directory.
 */
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Tesseract from 'tesseract.js';

/** The worker ends itself after this long unused, so a caller that forgets `terminateOcrWorker` does not hang the process. */
const IDLE_MS = 15_000;

let worker: Promise<Tesseract.Worker> | null = null;
let idle: NodeJS.Timeout | null = null;
/** Jobs in flight; the idle timer only runs when this is 0, so a long page is never cut off. */
let active = 0;

/** Where the English traineddata lives (`…/@tesseract.js-data/eng/4.0.0`, gzip), from the package's own index. */
export function englishLangPath(): string {
  const eng = createRequire(import.meta.url)('@tesseract.js-data/eng') as { langPath: string };
  return eng.langPath;
}

async function create(): Promise<Tesseract.Worker> {
  const { createWorker, OEM } = (await import('tesseract.js')).default;
  return createWorker('eng', OEM.LSTM_ONLY, {
    langPath: englishLangPath(),
    gzip: true,
    cacheMethod: 'none',
    cachePath: join(tmpdir(), 'assay-tesseract'),
    logger: () => undefined,
    errorHandler: () => undefined,
  });
}

/**
 * Runs `job` with the shared worker, creating it if needed (a failed start is retried on the next call).
 * @example const result = await withOcrWorker((w) => w.recognize(png, {}, { blocks: true }));
 */
export async function withOcrWorker<T>(job: (w: Tesseract.Worker) => Promise<T>): Promise<T> {
  if (idle) clearTimeout(idle);
  idle = null;
  active += 1;
  worker ??= create().catch((err: unknown) => {
    worker = null;
    throw err;
  });
  try {
    return await job(await worker);
  } finally {
    active -= 1;
    if (active === 0) {
      idle = setTimeout(() => void terminateOcrWorker(), IDLE_MS);
      idle.unref();
    }
  }
}

/** Ends the shared worker (call when an ingest finishes); safe to call when none is running. */
export async function terminateOcrWorker(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = null;
  const current = worker;
  worker = null;
  if (current) await (await current.catch(() => null))?.terminate();
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssayError } from '../../errors/index.js';
import type { ModelProvider } from '../../model/model-provider.js';
import { parseModelRef } from '../../model/model-ref.js';
import type { GenerateRequest } from '../../model/types.js';
import { buildBigramGguf } from '../../quickstart/bigram-gguf.js';
import { readDemoCorpus } from '../../quickstart/corpus/demo-corpus.js';
import { createGgufProvider } from './gguf-provider.js';

const phrase = (content: string, config: GenerateRequest['config'] = {}): GenerateRequest => ({
  messages: [{ role: 'user', content }],
  config,
});

async function errorOf(promise: Promise<unknown>): Promise<AssayError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(AssayError);
    return err as AssayError;
  }
  throw new Error('expected the call to fail');
}

describe('gguf provider', () => {
  let dir: string;
  let modelPath: string;
  let provider: ModelProvider;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'assay-gguf-'));
    modelPath = join(dir, 'demo.gguf');
    await buildBigramGguf({ corpusText: (await readDemoCorpus()).text, outPath: modelPath });
    provider = await createGgufProvider(parseModelRef(`gguf/${modelPath}`));
  });

  afterAll(async () => {
    await provider?.close?.();
    await rm(dir, { recursive: true, force: true });
  });

  it('continues the prompt greedily with real token counts, the same every time', async () => {
    const a = await provider.generate(phrase('We the People of the United', { maxTokens: 6 }));
    const b = await provider.generate(phrase('We the People of the United', { maxTokens: 6 }));
    expect(a).toEqual(b);
    expect(a.text.startsWith('States')).toBe(true);
    expect(a.finishReason).toBe('length');
    expect(a.usage.outputTokens).toBe(6);
    // <s> plus the six words, each one token in the demo vocabulary.
    expect(a.usage.inputTokens).toBe(7);
  });

  it('flattens system and user messages into one plain prompt', async () => {
    const out = await provider.generate({
      messages: [
        { role: 'system', content: 'Finish the phrase.' },
        { role: 'user', content: 'We the People of the United' },
      ],
      config: { maxTokens: 3 },
    });
    expect(out.text.startsWith('States')).toBe(true);
    expect(out.usage.inputTokens).toBeGreaterThan(9);
  });

  it('stops at a stop string and leaves it out', async () => {
    const out = await provider.generate(phrase('We the People of the United', { maxTokens: 40, stop: [','] }));
    expect(out.finishReason).toBe('stop');
    expect(out.text).toBe('States');
  });

  it('samples reproducibly for a given seed', async () => {
    const req = phrase('The Congress shall', { maxTokens: 20, temperature: 0.9, seed: 7 });
    const a = await provider.generate(req);
    expect((await provider.generate(req)).text).toBe(a.text);
    expect(a.text.length).toBeGreaterThan(0);
  });

  it('describes itself for the response cache', () => {
    expect(provider.id).toBe(`gguf/${modelPath}`);
    expect(provider.cacheIdentity).toMatchObject({ provider: 'gguf', template: 'plain-v1', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('shares the loaded model between providers and keeps it until the last one closes', async () => {
    const second = await createGgufProvider(parseModelRef(`gguf/${modelPath}`));
    const [x, y] = await Promise.all([
      second.generate(phrase('shall not perish from the', { maxTokens: 2 })),
      provider.generate(phrase('shall not perish from the', { maxTokens: 2 })),
    ]);
    expect(x).toEqual(y);
    await second.close?.();
    expect((await provider.generate(phrase('insure domestic', { maxTokens: 1 }))).usage.outputTokens).toBe(1);
  });

  it('throws ABORTED for an aborted signal, before or during generation', async () => {
    const before = new AbortController();
    before.abort();
    expect((await errorOf(provider.generate(phrase('We the People'), { signal: before.signal }))).code).toBe('ABORTED');

    const during = new AbortController();
    const call = provider.generate(phrase('We the People of the United', { maxTokens: 3000 }), { signal: during.signal });
    setImmediate(() => during.abort());
    expect((await errorOf(call)).code).toBe('ABORTED');
    // The provider is still usable afterwards.
    expect((await provider.generate(phrase('We the People of the United', { maxTokens: 1 }))).text).toBe('States');
  });

  it('names the path in CONFIG_INVALID for a missing or non-GGUF file', async () => {
    const missing = join(dir, 'nope.gguf');
    const err = await errorOf(createGgufProvider(parseModelRef(`gguf/${missing}`)));
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain(missing);
    expect(err.hint).toContain('assay quickstart');

    const notGguf = join(dir, 'notes.gguf');
    await writeFile(notGguf, 'just some text');
    const err2 = await errorOf(createGgufProvider(parseModelRef(`gguf/${notGguf}`)));
    expect(err2.code).toBe('CONFIG_INVALID');
    expect(err2.message).toContain(notGguf);
  });

  it('rejects a malformed -M argument', async () => {
    const err = await errorOf(createGgufProvider(parseModelRef(`gguf/${modelPath}`, { threads: 'many' })));
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain('threads');
  });
});

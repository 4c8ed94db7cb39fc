// The scripted mock behaviours and answer-key files.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssayError } from '../../errors/index.js';
import type { GenerateRequest } from '../../model/index.js';
import { createProvider } from '../registry.js';

const ask = (content: string): GenerateRequest => ({ messages: [{ role: 'user', content }], config: {} });
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-mock-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('mock provider', () => {
  it('mock/constant returns -M text, with whitespace usage counts', async () => {
    const provider = await createProvider({ provider: 'mock', model: 'constant', args: { text: 'B is right' } });
    const out = await provider.generate(ask('Pick A or B, please'));
    expect(out).toMatchObject({ text: 'B is right', finishReason: 'stop', usage: { inputTokens: 5, outputTokens: 3 } });
  });

  it('mock/refuse always refuses; mock/echo repeats the last user message', async () => {
    const refuse = await createProvider({ provider: 'mock', model: 'refuse', args: {} });
    const echo = await createProvider({ provider: 'mock', model: 'echo', args: {} });
    expect((await refuse.generate(ask('anything'))).text).toBe("I can't help with that.");
    const request: GenerateRequest = {
      messages: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: 'second' },
      ],
      config: {},
    };
    expect((await echo.generate(request)).text).toBe('second');
  });

  it('mock/answer-key takes the first substring match, else -M default', async () => {
    const file = join(dir, 'key.jsonl');
    await writeFile(file, '{"match": "colour", "response": "blue"}\n\n{"match": "sky colour", "response": "never"}\n');
    const provider = await createProvider({ provider: 'mock', model: 'answer-key', args: { answers_file: file, default: 'no idea' } });
    expect((await provider.generate(ask('What sky colour?'))).text).toBe('blue');
    expect((await provider.generate(ask('unrelated'))).text).toBe('no idea');
    expect(provider.cacheIdentity['answers_sha256']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the file and line of a bad answer key', async () => {
    const file = join(dir, 'bad.jsonl');
    await writeFile(file, '{"match": "a", "response": "b"}\n{"match": 1}\n');
    const err = await createProvider({ provider: 'mock', model: 'answer-key', args: { answers_file: file } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AssayError);
    expect((err as AssayError).code).toBe('CONFIG_INVALID');
    expect((err as AssayError).where).toEqual({ file, line: 2 });
  });

  it('rejects an unknown behaviour and a missing required argument', async () => {
    const unknown = await createProvider({ provider: 'mock', model: 'oracle', args: {} }).catch((e: unknown) => e);
    expect((unknown as AssayError).code).toBe('MODEL_REF_INVALID');
    expect((unknown as AssayError).hint).toContain('mock/answer-key');
    const missing = await createProvider({ provider: 'mock', model: 'constant', args: {} }).catch((e: unknown) => e);
    expect((missing as AssayError).code).toBe('CONFIG_INVALID');
    expect((missing as AssayError).message).toContain('-M text');
  });
});

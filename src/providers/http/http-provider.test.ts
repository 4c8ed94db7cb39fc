// The http provider end to end against the mock server: JSON-safe bodies, auth headers, response paths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssayError } from '../../errors/index.js';
import type { ModelRef } from '../../model/index.js';
import { startMockServer, type MockServer } from '../../../test/helpers/mock-model-server.js';
import { createProvider } from '../registry.js';

const KEY_ENV = 'ASSAY_HTTP_TEST_FAKE_KEY';
const FAKE_KEY = 'hk-assay-fake-90817263';
let normal: MockServer;
let failing: MockServer;

beforeAll(async () => {
  process.env[KEY_ENV] = FAKE_KEY;
  [normal, failing] = await Promise.all([startMockServer(), startMockServer({ mode: 'error' })]);
});
afterAll(async () => {
  delete process.env[KEY_ENV];
  await Promise.all([normal.stop(), failing.stop()]);
});

const ref = (url: string, args: Record<string, string> = {}): ModelRef => ({
  provider: 'http',
  model: 'in-house',
  args: { url: `${url}/generate`, response_path: 'output', ...args },
});

describe('http provider', () => {
  it('sends awkward prompts JSON-safely, also spliced inside a string', async () => {
    const prompt = 'He said "stop"\n\tthen \\ left {{model}} ✓';
    const provider = await createProvider(ref(normal.baseUrl, { body_template: '{"prompt": "Q: {{prompt}}"}' }));
    const out = await provider.generate({ messages: [{ role: 'user', content: prompt }], config: {} });
    expect(out.text).toBe(`Q: ${prompt}`);
    expect(out.usage).toEqual({ inputTokens: 0, outputTokens: 0 });
  });

  it('sends the key in a custom auth header and scrubs it from what the server echoes', async () => {
    const provider = await createProvider(ref(failing.baseUrl, { api_key_env: KEY_ENV, auth_header: 'X-Api-Key: {{key}}' }));
    const err: unknown = await provider.generate({ messages: [{ role: 'user', content: 'hi' }], config: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AssayError);
    expect((err as AssayError).message).toContain('credentials: ***');
    expect(JSON.stringify(err)).not.toContain(FAKE_KEY);
  });

  it('reports a missing response path as MODEL_BAD_RESPONSE naming the path', async () => {
    const provider = await createProvider(ref(normal.baseUrl, { response_path: 'choices.0.text' }));
    const err: unknown = await provider.generate({ messages: [{ role: 'user', content: 'hi' }], config: {} }).catch((e: unknown) => e);
    expect((err as AssayError).code).toBe('MODEL_BAD_RESPONSE');
    expect((err as AssayError).message).toContain('choices.0.text');
  });

  it('refuses {{key}} in auth_header without -M api_key_env', async () => {
    const err: unknown = await createProvider(ref(normal.baseUrl, { auth_header: 'Authorization: Bearer {{key}}' })).catch((e: unknown) => e);
    expect((err as AssayError).code).toBe('CONFIG_INVALID');
    expect((err as AssayError).message).toContain('api_key_env');
  });
});

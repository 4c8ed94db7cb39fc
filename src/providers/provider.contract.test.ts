// One contract suite run over every provider: openai-compatible, anthropic and http against the mock server process, and mock.
import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssayError } from '../errors/index.js';
import type { GenerateRequest, ModelProvider, ModelRef, ProviderKind } from '../model/index.js';
import { startMockServer, type MockServer } from '../../test/helpers/mock-model-server.js';
import { createProvider } from './registry.js';

const ANSWERS = 'test/fixtures/mock/answers.jsonl';
const KEY_ENV = 'ASSAY_CONTRACT_FAKE_KEY';
const FAKE_KEY = 'sk-assay-fake-4f9c2e7d1b0a';

interface Servers {
  normal: MockServer;
  slow: MockServer;
  garbage: MockServer;
  error: MockServer;
  closedPort: number;
}

/** How one provider kind reaches each scenario; `key` adds the fake key where the provider takes one. */
interface Harness {
  kind: ProviderKind;
  normal(s: Servers, key?: boolean): ModelRef;
  slow(s: Servers): ModelRef;
  unreachable(s: Servers, key?: boolean): ModelRef;
  garbage(s: Servers, key?: boolean): ModelRef;
  serverError(s: Servers, key?: boolean): ModelRef;
  /** What the server-error message names (the HTTP status, or the scripted mock). */
  serverErrorMentions: string;
  /** Whether the provider sends a key at all (and so must scrub it from what the server echoes). */
  sendsKey: boolean;
}

const keyArgs = (key?: boolean): Record<string, string> => (key ? { api_key_env: KEY_ENV } : {});

function sdkHarness(kind: 'openai-compatible' | 'anthropic'): Harness {
  const base = (server: MockServer): string => (kind === 'anthropic' ? server.baseUrl : server.openaiBaseUrl);
  const ref = (url: string, key?: boolean): ModelRef => ({
    provider: kind,
    model: 'contract-model',
    args: { base_url: url, max_retries: '0', ...keyArgs(key) },
  });
  return {
    kind,
    normal: (s, key) => ref(base(s.normal), key),
    slow: (s) => ref(base(s.slow)),
    unreachable: (s, key) => ref(`http://127.0.0.1:${s.closedPort}${kind === 'anthropic' ? '' : '/v1'}`, key),
    garbage: (s, key) => ref(base(s.garbage), key),
    serverError: (s, key) => ref(base(s.error), key),
    serverErrorMentions: '500',
    sendsKey: true,
  };
}

const httpRef = (root: string, key?: boolean): ModelRef => ({
  provider: 'http',
  model: 'in-house',
  args: {
    url: `${root}/generate`,
    body_template: '{"prompt": {{prompt}}, "max_tokens": {{max_tokens}}}',
    response_path: 'output',
    usage_input_path: 'usage.input_tokens',
    usage_output_path: 'usage.output_tokens',
    ...keyArgs(key),
  },
});

const HARNESSES: Harness[] = [
  sdkHarness('openai-compatible'),
  sdkHarness('anthropic'),
  {
    kind: 'http',
    normal: (s, key) => httpRef(s.normal.baseUrl, key),
    slow: (s) => httpRef(s.slow.baseUrl),
    unreachable: (s, key) => httpRef(`http://127.0.0.1:${s.closedPort}`, key),
    garbage: (s, key) => httpRef(s.garbage.baseUrl, key),
    serverError: (s, key) => httpRef(s.error.baseUrl, key),
    serverErrorMentions: '500',
    sendsKey: true,
  },
  {
    kind: 'mock',
    normal: () => ({ provider: 'mock', model: 'answer-key', args: { answers_file: ANSWERS } }),
    slow: () => ({ provider: 'mock', model: 'slow', args: { delay_ms: '30000' } }),
    unreachable: () => ({ provider: 'mock', model: 'error', args: {} }),
    garbage: () => ({ provider: 'mock', model: 'garbage', args: {} }),
    serverError: () => ({ provider: 'mock', model: 'error', args: {} }),
    serverErrorMentions: 'mock/error',
    sendsKey: false,
  },
];

const ASK_FRANCE: GenerateRequest = {
  messages: [
    { role: 'system', content: 'Answer in one word.' },
    { role: 'user', content: 'What is the capital of France?' },
  ],
  config: { temperature: 0 },
};

async function failureOf(provider: ModelProvider, request: GenerateRequest, signal?: AbortSignal): Promise<AssayError> {
  const err: unknown = await provider.generate(request, { signal }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AssayError);
  return err as AssayError;
}

/** A port on 127.0.0.1 that nothing listens on: bind port 0, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

let servers: Servers;

beforeAll(async () => {
  process.env[KEY_ENV] = FAKE_KEY;
  const [normal, slow, garbage, error, port] = await Promise.all([
    startMockServer({ answersFile: ANSWERS }),
    startMockServer({ answersFile: ANSWERS, latencyMs: 30_000 }),
    startMockServer({ mode: 'garbage' }),
    startMockServer({ mode: 'error' }),
    closedPort(),
  ]);
  servers = { normal, slow, garbage, error, closedPort: port };
});

afterAll(async () => {
  delete process.env[KEY_ENV];
  await Promise.all([servers?.normal.stop(), servers?.slow.stop(), servers?.garbage.stop(), servers?.error.stop()]);
});

describe.each(HARNESSES)('ModelProvider contract: $kind', (h) => {
  it('returns the answer-key text with usage counts', async () => {
    const provider = await createProvider(h.normal(servers));
    expect(provider.id).toBe(`${h.kind}/${h.normal(servers).model}`);
    const out = await provider.generate(ASK_FRANCE);
    expect(out.text).toBe('Paris');
    expect(out.usage.inputTokens).toBeGreaterThan(0);
    expect(out.usage.outputTokens).toBeGreaterThan(0);
  });

  it('echoes an unmatched prompt or answers it deterministically, the same twice', async () => {
    const provider = await createProvider(h.normal(servers));
    const request: GenerateRequest = { messages: [{ role: 'user', content: 'Which planet is red?' }], config: {} };
    const [a, b] = [await provider.generate(request), await provider.generate(request)];
    expect(a.text).toBe('Mars is the red planet.');
    expect(b.text).toBe(a.text);
  });

  it('honours an AbortSignal while the model is slow', async () => {
    const provider = await createProvider(h.slow(servers));
    const controller = new AbortController();
    const pending = failureOf(provider, ASK_FRANCE, controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect((await pending).code).toBe('ABORTED');
  });

  it('fails at once with ABORTED when the signal is already aborted', async () => {
    const provider = await createProvider(h.normal(servers));
    const err = await failureOf(provider, ASK_FRANCE, AbortSignal.abort());
    expect(err.code).toBe('ABORTED');
  });

  it('reports an endpoint nobody listens on as MODEL_UNREACHABLE naming the URL', async () => {
    const ref = h.unreachable(servers);
    const err = await failureOf(await createProvider(ref), ASK_FRANCE);
    expect(err.code).toBe('MODEL_UNREACHABLE');
    if (h.kind !== 'mock') {
      expect(err.message).toContain(`127.0.0.1:${servers.closedPort}`);
      expect(err.hint).toMatch(/running/);
    }
  });

  it('reports a non-JSON body as MODEL_BAD_RESPONSE', async () => {
    const err = await failureOf(await createProvider(h.garbage(servers)), ASK_FRANCE);
    expect(err.code).toBe('MODEL_BAD_RESPONSE');
  });

  it('reports a server error as MODEL_UNREACHABLE with the status', async () => {
    const err = await failureOf(await createProvider(h.serverError(servers)), ASK_FRANCE);
    expect(err.code).toBe('MODEL_UNREACHABLE');
    expect(err.message).toContain(h.serverErrorMentions);
  });

  it('never shows the API key in an id, cacheIdentity or any error', async () => {
    const seen: string[] = [];
    for (const ref of [h.normal(servers, true), h.unreachable(servers, true), h.garbage(servers, true), h.serverError(servers, true)]) {
      const provider = await createProvider(ref);
      seen.push(provider.id, JSON.stringify(provider.cacheIdentity));
      const result: unknown = await provider.generate(ASK_FRANCE).catch((e: unknown) => e);
      if (result instanceof Error) seen.push(JSON.stringify(result), result.message, String(result.stack), inspect(result, { depth: 10 }));
    }
    expect(seen.length).toBeGreaterThan(8);
    for (const text of seen) expect(text).not.toContain(FAKE_KEY);
    if (h.sendsKey) {
      // The error-mode server echoes the credentials it received: proof the key was sent, and then scrubbed.
      const err = await failureOf(await createProvider(h.serverError(servers, true)), ASK_FRANCE);
      expect(err.message).toContain('***');
    }
  });
});

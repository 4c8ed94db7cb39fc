// The egress gate against real listeners: 127.0.0.1 is the configured model server, 127.0.0.2 is anywhere else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssayError } from '../../src/errors/index.js';
import { EgressGate, egressAllowFromEnv, type BlockedEgress } from '../../src/governance/egress/index.js';
import { parseModelRef, type ModelProvider } from '../../src/model/index.js';
import { AnthropicArgsSchema, createAnthropicProvider } from '../../src/providers/anthropic/anthropic-provider.js';
import { HttpArgsSchema, createHttpProvider } from '../../src/providers/http/http-provider.js';
import { OpenAICompatibleArgsSchema, createOpenAICompatibleProvider } from '../../src/providers/openai-compatible/openai-compatible-provider.js';
import { listen, modelReply, type Listener } from './egress-listeners.js';

let allowed: Listener;
let elsewhere: Listener;

beforeAll(async () => {
  elsewhere = await listen('127.0.0.2', (req, _body, res) => modelReply(req.url ?? '/', res, 'LEAKED'));
  allowed = await listen('127.0.0.1', (req, body, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/bounce/')) res.writeHead(307, { location: `${elsewhere.origin}${url.slice('/bounce'.length)}` }).end();
    else if (url === '/away') res.writeHead(302, { location: `${elsewhere.origin}/stolen` }).end();
    else if (url === '/hop') res.writeHead(307, { location: '/echo' }).end();
    else if (url === '/echo') res.writeHead(200).end(JSON.stringify({ method: req.method, body, auth: req.headers.authorization ?? null }));
    else modelReply(url, res, 'pong');
  });
});

afterAll(async () => {
  await Promise.all([allowed?.close(), elsewhere?.close()]);
});

const prompt = { messages: [{ role: 'user' as const, content: 'ping' }], config: {} };

function providers(base: string, gate: EgressGate): Promise<ModelProvider>[] {
  const openai = parseModelRef('openai-compatible/m', { base_url: `${base}/v1`, max_retries: '0' });
  const anthropic = parseModelRef('anthropic/m', { base_url: base, max_retries: '0' });
  const http = parseModelRef('http/m', { url: `${base}/generate`, response_path: 'output' });
  return [
    createOpenAICompatibleProvider(openai, OpenAICompatibleArgsSchema.parse(openai.args), { egress: gate }),
    createAnthropicProvider(anthropic, AnthropicArgsSchema.parse(anthropic.args), { egress: gate }),
    createHttpProvider(http, HttpArgsSchema.parse(http.args), { egress: gate }),
  ];
}

async function rejection(promise: Promise<unknown>): Promise<AssayError> {
  const err: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AssayError);
  return err as AssayError;
}

describe('the allow-list', () => {
  it('matches scheme, host and port exactly, with default ports filled in', () => {
    const gate = new EgressGate({ allow: ['http://127.0.0.1:8000/v1', 'https://Models.Internal'] });
    expect(gate.origins()).toEqual(['http://127.0.0.1:8000', 'https://models.internal:443']);
    expect(gate.allows('http://127.0.0.1:8000/anything?q=1')).toBe(true);
    expect(gate.allows('https://models.internal:443/v1')).toBe(true);
    expect(gate.allows('https://127.0.0.1:8000/')).toBe(false);
    expect(gate.allows('http://127.0.0.1:8001/')).toBe(false);
    expect(gate.allows('http://127.0.0.2:8000/')).toBe(false);
    expect(gate.allows('http://localhost:8000/')).toBe(false);
    expect(gate.allowsSocket('127.0.0.1', 8000)).toBe(true);
    expect(gate.allowsSocket('127.0.0.2', 8000)).toBe(false);
  });

  it('reads ASSAY_EGRESS_ALLOW as comma-separated origins and rejects an entry that is not one', () => {
    expect(egressAllowFromEnv({ ASSAY_EGRESS_ALLOW: ' http://10.0.0.5:8000 , https://models.internal ,' })).toEqual(['http://10.0.0.5:8000', 'https://models.internal']);
    expect(egressAllowFromEnv({})).toEqual([]);
    expect(() => egressAllowFromEnv({ ASSAY_EGRESS_ALLOW: 'models.internal:8000' })).toThrow(/ASSAY_EGRESS_ALLOW.*"models\.internal:8000"/);
  });
});

describe('gate.fetch', () => {
  it('lets every network provider reach its configured endpoint, which it admits', async () => {
    const gate = new EgressGate();
    for (const provider of await Promise.all(providers(allowed.origin, gate))) {
      expect((await provider.generate(prompt)).text).toBe('pong');
    }
    expect(gate.origins()).toEqual([allowed.origin]);
    expect(gate.blocked).toEqual([]);
  });

  it('refuses a destination outside the allow-list before connecting, and tells onBlocked', async () => {
    const events: BlockedEgress[] = [];
    const gate = new EgressGate({ allow: [allowed.origin], onBlocked: (e) => events.push(e) });
    gate.addBlockedListener(() => {
      throw new Error('a broken audit hook');
    });
    const err = await rejection(gate.fetch(`${elsewhere.origin}/v1/chat/completions?key=secret`, { method: 'POST', body: '{}' }));
    expect(err.code).toBe('EGRESS_BLOCKED');
    expect(err.exitCode).toBe(3);
    expect(err.message).toContain(elsewhere.origin);
    expect(err.hint).toContain('ASSAY_EGRESS_ALLOW');
    expect(err.hint).toContain('-M base_url');
    expect(elsewhere.connections()).toBe(0);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ url: `${elsewhere.origin}/v1/chat/completions`, host: '127.0.0.2', port: elsewhere.port, channel: 'fetch' });
    expect(events[0]!.reason).toContain(elsewhere.origin);
    expect(Number.isNaN(Date.parse(events[0]!.time))).toBe(false);
    expect(gate.blocked).toEqual(events);
  });

  it('follows a redirect within the allowed origin, sending the body and credentials again', async () => {
    const gate = new EgressGate({ allow: [allowed.origin] });
    const response = await gate.fetch(`${allowed.origin}/hop`, { method: 'POST', body: 'hello', headers: { authorization: 'Bearer k' } });
    expect(await response.json()).toEqual({ method: 'POST', body: 'hello', auth: 'Bearer k' });
    expect(gate.blocked).toEqual([]);
  });

  it('blocks a redirect from the allowed server to 127.0.0.2', async () => {
    const events: BlockedEgress[] = [];
    const gate = new EgressGate({ allow: [allowed.origin], onBlocked: (e) => events.push(e) });
    const err = await rejection(gate.fetch(`${allowed.origin}/away`));
    expect(err.code).toBe('EGRESS_BLOCKED');
    expect(err.message).toContain(`redirect from ${allowed.origin} to ${elsewhere.origin}`);
    expect(events).toEqual([expect.objectContaining({ url: `${elsewhere.origin}/stolen`, host: '127.0.0.2', port: elsewhere.port, channel: 'redirect' })]);
    expect(elsewhere.connections()).toBe(0);
  });

  it('makes a provider whose server redirects elsewhere fail with EGRESS_BLOCKED, not a connection error', async () => {
    const gate = new EgressGate();
    for (const provider of await Promise.all(providers(`${allowed.origin}/bounce`, gate))) {
      const err = await rejection(provider.generate(prompt));
      expect(err.code).toBe('EGRESS_BLOCKED');
      expect(err.message).toContain(elsewhere.origin);
    }
    expect(gate.blocked.map((e) => [e.host, e.channel])).toEqual([
      ['127.0.0.2', 'redirect'],
      ['127.0.0.2', 'redirect'],
      ['127.0.0.2', 'redirect'],
    ]);
    expect(elsewhere.connections()).toBe(0);
  });
});

// What the SDK-based providers put on the wire and read back: GenerateConfig mapping, system messages, logprobs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../test/helpers/mock-model-server.js';
import { createProvider } from './registry.js';

/** A loopback server that records each request body and answers with a fixed reply per path. */
interface Capture {
  url: string;
  bodies: Record<string, unknown>[];
  server: Server;
}

const REPLIES: Record<string, unknown> = {
  '/v1/chat/completions': {
    model: 'served-model',
    choices: [{ message: { content: 'fine' }, finish_reason: 'length' }],
    usage: { prompt_tokens: 11, completion_tokens: 2 },
  },
  '/v1/messages': {
    model: 'served-model',
    content: [
      { type: 'thinking', thinking: 'hmm' },
      { type: 'text', text: 'fi' },
      { type: 'text', text: 'ne' },
    ],
    stop_reason: 'max_tokens',
    usage: { input_tokens: 7, output_tokens: 3 },
  },
};

async function startCapture(): Promise<Capture> {
  const bodies: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(REPLIES[req.url ?? ''] ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies, server };
}

let capture: Capture;
let mock: MockServer;

beforeAll(async () => {
  [capture, mock] = await Promise.all([startCapture(), startMockServer({ answersFile: 'test/fixtures/mock/answers.jsonl' })]);
});
afterAll(async () => {
  await new Promise((resolve) => capture.server.close(resolve));
  await mock.stop();
});

const conversation = {
  messages: [
    { role: 'system' as const, content: 'Be brief.' },
    { role: 'user' as const, content: 'Q1' },
    { role: 'assistant' as const, content: 'A1' },
    { role: 'user' as const, content: 'Q2' },
  ],
  config: { temperature: 0.3, maxTokens: 5, topP: 0.9, seed: 7, stop: ['\n\n'], logprobs: false },
};

describe('openai-compatible request mapping', () => {
  it('maps GenerateConfig onto chat.completions fields and reads the reply', async () => {
    const provider = await createProvider({ provider: 'openai-compatible', model: 'llama3', args: { base_url: `${capture.url}/v1` } });
    const out = await provider.generate(conversation);
    expect(capture.bodies.at(-1)).toEqual({
      model: 'llama3',
      messages: conversation.messages,
      temperature: 0.3,
      max_tokens: 5,
      top_p: 0.9,
      seed: 7,
      stop: ['\n\n'],
      logprobs: false,
    });
    expect(out).toEqual({ text: 'fine', finishReason: 'length', usage: { inputTokens: 11, outputTokens: 2 }, model: 'served-model' });
  });

  it('returns logprobs when asked, and finish reason length when cut short (mock server)', async () => {
    const provider = await createProvider({ provider: 'openai-compatible', model: 'm', args: { base_url: mock.openaiBaseUrl } });
    const out = await provider.generate({ messages: [{ role: 'user', content: 'a longer answer please' }], config: { logprobs: true, maxTokens: 3 } });
    expect(out.text).toBe('one two three');
    expect(out.finishReason).toBe('length');
    expect(out.logprobs?.map((l) => l.token)).toEqual(['one', 'two', 'three']);
    expect(out.logprobs?.every((l) => l.logprob < 0)).toBe(true);
  });
});

describe('anthropic request mapping', () => {
  it('moves system messages into `system`, maps settings and joins text blocks', async () => {
    const provider = await createProvider({ provider: 'anthropic', model: 'claude-x', args: { base_url: capture.url } });
    const out = await provider.generate(conversation);
    expect(capture.bodies.at(-1)).toEqual({
      model: 'claude-x',
      system: 'Be brief.',
      messages: conversation.messages.slice(1),
      max_tokens: 5,
      temperature: 0.3,
      top_p: 0.9,
      stop_sequences: ['\n\n'],
    });
    expect(out).toEqual({ text: 'fine', finishReason: 'length', usage: { inputTokens: 7, outputTokens: 3 }, model: 'served-model' });
  });

  it('sends max_tokens 1024 when the config sets none', async () => {
    const provider = await createProvider({ provider: 'anthropic', model: 'claude-x', args: { base_url: capture.url } });
    await provider.generate({ messages: [{ role: 'user', content: 'hi' }], config: {} });
    expect(capture.bodies.at(-1)).toEqual({ model: 'claude-x', max_tokens: 1024, messages: [{ role: 'user', content: 'hi' }] });
  });
});

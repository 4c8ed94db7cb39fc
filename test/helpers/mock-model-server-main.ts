/**
 * The mock model server process: OpenAI, Anthropic and generic endpoints on 127.0.0.1, deterministic answers.
 * Run on its own: `node --import tsx test/helpers/mock-model-server-main.ts --port 0 --answers f.jsonl
 * [--latency-ms 50] [--mode normal|garbage|error]`; it prints `{"port": N, "url": "http://127.0.0.1:N"}` on stdout.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { parseAnswerKey, type AnswerEntry } from '../../src/providers/mock/answer-key.js';
import { anthropicMessageReply, chatCompletionReply, generateReply, modelsReply, type Reply } from './mock-model-server-replies.js';

const MODES = ['normal', 'garbage', 'error'] as const;
type Mode = (typeof MODES)[number];

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    answers: { type: 'string' },
    'latency-ms': { type: 'string', default: '0' },
    mode: { type: 'string', default: 'normal' },
    'exit-with-stdin': { type: 'boolean', default: false },
  },
});

const mode = values.mode as Mode;
if (!MODES.includes(mode)) throw new Error(`--mode must be one of ${MODES.join(', ')}`);
const latencyMs = Number(values['latency-ms']);
const entries: AnswerEntry[] = values.answers ? parseAnswerKey(readFileSync(values.answers, 'utf8'), values.answers) : [];
let requests = 0;

type Route = (body: Record<string, unknown>, id: number) => Reply;
const MODEL_ROUTES: Record<string, Route> = {
  '/v1/chat/completions': (body, id) => chatCompletionReply(entries, body, id),
  '/v1/messages': (body, id) => anthropicMessageReply(entries, body, id),
  '/generate': (body) => generateReply(entries, body),
};

const server = createServer((req, res) => {
  handle(req, res).catch(() => send(res, { status: 500, body: { error: { message: 'mock server failure' } } }));
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (req.method === 'GET' && path === '/__stats') return send(res, { status: 200, body: { requests } });
  if (req.method === 'POST' && path === '/__reset') {
    await readBody(req);
    requests = 0;
    return send(res, { status: 200, body: { requests } });
  }
  if (req.method === 'GET' && path === '/v1/models') return send(res, modelsReply());
  const route = req.method === 'POST' ? MODEL_ROUTES[path] : undefined;
  if (!route) return send(res, { status: 404, body: { error: { message: `no route ${req.method} ${path}` } } });
  const id = ++requests;
  const text = await readBody(req);
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
  if (mode === 'error') return send(res, errorModeReply(req));
  if (mode === 'garbage') return sendRaw(res, 200, '<html><body>502 Bad Gateway</body></html', 'application/json');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return send(res, { status: 400, body: { error: { message: 'the request body is not JSON' } } });
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return send(res, { status: 400, body: { error: { message: 'the request body is not a JSON object' } } });
  }
  return send(res, route(body as Record<string, unknown>, id));
}

/** A 500 that, like some careless real servers, echoes the credentials it got: clients must scrub them. */
function errorModeReply(req: IncomingMessage): Reply {
  const seen = [req.headers.authorization, req.headers['x-api-key']].filter((v) => typeof v === 'string').join(' / ');
  const message = `mock server is in error mode${seen ? `; request credentials: ${seen}` : ''}`;
  return { status: 500, body: { error: { message, type: 'server_error' } } };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  sendRaw(res, reply.status, JSON.stringify(reply.body), 'application/json');
}

function sendRaw(res: ServerResponse, status: number, text: string, contentType: string): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

server.listen(Number(values.port), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ port, url: `http://127.0.0.1:${port}` })}\n`);
});

// Spawned by startMockServer: go away with the parent, even if it dies without calling stop().
if (values['exit-with-stdin']) {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));

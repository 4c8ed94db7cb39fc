// The process-wide egress guard: installed here only, and always removed, so no other test file is affected.
import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AssayError } from '../../src/errors/index.js';
import { resolveTask } from '../../src/eval/resolve-task.js';
import { runEval } from '../../src/eval/run-eval.js';
import { EgressGate, defaultEgressGate, installEgressGuard, installedEgressGate } from '../../src/governance/egress/index.js';
import { parseModelRef } from '../../src/model/model-ref.js';
import { openStore } from '../../src/store/open-store.js';
import { parseJsonOutput, runCli } from '../helpers/cli.js';
import { startMockServer, type MockServer } from '../helpers/mock-model-server.js';
import { listen, modelReply, type Listener } from './egress-listeners.js';

const FIX = path.resolve(import.meta.dirname, '../fixtures/eval');

let allowed: Listener;
let elsewhere: Listener;
let database: net.Server;
let databasePort: number;
let uninstall: (() => void) | undefined;

beforeAll(async () => {
  allowed = await listen('127.0.0.1', (req, _body, res) => modelReply(req.url ?? '/', res, 'pong'));
  elsewhere = await listen('127.0.0.2', (req, _body, res) => modelReply(req.url ?? '/', res, 'LEAKED'));
  database = net.createServer((socket) => socket.end('ready\n')).listen(0, '127.0.0.1');
  await once(database, 'listening');
  databasePort = (database.address() as net.AddressInfo).port;
});

afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

afterAll(async () => {
  database?.close();
  await Promise.all([allowed?.close(), elsewhere?.close()]);
});

async function bodyOf(res: http.IncomingMessage): Promise<string> {
  let text = '';
  res.setEncoding('utf8');
  for await (const chunk of res) text += chunk as string;
  return text;
}

describe('installEgressGuard', () => {
  it('blocks raw http.get, net.connect and fetch to 127.0.0.2, lets configured endpoints and the store through, and comes off cleanly', async () => {
    const originalFetch = globalThis.fetch;
    const originalConnect = net.Socket.prototype.connect;
    const gate = new EgressGate({ allow: [allowed.origin] });
    uninstall = installEgressGuard(gate, {
      env: { ASSAY_DATABASE_URL: `postgres://assay:pw@127.0.0.1:${databasePort}/assay`, ASSAY_REDIS_URL: 'redis://127.0.0.1:6390' },
    });
    expect(installedEgressGate()).toBe(gate);
    expect(gate.origins()).toEqual([allowed.origin, `postgres://127.0.0.1:${databasePort}`, 'redis://127.0.0.1:6390']);

    const refusedGet = http.get(`${elsewhere.origin}/x`);
    const [getError] = (await once(refusedGet, 'error')) as [AssayError];
    expect(getError).toBeInstanceOf(AssayError);
    expect(getError.code).toBe('EGRESS_BLOCKED');
    expect(getError.message).toContain(`127.0.0.2:${elsewhere.port}`);

    const refusedSocket = net.connect(elsewhere.port, '127.0.0.2');
    const [socketError] = (await once(refusedSocket, 'error')) as [AssayError];
    expect(socketError.code).toBe('EGRESS_BLOCKED');

    const fetchError: unknown = await globalThis.fetch(`${elsewhere.origin}/y`).catch((e: unknown) => e);
    expect(fetchError).toMatchObject({ code: 'EGRESS_BLOCKED' });
    expect(elsewhere.connections()).toBe(0);
    expect(gate.blocked.map((e) => [e.host, e.port, e.channel])).toEqual([
      ['127.0.0.2', elsewhere.port, 'socket'],
      ['127.0.0.2', elsewhere.port, 'socket'],
      ['127.0.0.2', elsewhere.port, 'fetch'],
    ]);

    const [res] = (await once(http.get(`${allowed.origin}/generate`), 'response')) as [http.IncomingMessage];
    expect(JSON.parse(await bodyOf(res))).toEqual({ output: 'pong' });
    expect(await (await globalThis.fetch(`${allowed.origin}/generate`)).json()).toEqual({ output: 'pong' });
    const store = net.connect(databasePort, '127.0.0.1');
    const [greeting] = (await once(store, 'data')) as [Buffer];
    expect(greeting.toString()).toBe('ready\n');
    store.destroy();

    uninstall();
    uninstall = undefined;
    expect(installedEgressGate()).toBeUndefined();
    expect(globalThis.fetch).toBe(originalFetch);
    expect(net.Socket.prototype.connect).toBe(originalConnect);
    // With the guard gone the same request gets through: it was the guard that stopped it.
    const [after] = (await once(http.get(`${elsewhere.origin}/x`), 'response')) as [http.IncomingMessage];
    await bodyOf(after);
    expect(elsewhere.connections()).toBe(1);
  });

  it('refuses to be installed twice', () => {
    uninstall = installEgressGuard(new EgressGate());
    expect(() => installEgressGuard(new EgressGate())).toThrow(/already installed/);
  });
});

describe('an evaluation under the guard', () => {
  let server: MockServer;
  let home: string;

  beforeAll(async () => {
    server = await startMockServer({ answersFile: path.join(FIX, 'answers-a.jsonl') });
    home = mkdtempSync(path.join(tmpdir(), 'assay-egress-'));
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('reaches its openai-compatible model through the process gate and gets the right answers', async () => {
    const store = await openStore({ home, databaseUrl: '' });
    const gate = defaultEgressGate();
    uninstall = installEgressGuard(gate, { env: {} });
    try {
      const task = await resolveTask(path.join(FIX, 'arith-task.yaml'));
      const result = await runEval({
        ...task,
        store,
        model: parseModelRef('openai-compatible/mock-model', { base_url: server.openaiBaseUrl, max_retries: '0' }),
        concurrency: 2,
      });
      expect(result.status).toBe('completed');
      expect(result.samples).toEqual({ total: 10, completed: 10, errored: 0 });
      expect(result.metrics.includes!.accuracy!.value).toBeCloseTo(0.7, 12);
      expect(gate.origins()).toContain(server.baseUrl);
      expect(gate.blocked).toEqual([]);
      expect((await server.stats()).requests).toBe(10);
    } finally {
      await store.close();
    }
  });

  it('the CLI installs the guard at start: its runs still reach the model, and a bad ASSAY_EGRESS_ALLOW stops it', async () => {
    const env = { ASSAY_HOME: path.join(home, 'cli'), ASSAY_DATABASE_URL: '' };
    const args = ['eval', path.join(FIX, 'arith-task.yaml'), '--model', 'openai-compatible/mock-model', '-M', `base_url=${server.openaiBaseUrl}`, '--output', 'json', '-q'];
    const ok = await runCli(args, { env });
    expect(ok.code, ok.stderr).toBe(0);
    expect(parseJsonOutput(ok)).toMatchObject({ status: 'completed', calls: { live: 10, cached: 0 } });
    const bad = await runCli(args, { env: { ...env, ASSAY_EGRESS_ALLOW: 'models.internal:8000' } });
    expect(bad.code).toBe(2);
    expect(bad.stdout + bad.stderr).toContain('ASSAY_EGRESS_ALLOW');
  });
});

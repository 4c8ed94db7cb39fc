/** Starts the mock model server (test/helpers/mock-model-server-main.ts) in its own process, for tests. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The server's entry file, for scripts that spawn it themselves (`node --import tsx <file> --port 0`). */
export const MOCK_SERVER_MAIN = fileURLToPath(new URL('./mock-model-server-main.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface MockServerOptions {
  /** JSONL of `{"match": "...", "response": "..."}`; unmatched prompts are echoed. */
  answersFile?: string;
  /** Delay before each model reply. */
  latencyMs?: number;
  /** `garbage`: 200 with a non-JSON body; `error`: 500. */
  mode?: 'normal' | 'garbage' | 'error';
}

export interface MockServer {
  /** `http://127.0.0.1:<port>`: Anthropic's base URL; `/generate` hangs off it. */
  baseUrl: string;
  /** `<baseUrl>/v1`: the base URL for openai-compatible. */
  openaiBaseUrl: string;
  stop(): Promise<void>;
  /** Model requests served since start or the last reset. */
  stats(): Promise<{ requests: number }>;
  reset(): Promise<void>;
}

/**
 * Spawns the server and waits until it listens.
 *
 * @example
 * const server = await startMockServer({ answersFile: 'test/fixtures/mock/answers.jsonl' });
 * try { ... `-M base_url=${server.openaiBaseUrl}` ... } finally { await server.stop(); }
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const args = ['--import', 'tsx', MOCK_SERVER_MAIN, '--port', '0', '--exit-with-stdin', '--mode', options.mode ?? 'normal'];
  if (options.answersFile) args.push('--answers', options.answersFile);
  if (options.latencyMs) args.push('--latency-ms', String(options.latencyMs));
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const port = await readPort(child.stdout, exited);
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    openaiBaseUrl: `${baseUrl}/v1`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
    async stats() {
      const response = await fetch(`${baseUrl}/__stats`);
      return (await response.json()) as { requests: number };
    },
    async reset() {
      await (await fetch(`${baseUrl}/__reset`, { method: 'POST' })).text();
    },
  };
}

async function readPort(stdout: NodeJS.ReadableStream, exited: Promise<unknown>): Promise<number> {
  const lines = createInterface({ input: stdout });
  const first = (async () => {
    for await (const line of lines) {
      const parsed = JSON.parse(line) as { port?: unknown };
      if (typeof parsed.port === 'number') return parsed.port;
    }
    throw new Error('mock model server closed its output before printing a port');
  })();
  const died = exited.then(() => {
    throw new Error('mock model server exited before listening');
  });
  died.catch(() => undefined); // once listening, a later exit must not surface as an unhandled rejection
  return Promise.race([first, died]);
}

// Real HTTP listeners for the egress tests: one on 127.0.0.1 (the configured model server), one on 127.0.0.2 (elsewhere).
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A listener that counts the TCP connections it accepts, so a test can prove a refused request never arrived. */
export interface Listener {
  origin: string;
  port: number;
  connections(): number;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** Starts a listener on `host` (port chosen by the system). */
export async function listen(host: string, handler: Handler): Promise<Listener> {
  let connections = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => handler(req, body, res));
  });
  server.on('connection', () => (connections += 1));
  server.listen(0, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    port,
    connections: () => connections,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** Replies as a model server would: OpenAI chat completions, Anthropic messages, or `{output}` for the http provider. */
export function modelReply(path: string, res: ServerResponse, text: string): void {
  const json = path.endsWith('/chat/completions')
    ? { model: 'm', choices: [{ message: { content: text }, finish_reason: 'stop' }], usage: { prompt_tokens: 3, completion_tokens: 2 } }
    : path.endsWith('/messages')
      ? { model: 'm', content: [{ type: 'text', text }], stop_reason: 'end_turn', usage: { input_tokens: 3, output_tokens: 2 } }
      : { output: text };
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(json));
}

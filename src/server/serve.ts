/** Puts the API on a socket: HTTP on loopback by default, or HTTPS with optional client certificates (mTLS). */
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { AssayError } from '../errors/index.js';
import { createApp } from './create-app.js';
import type { ServerDeps } from './server-deps.js';

export interface TlsFiles {
  cert: string;
  key: string;
  /** CA bundle that client certificates must chain to; enables mTLS. */
  clientCa?: string;
  /** Refuse the TLS handshake without a valid client certificate (default: true when clientCa is set). */
  requireClientCert?: boolean;
}

export interface ServeOptions {
  host: string;
  port: number;
  tls?: TlsFiles;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

function read(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new AssayError('CONFIG_INVALID', `Cannot read the ${what} ${file}: ${(err as Error).message}.`, { where: { file }, hint: `Check the --${what.replace(/ /g, '-')} path and its permissions.` });
  }
}

/**
 * Starts the server and resolves once it listens.
 * @example const s = await startServer({ host: '127.0.0.1', port: 0 }, deps); console.log(s.url); await s.close();
 */
export async function startServer(options: ServeOptions, deps: ServerDeps): Promise<RunningServer> {
  const app = createApp(deps);
  const tls = options.tls;
  const serverOptions = tls
    ? {
        cert: read(tls.cert, 'tls cert'),
        key: read(tls.key, 'tls key'),
        ...(tls.clientCa ? { ca: read(tls.clientCa, 'client ca'), requestCert: true, rejectUnauthorized: tls.requireClientCert ?? true } : {}),
        minVersion: 'TLSv1.2' as const,
      }
    : undefined;
  return new Promise((resolve, reject) => {
    const server = tls
      ? serve({ fetch: app.fetch, hostname: options.host, port: options.port, createServer: createHttpsServer, serverOptions }, (info: AddressInfo) => resolve(running(info)))
      : serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => resolve(running(info)));
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(new AssayError('CONFIG_INVALID', `Cannot listen on ${options.host}:${options.port}: ${err.message}.`, { hint: err.code === 'EADDRINUSE' ? 'Another process uses that port; pick another with --port.' : 'Check --host and --port.' })),
    );
    function running(info: AddressInfo): RunningServer {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      return {
        url: `${tls ? 'https' : 'http'}://${host}:${info.port}`,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        }),
      };
    }
  });
}

/** The process-wide egress guard: routes `globalThis.fetch` and every TCP connect through one gate. */
import net from 'node:net';
import { AssayError } from '../../errors/index.js';
import { defaultEgressGate } from './default-egress-gate.js';
import { destinationOf, normalizeHost } from './egress-destination.js';
import type { EgressGate } from './egress-gate.js';
import { setUnguardedFetch } from './unguarded-fetch.js';

/** Environment variables naming infrastructure (store, queue) that must stay reachable under the guard. */
export const INFRASTRUCTURE_URL_ENVS = ['ASSAY_DATABASE_URL', 'ASSAY_REDIS_URL'] as const;

export interface EgressGuardOptions {
  /** Where ASSAY_DATABASE_URL / ASSAY_REDIS_URL are read; default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

type Connect = typeof net.Socket.prototype.connect;

let installed: { gate: EgressGate; uninstall: () => void } | undefined;

/**
 * Installs the guard: `globalThis.fetch` becomes `gate.fetch`, and `net.Socket.prototype.connect` (under
 * `net.connect`, `http.request`, `https.request`, `tls.connect`, undici and database drivers) refuses any TCP
 * destination the gate does not allow, with EGRESS_BLOCKED emitted as the socket's error. Unix sockets pass.
 * The store and queue named by ASSAY_DATABASE_URL / ASSAY_REDIS_URL are admitted. Returns the uninstaller.
 *
 * @example
 * const uninstall = installEgressGuard(defaultEgressGate());
 * try { await work(); } finally { uninstall(); }
 */
export function installEgressGuard(gate: EgressGate, options: EgressGuardOptions = {}): () => void {
  if (installed) throw new AssayError('INTERNAL', 'The egress guard is already installed.', { hint: 'Call the uninstaller it returned before installing it again.' });
  const env = options.env ?? process.env;
  for (const name of INFRASTRUCTURE_URL_ENVS) {
    const url = env[name];
    if (url && destinationOf(url)) gate.admit(url);
  }
  const originalFetch = globalThis.fetch;
  const originalConnect = net.Socket.prototype.connect;
  const guardedConnect = guardConnect(gate, originalConnect);
  setUnguardedFetch(originalFetch);
  globalThis.fetch = gate.fetch;
  net.Socket.prototype.connect = guardedConnect;
  const uninstall = (): void => {
    if (installed?.uninstall !== uninstall) return;
    if (globalThis.fetch === gate.fetch) globalThis.fetch = originalFetch;
    if (net.Socket.prototype.connect === guardedConnect) net.Socket.prototype.connect = originalConnect;
    setUnguardedFetch(undefined);
    installed = undefined;
  };
  installed = { gate, uninstall };
  return uninstall;
}

/** The gate the guard routes through, when it is installed. */
export function installedEgressGate(): EgressGate | undefined {
  return installed?.gate;
}

function guardConnect(gate: EgressGate, original: Connect): Connect {
  function connect(this: net.Socket, ...args: unknown[]): net.Socket {
    const target = socketTarget(args);
    if (target === undefined || gate.allowsSocket(target.host, target.port)) return Reflect.apply(original, this, args) as net.Socket;
    const where = `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
    const error = gate.refuse({ url: where, host: target.host, port: target.port, channel: 'socket', reason: `${where} is not allowed` });
    // Reported like a refused connection: asynchronously, as the socket's 'error'; nothing is opened.
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect as Connect;
}

/** Host and port of a `socket.connect(...)` call, or undefined for a Unix socket or arguments Node itself will reject. */
function socketTarget(args: readonly unknown[]): { host: string; port: number } | undefined {
  // net.connect() hands Socket#connect its already-normalised [options, callback] array.
  const first: unknown = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  let port: number;
  let host: unknown;
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    port = Number(first);
    host = args[1];
  } else if (first !== null && typeof first === 'object') {
    const opts = first as { path?: unknown; port?: unknown; host?: unknown };
    if (opts.path !== undefined && opts.path !== null) return undefined;
    port = Number(opts.port);
    host = opts.host;
  } else {
    return undefined; // a path string: a Unix socket or named pipe, not network egress
  }
  if (!Number.isInteger(port)) return undefined;
  return { host: typeof host === 'string' && host.length > 0 ? normalizeHost(host) : 'localhost', port };
}

/**
 * Installs the guard over the process gate unless a guard is already in place; for the CLI's start.
 * Model endpoints join the gate as providers are configured; nothing else gets out.
 */
export function guardProcessEgress(options: EgressGuardOptions = {}): EgressGate {
  const current = installedEgressGate();
  if (current) return current;
  const gate = defaultEgressGate();
  installEgressGuard(gate, options);
  return gate;
}

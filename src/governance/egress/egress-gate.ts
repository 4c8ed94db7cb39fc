/** The one gate every outbound connection passes: only configured model endpoints and explicit additions get through. */
import { AssayError } from '../../errors/index.js';
import { describeUrl, destinationOf, formatDestination, normalizeHost, type Destination } from './egress-destination.js';
import { fetchFollowingRedirects, type FetchLike } from './fetch-following-redirects.js';
import { unguardedFetch } from './unguarded-fetch.js';

/** How the refused connection was attempted. */
export const EGRESS_CHANNELS = ['fetch', 'redirect', 'socket'] as const;
export type EgressChannel = (typeof EGRESS_CHANNELS)[number];

/** One refused connection: what the audit log records (no credentials, no query string). */
export interface BlockedEgress {
  /** The destination URL without credentials or query, or `host:port` for a raw socket. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly channel: EgressChannel;
  readonly reason: string;
  /** ISO 8601. */
  readonly time: string;
}

export type BlockedEgressListener = (event: BlockedEgress) => void;

export interface EgressGateOptions {
  /** Origins or URLs let through (the configured model endpoints, ASSAY_EGRESS_ALLOW entries). */
  allow?: readonly string[];
  /** Called on every refusal, e.g. to write the audit log; a throwing listener never unblocks the request. */
  onBlocked?: BlockedEgressListener;
  /** The transport for allowed requests; default the platform fetch (unwrapped by the guard). */
  fetch?: FetchLike;
  /** Redirect hops followed before giving up; default 20, as browsers do. */
  maxRedirects?: number;
}

/** How many refusals are kept in memory; the oldest are dropped first. */
const BLOCKED_KEPT = 1000;

/**
 * An allow-list of origins with a checking `fetch`. Redirects are followed by hand and every hop is checked.
 *
 * @example
 * const gate = new EgressGate({ allow: ['http://127.0.0.1:8000'], onBlocked: (e) => audit.write(e) });
 * const openai = new OpenAI({ baseURL: 'http://127.0.0.1:8000/v1', fetch: gate.fetch });
 */
export class EgressGate {
  readonly #allowed = new Map<string, Destination>();
  readonly #listeners = new Set<BlockedEgressListener>();
  readonly #blocked: BlockedEgress[] = [];
  readonly #transport: FetchLike;
  readonly #maxRedirects: number;

  constructor(options: EgressGateOptions = {}) {
    for (const url of options.allow ?? []) this.admit(url);
    if (options.onBlocked) this.#listeners.add(options.onBlocked);
    this.#transport = options.fetch ?? unguardedFetch;
    this.#maxRedirects = options.maxRedirects ?? 20;
  }

  /** Adds the origin of `url` to the allow-list; CONFIG_INVALID when it names no host and port. */
  admit(url: string): void {
    const dest = destinationOf(url);
    if (!dest) throw new AssayError('CONFIG_INVALID', `"${url}" is not a URL with a host, so it cannot be an allowed destination.`);
    this.#allowed.set(formatDestination(dest), dest);
  }

  /** The allowed origins, e.g. `http://127.0.0.1:8000`. */
  origins(): string[] {
    return [...this.#allowed.keys()];
  }

  /** Whether a request to `url` (scheme, host and port) would be let through. */
  allows(url: string | URL): boolean {
    const dest = destinationOf(url);
    return dest !== undefined && this.#allowed.has(formatDestination(dest));
  }

  /** Whether a raw TCP connection to `host:port` would be let through (any allowed origin on that host and port). */
  allowsSocket(host: string, port: number): boolean {
    const h = normalizeHost(host);
    for (const dest of this.#allowed.values()) if (dest.host === h && dest.port === port) return true;
    return false;
  }

  /** Refusals so far, oldest first (at most the last 1000). */
  get blocked(): readonly BlockedEgress[] {
    return this.#blocked;
  }

  /** Adds a refusal listener (the audit log); returns the function that removes it. */
  addBlockedListener(listener: BlockedEgressListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Throws EGRESS_BLOCKED (and records it) unless `url` is allowed. */
  check(url: URL, channel: EgressChannel = 'fetch', from?: URL): void {
    if (this.allows(url)) return;
    const dest = destinationOf(url);
    const where = dest ? formatDestination(dest) : url.origin;
    const reason = from ? `redirect from ${from.origin} to ${where}, which is not allowed` : `${where} is not allowed`;
    throw this.refuse({ url: describeUrl(url), host: dest?.host ?? url.hostname, port: dest?.port ?? 0, channel, reason });
  }

  /** Records a refusal, tells the listeners, and returns the EGRESS_BLOCKED error to throw or emit. */
  refuse(event: Omit<BlockedEgress, 'time'>): AssayError {
    const full: BlockedEgress = { ...event, time: new Date().toISOString() };
    this.#blocked.push(full);
    if (this.#blocked.length > BLOCKED_KEPT) this.#blocked.shift();
    for (const listener of this.#listeners) {
      try {
        listener(full);
      } catch {
        // A failing audit hook must not turn a refusal into something else.
      }
    }
    return new AssayError('EGRESS_BLOCKED', `Outbound connection refused: ${event.reason} (egress is limited to the configured model endpoints).`, {
      hint: `If ${event.url} is a model server you mean to use, configure it as the model's -M base_url / -M url, or add its origin to ASSAY_EGRESS_ALLOW (comma-separated, e.g. ASSAY_EGRESS_ALLOW=${originHint(event)}).`,
    });
  }

  /** A drop-in `fetch` (bound, so it can be handed to SDKs) that refuses any destination not allowed, at every redirect hop. */
  readonly fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> =>
    fetchFollowingRedirects(input, init, { transport: this.#transport, maxRedirects: this.#maxRedirects, check: (url, from) => this.check(url, from ? 'redirect' : 'fetch', from) });
}

/** The EGRESS_BLOCKED error in `err` or in its chain of causes (SDKs wrap fetch errors), if any. */
export function egressBlockOf(err: unknown): AssayError | undefined {
  for (let e: unknown = err, depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    if (e instanceof AssayError && e.code === 'EGRESS_BLOCKED') return e;
    e = e instanceof Error ? e.cause : undefined;
  }
  return undefined;
}

function originHint(event: Omit<BlockedEgress, 'time'>): string {
  const scheme = event.url.match(/^[a-z][a-z0-9+.-]*:\/\//i)?.[0] ?? 'http://';
  return `${scheme}${event.host.includes(':') ? `[${event.host}]` : event.host}:${event.port}`;
}

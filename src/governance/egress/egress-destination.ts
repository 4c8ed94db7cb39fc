/** Egress destinations (scheme + host + port), parsed once from URLs, and the ASSAY_EGRESS_ALLOW list. */
import { AssayError } from '../../errors/index.js';

/** Where a connection goes: `protocol` as in URL (`http:`), `host` lower-case without IPv6 brackets. */
export interface Destination {
  readonly protocol: string;
  readonly host: string;
  readonly port: number;
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  'http:': 80,
  'https:': 443,
  'postgres:': 5432,
  'postgresql:': 5432,
  'redis:': 6379,
  'rediss:': 6379,
};

/** Lower-cases a host and drops IPv6 brackets and a trailing dot, so `[::1]` and `::1` compare equal. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/** The destination of a URL, or undefined when it names no network host and port (a file, a bad URL). */
export function destinationOf(url: string | URL): Destination | undefined {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
  if (!parsed.hostname) return undefined;
  const port = parsed.port ? Number(parsed.port) : DEFAULT_PORTS[parsed.protocol];
  if (port === undefined) return undefined;
  return { protocol: parsed.protocol, host: normalizeHost(parsed.hostname), port };
}

/** `http://127.0.0.2:4000`: the origin form used in messages and in ASSAY_EGRESS_ALLOW. */
export function formatDestination({ protocol, host, port }: Destination): string {
  return `${protocol}//${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** A URL fit for logs: origin and path, without credentials, query or fragment. */
export function describeUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/**
 * Parses ASSAY_EGRESS_ALLOW: comma-separated origins such as `https://models.internal:8443`.
 * A malformed entry is CONFIG_INVALID naming it, rather than being silently skipped.
 */
export function egressAllowFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env.ASSAY_EGRESS_ALLOW ?? '';
  const entries = raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  for (const entry of entries) {
    if (!destinationOf(entry)) {
      throw new AssayError('CONFIG_INVALID', `ASSAY_EGRESS_ALLOW has an entry that is not an origin: "${entry}".`, {
        hint: 'Write origins with a scheme, separated by commas, e.g. ASSAY_EGRESS_ALLOW=https://models.internal:8443,http://10.0.0.5:8000',
      });
    }
  }
  return entries;
}

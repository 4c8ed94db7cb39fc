/** The process's egress gate, which providers use unless handed another, and the fetch a provider gets from it. */
import { egressAllowFromEnv } from './egress-destination.js';
import { EgressGate } from './egress-gate.js';
import type { FetchLike } from './fetch-following-redirects.js';

/** What a network provider takes besides its `-M` arguments. */
export interface EgressOptions {
  /** The gate its requests pass; default the process gate. */
  egress?: EgressGate;
}

let processGate: EgressGate | undefined;

/**
 * The one gate of this process, made on first use with ASSAY_EGRESS_ALLOW; model endpoints join it as providers
 * are configured. Wire its refusals to the audit log with `defaultEgressGate().addBlockedListener(...)`.
 */
export function defaultEgressGate(): EgressGate {
  processGate ??= new EgressGate({ allow: egressAllowFromEnv() });
  return processGate;
}

/**
 * Admits a provider's configured endpoint to `gate` and returns the gate's fetch, for the SDK's `fetch` option.
 *
 * @example
 * new OpenAI({ baseURL, fetch: endpointFetch(baseURL, options.egress) })
 */
export function endpointFetch(endpoint: string, gate: EgressGate = defaultEgressGate()): FetchLike {
  gate.admit(endpoint);
  return gate.fetch;
}

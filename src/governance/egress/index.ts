/** Egress control: one gate for every outbound connection, and the process-wide guard that enforces it. */
export { EgressGate, EGRESS_CHANNELS, egressBlockOf, type BlockedEgress, type BlockedEgressListener, type EgressChannel, type EgressGateOptions } from './egress-gate.js';
export { defaultEgressGate, endpointFetch, type EgressOptions } from './default-egress-gate.js';
export { destinationOf, egressAllowFromEnv, formatDestination, type Destination } from './egress-destination.js';
export { guardProcessEgress, installEgressGuard, installedEgressGate, INFRASTRUCTURE_URL_ENVS, type EgressGuardOptions } from './egress-guard.js';
export type { FetchLike } from './fetch-following-redirects.js';

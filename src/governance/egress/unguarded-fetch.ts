/** The platform fetch as it was before the egress guard wrapped `globalThis.fetch`, so the gate never calls itself. */

let saved: typeof globalThis.fetch | undefined;

/** Set by the guard while it is installed; cleared when it is removed. */
export function setUnguardedFetch(fetchImpl: typeof globalThis.fetch | undefined): void {
  saved = fetchImpl;
}

/** Calls the platform fetch, bypassing the guard's wrapper (the gate has already checked the destination). */
export function unguardedFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  return (saved ?? globalThis.fetch)(input, init);
}

/** Normalises database errors into AssayError STORE_FAILURE, and checks abort signals before work starts. */
import { AssayError } from '../errors/index.js';

/** Wraps anything a driver threw; an AssayError passes through unchanged. */
export function toStoreFailure(operation: string, err: unknown): AssayError {
  if (err instanceof AssayError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new AssayError('STORE_FAILURE', `Store failed to ${operation}: ${message}`, {
    cause: err,
    hint: 'Check that the database is reachable, writable and not full; then run again.',
  });
}

/** Throws AssayError ABORTED when the signal has fired; store calls check it before they start. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new AssayError('ABORTED', 'The store operation was cancelled before it started.', { cause: signal.reason });
  }
}

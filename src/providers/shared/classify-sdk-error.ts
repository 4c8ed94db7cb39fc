/** Maps an error thrown by a Stainless-generated SDK (openai, @anthropic-ai/sdk) to a CallFailure. */
import { egressBlockOf } from '../../governance/egress/index.js';
import { describeErrorBody, type CallFailure } from './call-failure.js';

type ErrorClass<T = unknown> = abstract new (...args: never[]) => T;

/** The SDK's error classes; both SDKs export the same four. */
export interface SdkErrorClasses {
  APIUserAbortError: ErrorClass;
  APIConnectionTimeoutError: ErrorClass;
  APIConnectionError: ErrorClass<{ cause?: unknown }>;
  APIError: ErrorClass<{ status?: number; error?: unknown }>;
}

/** Egress refusals pass through as they are; anything unrecognised is rethrown. */
export function classifySdkError(err: unknown, signal: AbortSignal | undefined, sdk: SdkErrorClasses): CallFailure {
  const blocked = egressBlockOf(err);
  if (blocked) throw blocked;
  if (signal?.aborted || err instanceof sdk.APIUserAbortError) return { kind: 'aborted' };
  if (err instanceof sdk.APIConnectionTimeoutError) return { kind: 'timeout' };
  if (err instanceof sdk.APIConnectionError) return { kind: 'connection', cause: err.cause };
  if (err instanceof sdk.APIError && err.status !== undefined) {
    return { kind: 'status', status: err.status, detail: describeErrorBody(err.error) };
  }
  if (err instanceof SyntaxError) return { kind: 'bad-body', detail: 'the body is not valid JSON.' };
  throw err;
}

/** Turns a failed model call, already classified by its provider, into the AssayError the user sees. */
import { AssayError } from '../../errors/index.js';
import { redact } from './redact.js';

/** What went wrong with one call, in transport-neutral terms. */
export type CallFailure =
  | { kind: 'aborted' }
  | { kind: 'timeout' }
  | { kind: 'connection'; cause: unknown }
  | { kind: 'status'; status: number; detail?: string }
  | { kind: 'bad-body'; detail: string; cause?: unknown };

/** Where the call went and which settings the user can change; nothing in here is secret except `secrets`. */
export interface CallContext {
  /** The URL called (already free of credentials). */
  url: string;
  timeoutMs: number;
  /** The `-M` setting that picks the address, for hints (`-M base_url`, `-M url`). */
  urlArg: string;
  /** The environment variable holding the key, when there is one. */
  keyEnv?: string;
  /** Values scrubbed from any text the server sent back. */
  secrets: readonly (string | undefined)[];
}

const MAX_DETAIL = 300;

/** Builds the AssayError for a classified failure; the message names the URL and never a key. */
export function callFailureToError(failure: CallFailure, ctx: CallContext): AssayError {
  switch (failure.kind) {
    case 'aborted':
      return new AssayError('ABORTED', `The call to ${ctx.url} was cancelled.`);
    case 'timeout':
      return new AssayError('MODEL_TIMEOUT', `No answer from ${ctx.url} within ${ctx.timeoutMs} ms.`, {
        hint: 'The server may be overloaded: raise -M timeout_ms or lower --concurrency.',
      });
    case 'connection': {
      const reason = errorCodeOf(failure.cause) ?? rootMessage(failure.cause);
      return new AssayError('MODEL_UNREACHABLE', `Could not connect to the model server at ${ctx.url}${reason ? ` (${scrub(reason, ctx)})` : ''}.`, {
        hint: `Is the server running? Check ${ctx.urlArg}.`,
        cause: failure.cause,
      });
    }
    case 'status':
      return statusError(failure.status, scrub(failure.detail, ctx), ctx);
    case 'bad-body':
      return new AssayError('MODEL_BAD_RESPONSE', `The model server at ${ctx.url} sent a response Assay cannot read: ${scrub(failure.detail, ctx)}`, {
        hint: `Check that ${ctx.urlArg} points at the right kind of server.`,
      });
  }
}

function statusError(status: number, detail: string, ctx: CallContext): AssayError {
  const said = `The model server at ${ctx.url} answered HTTP ${status}${detail ? `: ${detail}` : '.'}`;
  if (status === 401 || status === 403) {
    const where = ctx.keyEnv ? `the key in ${ctx.keyEnv}` : 'the credentials (-M api_key_env)';
    return new AssayError('MODEL_UNREACHABLE', said, { hint: `The server refused the credentials; check ${where}.` });
  }
  if (status === 404) {
    return new AssayError('MODEL_UNREACHABLE', said, { hint: `Check ${ctx.urlArg} and the model name.` });
  }
  if (status === 408 || status === 429 || status >= 500) {
    return new AssayError('MODEL_UNREACHABLE', said, { hint: 'The server is failing or overloaded; check its logs, or lower --concurrency.' });
  }
  return new AssayError('MODEL_BAD_RESPONSE', said, { hint: 'The server rejected the request; check the -M settings and generation config it accepts.' });
}

function scrub(detail: string | undefined, ctx: CallContext): string {
  if (!detail) return '';
  const clean = redact(detail, ctx.secrets).replace(/\s+/g, ' ').trim();
  return clean.length > MAX_DETAIL ? `${clean.slice(0, MAX_DETAIL)}…` : clean;
}

/** The first `code` such as ECONNREFUSED found along an error's cause chain. */
export function errorCodeOf(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Object; depth++) {
    const code: unknown = Reflect.get(current, 'code');
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
    current = Reflect.get(current, 'cause');
  }
  return undefined;
}

/** The message of the innermost error in a cause chain (`bad port`, `getaddrinfo EAI_AGAIN`…). */
function rootMessage(err: unknown): string | undefined {
  let current: unknown = err;
  let message: string | undefined;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    message = current.message;
    current = current.cause;
  }
  return message;
}

/** A short text for an error body the server sent: its `message` when it has one, else the body itself. */
export function describeErrorBody(body: unknown): string | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Object) {
    const message: unknown = Reflect.get(body, 'message');
    if (typeof message === 'string') return message;
    const nested: unknown = Reflect.get(body, 'error');
    if (nested !== undefined && nested !== body) return describeErrorBody(nested);
  }
  return JSON.stringify(body);
}

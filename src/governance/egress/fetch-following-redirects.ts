/** Fetch with redirects followed by hand, so that the destination of every hop can be checked before it is contacted. */
import { AssayError } from '../../errors/index.js';

/** The `fetch` signature the SDKs accept. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface RedirectOptions {
  transport: FetchLike;
  maxRedirects: number;
  /** Throws when `url` may not be contacted; `from` is the hop that redirected there. */
  check(url: URL, from?: URL): void;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers that carry credentials; dropped when a redirect leaves the origin (fetch drops only Authorization). */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'api-key'];

/** Fetches `input`, checking it and every redirect target; a caller's `redirect: 'manual' | 'error'` is kept. */
export async function fetchFollowingRedirects(input: string | URL | Request, init: RequestInit | undefined, options: RedirectOptions): Promise<Response> {
  const request = input instanceof Request ? input : undefined;
  let url = new URL(request ? request.url : String(input));
  options.check(url);
  const mode = init?.redirect ?? request?.redirect ?? 'follow';
  let response = await options.transport(input, { ...init, redirect: 'manual' });
  if (mode !== 'follow') return response;
  let method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
  let body = init?.body ?? request?.body ?? null;
  const headers = new Headers(init?.headers ?? request?.headers);
  for (let hop = 0; REDIRECT_STATUSES.has(response.status); hop++) {
    const location = response.headers.get('location');
    if (location === null) return response;
    const next = new URL(location, url);
    await response.body?.cancel();
    if (hop >= options.maxRedirects) {
      throw new AssayError('MODEL_BAD_RESPONSE', `${url.origin} redirected more than ${options.maxRedirects} times.`, { hint: 'Point the model URL at the final address.' });
    }
    options.check(next, url);
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      method = method === 'HEAD' ? 'HEAD' : 'GET';
      body = null;
      headers.delete('content-type');
      headers.delete('content-length');
    } else if (body instanceof ReadableStream) {
      throw new AssayError('MODEL_BAD_RESPONSE', `${url.origin} answered ${response.status} (redirect to ${next.origin}), but a streamed body cannot be sent again.`, {
        hint: 'Point the model URL at the final address.',
      });
    }
    if (next.origin !== url.origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
    url = next;
    response = await options.transport(url, { ...init, method, headers, body, signal: init?.signal ?? request?.signal, redirect: 'manual' });
  }
  return response;
}

/** Errors as JSON with the HTTP status of their code; internal errors never show a stack or a cause. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AssayError } from '../errors/index.js';
import { ERROR_CODES } from '../errors/codes.js';

export function errorResponse(c: Context, err: unknown): Response {
  if (err instanceof AssayError) {
    const status = ERROR_CODES[err.code].http as ContentfulStatusCode;
    return c.json({ error: { code: err.code, message: err.message, ...(err.hint ? { hint: err.hint } : {}) } }, status);
  }
  return c.json({ error: { code: 'INTERNAL', message: 'Internal error; the server log has the details.' } }, 500);
}

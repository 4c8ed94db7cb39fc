/** Validates a response body we parsed ourselves, turning a wrong shape into a readable CallFailure. */
import type { z } from 'zod';
import type { CallFailure } from './call-failure.js';

/** `{ ok: true, data }` when `body` fits `schema`; else a `bad-body` failure naming the first wrong field. */
export function parseBody<S extends z.ZodType>(
  schema: S,
  body: unknown,
): { ok: true; data: z.output<S> } | { ok: false; failure: CallFailure } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  if (typeof body === 'string') {
    return { ok: false, failure: { kind: 'bad-body', detail: 'the body is not JSON.' } };
  }
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `field "${issue.path.join('.')}": ` : '';
  return { ok: false, failure: { kind: 'bad-body', detail: `${where}${issue?.message ?? 'unexpected shape'}.` } };
}

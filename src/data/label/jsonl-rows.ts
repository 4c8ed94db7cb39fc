/** The lines of a JSONL text checked against a zod schema: each a parsed row or the reason it was refused. */
import type { z } from 'zod';

/** One non-blank line (1-based): the parsed row, or why it is not one. */
export type JsonlRow<T> = { line: number; row: T; reason?: undefined } | { line: number; row?: undefined; reason: string };

/**
 * Every non-blank line of `text`, parsed as JSON and then by `schema`; a bad line is a reason, never a throw.
 * @example for (const r of jsonlRows('{"id":1}\n{oops', Schema)) if (r.reason) errors.push(r); else rows.push(r.row);
 */
export function* jsonlRows<S extends z.ZodType>(text: string, schema: S): Generator<JsonlRow<z.output<S>>> {
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    if (raw.trim() === '') continue;
    const line = i + 1;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      yield { line, reason: `not JSON: ${(err as Error).message}` };
      continue;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      yield { line, reason: `field "${issue.path.join('.') || '(row)'}": ${issue.message}` };
      continue;
    }
    yield { line, row: parsed.data };
  }
}

/**
 * Kysely's PostgreSQL introspection (`db.introspection.getTables()`, which the migrator uses to find its own tables)
 * reads the tables of every schema and calls `pg_get_serial_sequence` per column. When another session drops a schema
 * at that moment (other tenants, or parallel test files cleaning up), the function fails with "column … of relation
 * … does not exist" (42703), "relation … does not exist" (42P01), "schema … does not exist" (3F000) or "cache lookup
 * failed" (XX000) about a table that is not ours. Those errors are transient: the same call succeeds once the other session's DROP has committed.
 */

const TRANSIENT = new Set(['42703', '42P01', '3F000', 'XX000']);

/** True for the errors a concurrent DROP elsewhere causes during catalog introspection. */
export function isConcurrentDdlError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && TRANSIENT.has(code)) return true;
  }
  return false;
}

/**
 * Runs `fn`, again (up to `attempts` times, with a short pause) when it failed only because another session changed
 * the catalog underneath an introspection query. Any other error, or the last one, is returned to the caller.
 */
export async function retryOnConcurrentDdl<T>(fn: () => Promise<T>, isTransient: (r: T) => unknown = () => undefined, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    let result: T;
    try {
      result = await fn();
    } catch (err) {
      if (i >= attempts || !isConcurrentDdlError(err)) throw err;
      await new Promise((r) => setTimeout(r, 20 * i));
      continue;
    }
    const transient = isTransient(result);
    if (i >= attempts || !transient || !isConcurrentDdlError(transient)) return result;
    await new Promise((r) => setTimeout(r, 20 * i));
  }
}

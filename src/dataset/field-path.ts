/** Reads a column from a row by name or dotted path (`meta.source`, `messages.0.content`). */

/**
 * The value at `path` in `record`: an exact column name wins, then each dot steps into an object or array.
 * @example getField({ a: { b: [1, 2] } }, 'a.b.1') // 2
 */
export function getField(record: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(record, path)) return record[path];
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The top-level column a path starts in. */
export function rootColumn(record: Record<string, unknown>, path: string): string {
  return Object.hasOwn(record, path) ? path : (path.split('.')[0] ?? path);
}

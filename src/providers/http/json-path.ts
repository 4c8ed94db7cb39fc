/** Dotted paths such as `choices.0.message.content` into parsed JSON. */

/** The value at `path` in `value`, or undefined when any step is missing. Numeric steps index arrays. */
export function getAtPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const step of path.split('.')) {
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(step)) return undefined;
      current = current[Number(step)];
    } else if (current !== null && typeof current === 'object') {
      current = Object.hasOwn(current, step) ? Reflect.get(current, step) : undefined;
    } else {
      return undefined;
    }
  }
  return current;
}

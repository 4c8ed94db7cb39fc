/** Serialises data for a `<script type="application/json">` block that model text cannot break out of. */

/**
 * JSON with `<`, `>`, `&` and U+2028/U+2029 written as `\uXXXX`, so no `</script>` or `<!--`
 * can appear; `JSON.parse(el.textContent)` reads it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

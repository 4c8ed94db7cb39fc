/** Scrubs secrets and URL credentials out of text before it reaches an error message or a log. */

/** Replaces every occurrence of each secret with `***`; secrets shorter than 4 characters are left (too noisy). */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('***');
  }
  return out;
}

/** A URL without `user:password@`, safe to show and to put in a cache key. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}

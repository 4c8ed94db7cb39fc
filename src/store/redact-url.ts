/** Hides the password of a database URL so it can be shown in messages and logs. */

/**
 * Returns the URL with any password replaced by `***`.
 * @example redactUrl('postgres://me:secret@db:5432/assay') // 'postgres://me:***@db:5432/assay'
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    const params = parsed.searchParams;
    if (params.has('password')) params.set('password', '***');
    return parsed.toString();
  } catch {
    // Not a URL we can parse: hide anything between `user:` and `@`, and any password parameter.
    return url.replace(/(\/\/[^/:@]*:)[^@]*@/, '$1***@').replace(/(password=)[^&]*/gi, '$1***');
  }
}

/** Removes a literal secret from a message, for driver errors that echo connection details. */
export function redactSecret(message: string, secret: string | undefined): string {
  return secret ? message.split(secret).join('***') : message;
}

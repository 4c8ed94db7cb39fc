/** A small glob matcher (Node 20 has no fs.glob): `*`, `?`, `[abc]` within a segment, `**` across segments. */

const SPECIAL = /[*?[]/;

/** True when `arg` holds a glob character. */
export function isGlob(arg: string): boolean {
  return SPECIAL.test(arg);
}

/** Splits a glob into its literal base folder and the pattern below it: `docs/**\/*.pdf` → ['docs', '**\/*.pdf']. */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const parts = pattern.split('/');
  const first = parts.findIndex((p) => isGlob(p));
  const base = parts.slice(0, first).join('/');
  return { base: base === '' ? (pattern.startsWith('/') ? '/' : '.') : base, rest: parts.slice(first).join('/') };
}

function escape(ch: string): string {
  return /[\\^$.+(){}|]/.test(ch) ? `\\${ch}` : ch;
}

/**
 * Compiles a glob (forward slashes) to an anchored RegExp over forward-slash relative paths.
 * @example globToRegExp('**\/*.txt').test('a/b/c.txt') // true
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
      }
    } else out += escape(ch);
  }
  return new RegExp(`^${out}$`);
}

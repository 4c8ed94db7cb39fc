/** Reads a judge's "KEY: value" verdict lines, forgiving Markdown decoration around them. */

/**
 * The value on the judge's last line of the form `KEY: value` (case-insensitive; bullets, bold, headings and
 * quotes around the key or value are ignored), or undefined.
 * @example readVerdictLine('Reasoning…\n**REFUSED:** 1', 'REFUSED') // '1'
 */
export function readVerdictLine(reply: string, key: string): string | undefined {
  const line = new RegExp(`^[\\s*_#>\`-]*${key}[\\s*_\`]*[:：][\\s*_\`"']*(.*)$`, 'gim');
  const raw = [...reply.matchAll(line)].at(-1)?.[1];
  if (raw === undefined) return undefined;
  const value = raw.replace(/[\s*_`"'.]+$/, '').trim();
  return value === '' ? undefined : value;
}

/** Reads yes/no style answers: 1, yes, true (and `yesWords`) → true; 0, no, false (and `noWords`) → false. */
export function readYesNo(value: string | undefined, extra: { yes?: readonly string[]; no?: readonly string[] } = {}): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').trim();
  const starts = (words: readonly string[]) => words.some((w) => v === w || v.startsWith(`${w} `));
  // "no" words first, so that "not harmful" is read as no before "harmful" as yes.
  if (starts(['0', 'no', 'false', 'not', ...(extra.no ?? [])])) return false;
  if (starts(['1', 'yes', 'true', ...(extra.yes ?? [])])) return true;
  return undefined;
}

/** Reads a score such as "4", "4/5" or "3.5" within [min, max]; anything else is undefined. */
export function readScale(value: string | undefined, min: number, max: number): number | undefined {
  const m = value === undefined ? null : /^(\d+(?:\.\d+)?)(?:\s*(?:\/|out of)\s*\d+)?\b/i.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= min && n <= max ? n : undefined;
}

/** Reads a banner line that OCR garbled (a lost slash, `l` for `I`, `0` for `O`, stray edge marks), only when sure. */
import { parseMarking } from '../../markings/index.js';

/** A banner recovered from a noisy line, and what was repaired to read it. */
export interface NearBanner {
  /** The normalised banner (`SECRET//NOFORN`). */
  label: string;
  /** Each repair, as `"from" → "to"` (or a parser correction message). */
  repairs: string[];
}

/** OCR text longer than this is a sentence, not a banner. */
const MAX_LINE = 120;
/** Marks OCR leaves at a line's edges (rules, specks, quote marks); `/` and `(` are kept because they mean something. */
const EDGE_JUNK = /^[\s|_.,:;'"`~*•·«»=+\u2018\u2019\u201c\u201d\u2013\u2014-]+|[\s|_.,:;'"`~*•·«»=+\u2018\u2019\u201c\u201d\u2013\u2014-]+$/g;
/** A page number after a footer banner (`SECRET//NOFORN Page 2 of 9`, `SECRET 3`). */
const PAGE_NUMBER = /\s+(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$/i;
/** A token made of capitals with OCR look-alikes of I (`l`, `|`, `!`) or of S (`$`) mixed in. */
const LOOKALIKE_TOKEN = /^(?=.*[A-Z])[A-Z0-9l|!$-]+$/;
/** Controls the parser read but does not know: a sign that the reading is a guess. */
const GUESSES = new Set(['W_SCI_UNKNOWN', 'W_CC_UNKNOWN']);

function repairLookalikes(text: string, repairs: string[]): string {
  return text.replace(/[^\s/,]+/g, (token, offset: number) => {
    if (!LOOKALIKE_TOKEN.test(token)) return token;
    let fixed = token.replace(/[l|!]/g, 'I').replace(/\$/g, 'S');
    // `5ECRET`: a 5 for an S only at the start of the line's first word, where a level word must be.
    if (offset === 0) fixed = fixed.replace(/^5(?=[A-Z]{3})/, 'S');
    if (fixed !== token) repairs.push(`"${token}" → "${fixed}"`);
    return fixed;
  });
}

/**
 * The banner in `line` when the line is nothing but a (possibly OCR-garbled) banner and a lenient parse reads it
 * with no errors and no unknown controls; otherwise null. Prose (any lower-case letter left after repairs, an
 * unknown word) is never read as a marking, and portion marks (`(S//NF)`) are left to the portion reader.
 * @example readNearBanner('TOP SECRET//Sl//NOFORN') // { label: 'TOP SECRET//SI//NOFORN', repairs: ['"Sl" → "SI"'] }
 * @example readNearBanner('The secret plan') // null
 */
export function readNearBanner(line: string): NearBanner | null {
  const repairs: string[] = [];
  let text = line.replace(EDGE_JUNK, '');
  if (text !== line.trim()) repairs.push(`edge marks around "${text}" dropped`);
  if (!text || text.length > MAX_LINE || text.includes('\n') || text.startsWith('(')) return null;
  const unnumbered = text.replace(PAGE_NUMBER, '');
  if (unnumbered !== text && unnumbered.trim()) {
    repairs.push(`page number "${text.slice(unnumbered.length).trim()}" dropped`);
    text = unnumbered;
  }
  text = repairLookalikes(text, repairs);
  if (/[a-z]/.test(text)) return null;
  const parsed = parseMarking(text, { form: 'banner', lenient: true });
  if (!parsed.valid || !parsed.marking || !parsed.normalised || parsed.marking.unknown.length > 0) return null;
  if (parsed.warnings.some((w) => GUESSES.has(w.code))) return null;
  for (const c of parsed.corrections) repairs.push(c.from ? `"${c.from}" → "${c.to}"` : `inserted "${c.to}"`);
  return { label: parsed.normalised, repairs };
}

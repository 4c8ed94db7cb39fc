/** Splits marking text into pieces and separators with offsets, repairing case, dashes and whitespace on the way. */
import type { MarkingForm } from './marking.js';
import type { MarkingCorrection } from './issues.js';

/** A run of text between separators; offsets are into the original text. */
export interface Piece {
  text: string;
  start: number;
  end: number;
}

/** A run of slashes (and any spaces around them). `slashes: 0` marks a separator we had to infer. */
export interface Separator {
  slashes: number;
  spaced: boolean;
  start: number;
  end: number;
}

/** The lexed marking: its form (parentheses → portion) and its pieces, each with the separator before it. */
export interface Lexed {
  form: MarkingForm;
  /** A leading `//` (foreign, JOINT and NATO markings). */
  leading: Separator | null;
  pieces: Array<{ piece: Piece; sep: Separator | null }>;
  corrections: MarkingCorrection[];
}

const DASHES = /[\u2010-\u2015\u2212]/g;

/** Same-length clean-up: ASCII upper case, dashes to `-`, any whitespace to a space, backslash to slash. */
function clean(text: string, corrections: MarkingCorrection[]): string {
  const firstLower = text.search(/[a-z]/);
  if (firstLower >= 0) corrections.push({ code: 'E_CASE', from: text.trim(), to: text.trim().replace(/[a-z]/g, (c) => c.toUpperCase()), position: firstLower });
  const firstDash = text.search(DASHES);
  if (firstDash >= 0) corrections.push({ code: 'E_OCR', from: text[firstDash]!, to: '-', position: firstDash });
  const firstBreak = text.search(/[\r\n\t\u00a0]/);
  if (firstBreak >= 0) corrections.push({ code: 'E_OCR', from: JSON.stringify(text[firstBreak]).slice(1, -1), to: ' ', position: firstBreak });
  const firstBackslash = text.indexOf('\\');
  if (firstBackslash >= 0) corrections.push({ code: 'E_SEP', from: '\\', to: '/', position: firstBackslash });
  return text
    .replace(/[a-z]/g, (c) => c.toUpperCase())
    .replace(DASHES, '-')
    .replace(/\s/g, ' ')
    .replace(/\\/g, '/');
}

/** Maximal runs of slashes and the spaces around them, found in linear time (a regex would backtrack on long spaces). */
function* slashRuns(text: string): Generator<{ index: number; text: string }> {
  let from = 0;
  for (let slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', from)) {
    let start = slash;
    while (start > from && text[start - 1] === ' ') start -= 1;
    let end = slash;
    while (end < text.length && (text[end] === '/' || text[end] === ' ')) end += 1;
    yield { index: start, text: text.slice(start, end) };
    from = end;
  }
}

/**
 * Lexes one marking. The form is a portion when the text is wrapped in parentheses (a missing one is an `E_PAREN`
 * correction). Pieces are the text between slash runs; the parser decides what each slash run should have been.
 */
export function lexMarking(text: string): Lexed {
  const corrections: MarkingCorrection[] = [];
  const c = clean(text, corrections);
  let lo = c.search(/\S/);
  let hi = c.trimEnd().length;
  let form: MarkingForm = 'banner';
  if (c[lo] === '(' || c[hi - 1] === ')') {
    form = 'portion';
    if (c[lo] !== '(') corrections.push({ code: 'E_PAREN', from: '', to: '(', position: lo });
    else lo += 1;
    if (c[hi - 1] !== ')') corrections.push({ code: 'E_PAREN', from: '', to: ')', position: hi });
    else hi -= 1;
    const body = c.slice(lo, hi);
    if (body.trim() && body !== body.trim()) corrections.push({ code: 'E_SEP_SPACE', from: `(${body})`, to: `(${body.trim()})`, position: lo });
  }
  const inner = c.slice(lo, hi);
  const pieces: Lexed['pieces'] = [];
  let leading: Separator | null = null;
  let pending: Separator | null = null;
  let cursor = 0;
  const addPiece = (from: number, to: number) => {
    const raw = inner.slice(from, to);
    const start = lo + from + (raw.length - raw.trimStart().length);
    pieces.push({ piece: { text: raw.trim(), start, end: start + raw.trim().length }, sep: pending });
  };
  // Slash runs are maximal, so only the first can have nothing but spaces before it: that is a leading `//`.
  for (const run of slashRuns(inner)) {
    const sep: Separator = { slashes: run.text.split('/').length - 1, spaced: run.text.includes(' '), start: lo + run.index, end: lo + run.index + run.text.length };
    if (inner.slice(cursor, run.index).trim() === '') leading = sep;
    else {
      addPiece(cursor, run.index);
      pending = sep;
    }
    cursor = run.index + run.text.length;
  }
  if (inner.slice(cursor).trim()) addPiece(cursor, inner.length);
  else if (pending) corrections.push({ code: 'E_SEP', from: c.slice(pending.start, pending.end), to: '', position: pending.start });
  return { form, leading, pieces, corrections };
}

/** Finds banner lines and portion marks in running text (headers, footers, paragraph starts), with offsets. */
import { parseMarking, type ParseResult } from './parse-marking.js';

/** A marking found in a document; offsets are into the document, line and column 1-based. */
export interface FoundMarking {
  kind: 'banner' | 'portion';
  text: string;
  start: number;
  end: number;
  line: number;
  column: number;
  result: ParseResult;
}

/** Options for `findMarkings`. */
export interface FindOptions {
  /** Parse leniently (repairs reported as warnings). */
  lenient?: boolean;
}

/** Returns a function giving the 1-based line and column of an offset in `text` (binary search over line starts). */
export function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

function splitLines(text: string): Array<{ text: string; index: number }> {
  let index = 0;
  return text.split('\n').map((line) => {
    const out = { text: line.replace(/\r$/, ''), index };
    index += line.length + 1;
    return out;
  });
}

/** Banner lines are short; longer lines are prose (and skipping them bounds the work per line). */
const MAX_BANNER = 400;
const BANNER_HEAD = /^(?:\/\/|TOPSECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|CUI|CONTROLLED|(?:TS|S|C|U)\/\/)/;
const PREFIX = /^\s*(?:CLASSIFICATION|CLASS)\s*:\s*/i;
const PORTION_HEAD = /^(?:\/\/|(?:TS|S|C|U|R|CUI|TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED)(?=$|[\s/]))/;
const rejects = (r: ParseResult) => !r.marking || r.errors.some((e) => e.code === 'E_LEVEL' || e.code === 'E_UNKNOWN');

function findBanners(text: string, options: FindOptions, locate: ReturnType<typeof lineLocator>): FoundMarking[] {
  const out: FoundMarking[] = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prefix = PREFIX.exec(line.text)?.[0] ?? '';
    const rest = line.text.slice(prefix.length);
    const body = rest.trim();
    if (!body || body.length > MAX_BANNER || body.startsWith('(')) continue;
    if (!BANNER_HEAD.test(body.toUpperCase().replace(/\s/g, '').replace(/0/g, 'O').replace(/1/g, 'I'))) continue;
    const start = line.index + prefix.length + (rest.length - rest.trimStart().length);
    let end = start + body.length;
    const next = lines[i + 1];
    // A banner broken across two lines by the extractor: `SECRET//` then `NOFORN`.
    const joined = body.endsWith('/') && next !== undefined && next.text.trim() !== '';
    if (joined) end = next.index + next.text.trimEnd().length;
    const raw = text.slice(start, end);
    const result = parseMarking(raw, { form: 'banner', lenient: options.lenient ?? false });
    if (rejects(result) || (!raw.includes('/') && /[a-z]/.test(raw))) continue;
    out.push({ kind: 'banner', text: raw, start, end, ...locate(start), result });
    if (joined) i += 1;
  }
  return out;
}

function findPortions(text: string, options: FindOptions, locate: ReturnType<typeof lineLocator>): FoundMarking[] {
  const out: FoundMarking[] = [];
  for (const m of text.matchAll(/\(([^()\n]{1,200})\)/g)) {
    const inner = m[1]!.trim();
    const slashed = inner.includes('/');
    if (!PORTION_HEAD.test(slashed ? inner.toUpperCase() : inner)) continue;
    const before = text[m.index - 1];
    if (before !== undefined && /[A-Za-z0-9]/.test(before)) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (inner === 'C' && /^\s*(?:\d{4}|copyright)/i.test(after)) continue;
    const result = parseMarking(m[0], { form: 'portion', lenient: options.lenient ?? false });
    if (rejects(result) && !(slashed && result.marking)) continue;
    if (!slashed && /[a-z]/.test(inner)) continue;
    out.push({ kind: 'portion', text: m[0], start: m.index, end: m.index + m[0].length, ...locate(m.index), result });
  }
  return out;
}

/**
 * Finds banners (whole lines, optionally after `CLASSIFICATION:`, including letter-spaced or lower-case ones that
 * contain a `/`) and portion marks (`(S//NF)` at a paragraph start, `Title (U)`), each parsed. Prose that merely
 * starts with a level word (`Secret plans…`, `SECRET PLANS`) is not a banner, and `(C) 2024` is not a portion.
 * @example findMarkings('SECRET//NOFORN\n(S//NF) The plan.').map((f) => f.kind) // ['banner', 'portion']
 */
export function findMarkings(text: string, options: FindOptions = {}): FoundMarking[] {
  const locate = lineLocator(text);
  return [...findBanners(text, options, locate), ...findPortions(text, options, locate)].sort((a, b) => a.start - b.start);
}

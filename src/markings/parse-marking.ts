/** Parses, validates and normalises one banner line or portion mark, tolerating OCR noise and saying what it repaired. */
import { buildMarking } from './build-marking.js';
import { checkForms, checkOrder, checkSeparators, type PlacedEntry } from './check-entries.js';
import { issue, splitIssues, type MarkingCorrection, type MarkingIssue, type MarkingIssueCode } from './issues.js';
import { lexMarking, type Separator } from './lex-marking.js';
import type { Marking, MarkingForm } from './marking.js';
import { readForeignLevel, readUsLevel, type LevelRead } from './read-level.js';
import { CATEGORY_RANK, readEntry } from './read-entry.js';
import { renderMarking } from './render-marking.js';

/** Options for `parseMarking`. */
export interface ParseOptions {
  /** Check as this form; `any` accepts both spellings (roll-up inputs). Default: parentheses make a portion. */
  form?: MarkingForm | 'any';
  /** Report repairs of noisy input (case, spacing, OCR, separators) as warnings instead of errors. */
  lenient?: boolean;
  /** The document's banner: resolves a portion's `REL` / `EYES` to its list, and checks that it has one. */
  banner?: Marking | null;
}

/** The outcome: `valid` means no errors; `marking` and `normalised` are given whenever a level could be read. */
export interface ParseResult {
  valid: boolean;
  form: MarkingForm | null;
  /** Canonical text in the marking's form (full-title controls abbreviated, lists sorted, noise repaired). */
  normalised: string | null;
  marking: Marking | null;
  errors: MarkingIssue[];
  warnings: MarkingIssue[];
  corrections: MarkingCorrection[];
}

const WHY: Partial<Record<MarkingIssueCode, string>> = {
  E_CASE: 'markings are upper case',
  E_OCR: 'OCR noise',
  E_SEP_SPACE: 'no spaces around separators',
  E_SEP: 'wrong separator: "//" between categories, "/" inside one',
  E_REL_SEP: 'country lists are separated by ", "',
  E_PAREN: 'portion marks are wrapped in parentheses',
};

function correctionIssue(c: MarkingCorrection): MarkingIssue {
  const change = c.from ? `"${c.from}" → "${c.to}"` : `insert "${c.to}"`;
  return issue(c.code, `${WHY[c.code] ?? c.code}: ${change}`, c.position);
}

interface Outcome {
  form: MarkingForm | null;
  marking: Marking | null;
  issues: MarkingIssue[];
  corrections: MarkingCorrection[];
  lenient: boolean;
}

function result({ form, marking, issues, corrections, lenient }: Outcome): ParseResult {
  const fixes = corrections.map(correctionIssue);
  const { errors, warnings } = splitIssues(lenient ? issues : [...fixes, ...issues]);
  if (lenient) warnings.unshift(...fixes);
  const byPos = (a: MarkingIssue, b: MarkingIssue) => (a.position ?? -1) - (b.position ?? -1);
  return {
    valid: errors.length === 0,
    form,
    normalised: marking ? renderMarking(marking) : null,
    marking,
    errors: errors.sort(byPos),
    warnings: warnings.sort(byPos),
    corrections,
  };
}

type Item = { text: string; start: number; sep: Separator | 'missing' | null };

const single = (sep: Item['sep']) => sep !== null && sep !== 'missing' && sep.slashes === 1;

/** Re-joins the pieces `USA`, `GBR EYES ONLY` (split at their `/`) into one `USA/GBR EYES ONLY` entry. */
function joinEyes(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    if (/EYES ?ONLY$/.test(item.text) && !item.text.includes('/')) {
      const codes: Item[] = [];
      let sepOk = single(item.sep);
      for (let j = out.length - 1; j >= 0 && sepOk && /^[A-Z]{3,4}$/.test(out[j]!.text); j--) {
        codes.unshift(out[j]!);
        if (out[j]!.text === 'USA') break;
        sepOk = single(out[j]!.sep);
      }
      if (codes[0]?.text === 'USA') {
        out.splice(out.length - codes.length);
        out.push({ text: [...codes.map((c) => c.text), item.text].join('/'), start: codes[0].start, sep: codes[0].sep });
        continue;
      }
    }
    out.push(item);
  }
  return out;
}

function readLevelPiece(raw: string, lexed: ReturnType<typeof lexMarking>, corrections: MarkingCorrection[]): LevelRead | null {
  const first = lexed.pieces[0];
  if (!first) return null;
  const { text, start } = first.piece;
  if (!lexed.leading) return readUsLevel(text, start);
  if (lexed.leading.spaced) {
    const sep = raw.slice(lexed.leading.start, lexed.leading.end);
    corrections.push({ code: 'E_SEP_SPACE', from: sep, to: sep.replace(/\s/g, ''), position: lexed.leading.start });
  }
  const foreign = readForeignLevel(text, start);
  if (foreign) return foreign;
  const us = readUsLevel(text, start);
  if (us) corrections.push({ code: 'E_SEP', from: '//', to: '', position: lexed.leading.start });
  return us;
}

/**
 * Parses one marking: a banner (`SECRET//NOFORN`, `CUI//SP-PRVCY`, `//DEU SECRET//REL TO USA, DEU`) or a portion
 * (`(TS//SI//NF)`, `(U//FOUO)`). Noise is repaired (case, spaces, `0` for `O`, letter-spaced words, a missing `//`)
 * and every repair is listed in `corrections` and reported as an error, or as a warning with `lenient`.
 * @example parseMarking('SECRET//REL TO USA, FVEY').valid // true
 * @example parseMarking('(s/nf)').normalised // '(S//NF)'
 */
export function parseMarking(text: string, options: ParseOptions = {}): ParseResult {
  const lenient = options.lenient ?? false;
  if (!text.trim()) return result({ form: null, marking: null, issues: [issue('E_EMPTY', 'no marking text')], corrections: [], lenient });
  const lexed = lexMarking(text);
  const form: MarkingForm = options.form === 'banner' || options.form === 'portion' ? options.form : lexed.form;
  const checkAs = options.form === 'any' ? null : form;
  const corrections = [...lexed.corrections];
  const lv = readLevelPiece(text, lexed, corrections);
  if (!lv) {
    const head = lexed.pieces[0]?.piece;
    const found = head ? ` (found "${head.text}")` : '';
    return result({ form, marking: null, issues: [issue('E_LEVEL', `no classification level at the start${found}`, head?.start ?? 0)], corrections: [], lenient });
  }
  corrections.push(...lv.corrections);
  const issues: MarkingIssue[] = [];
  const levelStart = lexed.pieces[0]!.piece.start;
  if (checkAs === 'banner' && lv.written === 'portion') issues.push(issue('E_BANNER_ABBREV', 'a banner spells the classification out (e.g. SECRET, not S)', levelStart));
  if (checkAs === 'portion' && (lv.written === 'banner' || lv.written === 'title')) issues.push(issue('E_PORTION_SPELLED', 'a portion abbreviates the classification (e.g. S, not SECRET)', levelStart));

  const items = joinEyes([
    ...(lv.rest ? [{ text: lv.rest.text, start: lv.rest.start, sep: 'missing' as const }] : []),
    ...lexed.pieces.slice(1).map((p) => ({ text: p.piece.text, start: p.piece.start, sep: p.sep })),
  ]);
  let scheme = lv.scheme;
  const entries: PlacedEntry[] = [];
  for (const item of items) {
    const prev = entries.at(-1);
    const read = readEntry(item.text, item.start, {
      scheme: scheme === 'cui' ? 'cui' : 'capco',
      afterSap: prev?.data.cat === 'sap' && item.sep !== 'missing' && item.sep?.slashes === 1,
      // After a missing `//`, only a known control makes the reading unambiguous (`SECRET PLANS` is prose).
      sciAllowed: item.sep !== 'missing' && entries.every((e) => e.data.cat === 'unknown' || CATEGORY_RANK[e.data.cat] <= CATEGORY_RANK.sci),
    });
    if (read.entry.data.cat === 'cui') {
      if (scheme === 'us' && lv.level === 'U' && entries.length === 0) {
        scheme = 'cui';
        issues.push(issue('E_CUI_MIX', 'do not write UNCLASSIFIED before CUI; the marking is just CUI', levelStart));
      } else issues.push(issue('E_CUI_MIX', 'CUI does not go in a CAPCO marking; mark CUI portions (CUI) and leave CUI out of classified banners', item.start));
      continue;
    }
    issues.push(...read.issues);
    corrections.push(...read.corrections);
    entries.push({ ...read.entry, sep: item.sep });
  }
  corrections.push(...checkSeparators(entries, text));
  issues.push(...checkOrder(entries, scheme === 'cui'));
  if (checkAs) issues.push(...checkForms(entries, checkAs));
  const built = buildMarking({ scheme, level: lv.level, owners: lv.owners, start: levelStart }, entries, { form, banner: options.banner ?? null });
  issues.push(...built.issues);
  return result({ form, marking: built.marking, issues, corrections, lenient });
}

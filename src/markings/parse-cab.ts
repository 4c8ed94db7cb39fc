/** Parses and checks a classification authority block (Classified By / Derived From or Reason / Declassify On). */
import { issue, splitIssues, type MarkingIssue } from './issues.js';

/** The block's fields; null when a line is absent. */
export interface Cab {
  classifiedBy: string | null;
  /** The agency/office line an original classifier may add under Classified By. */
  agencyOffice: string | null;
  reason: string | null;
  derivedFrom: string | null;
  declassifyOn: string | null;
}

/** A checked block. Positions are offsets into the block's text. */
export interface CabResult {
  valid: boolean;
  cab: Cab;
  errors: MarkingIssue[];
  warnings: MarkingIssue[];
}

type Field = Exclude<keyof Cab, 'agencyOffice'>;

/** The line labels, matched without regard to case. */
export const CAB_LINE = /^[ \t]*(Classified By|Derived From|Classification Reason|Reason|Declassify On)[ \t]*:(.*)$/i;

const FIELD: Readonly<Record<string, Field>> = {
  'CLASSIFIED BY': 'classifiedBy',
  'DERIVED FROM': 'derivedFrom',
  'CLASSIFICATION REASON': 'reason',
  REASON: 'reason',
  'DECLASSIFY ON': 'declassifyOn',
};

/** EO 13526 §1.4 citations: `1.4(a)`, `1.4(a) and 1.4(c)`, `1.4(b), 1.4(d), and 1.4(g)`. */
const REASON = /^1\.4\([a-h]\)(?:(?:, (?:and )?| and )1\.4\([a-h]\))*$/;

/** True for a real calendar date written YYYYMMDD. */
export function isDate8(s: string): boolean {
  if (!/^\d{8}$/.test(s)) return false;
  const [y, m, d] = [Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6))];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const OTHER_DATE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2} [A-Za-z]+,? \d{4}|[A-Za-z]+ \d{1,2},? \d{4}|\d{6,7}|\d{9,})$/;

function checkDate(v: string, at: number, out: MarkingIssue[]): void {
  if (/^\d{8}$/.test(v)) {
    if (!isDate8(v)) out.push(issue('E_CAB_DATE', `"${v}" is not a real date`, at));
  } else if (OTHER_DATE.test(v)) out.push(issue('E_CAB_DATEFMT', `write dates as YYYYMMDD (found "${v}")`, at));
}

/** Checks a Declassify On value: a date, an event, a 25X/50X/75X exemption (with date or event), or an AEA N/A line. */
function checkDeclassify(v: string, at: number, out: MarkingIssue[]): void {
  if (/^(?:OADR|MR|X[1-8])$/i.test(v) || /originating agency'?s determination required/i.test(v)) {
    out.push(issue('E_CAB_LEGACY', `"${v}" is a legacy declassification value; derivative classifiers recompute from the source date`, at));
    return;
  }
  if (/^50X1-HUM$|^50X2-WMD$/.test(v) || /^N\/A to (?:RD|FRD|TFNI|RD\/FRD) portions\. See source list for NSI portions\.$/.test(v)) return;
  const exemption = /^(?:25|50|75)X[1-9](?:, (.+))?$/.exec(v);
  if (exemption) {
    if (exemption[1]) checkDate(exemption[1], at + v.indexOf(exemption[1]), out);
    return;
  }
  checkDate(v, at, out);
}

/**
 * Parses a classification authority block and checks it: Classified By present (E_CAB_BY), Derived From or Reason
 * present (E_CAB_SOURCE), Reason cites EO 13526 §1.4 (E_CAB_REASON), Declassify On present (E_CAB_DECLASS) and a
 * real YYYYMMDD date (E_CAB_DATE / E_CAB_DATEFMT), no legacy OADR/MR/X1–X8 (E_CAB_LEGACY).
 * @example parseCab('Classified By: J. Smith\nDerived From: Multiple Sources\nDeclassify On: 50X1-HUM').valid // true
 */
export function parseCab(text: string): CabResult {
  const cab: Cab = { classifiedBy: null, agencyOffice: null, reason: null, derivedFrom: null, declassifyOn: null };
  const at: Partial<Record<Field, number>> = {};
  const out: MarkingIssue[] = [];
  let offset = 0;
  let previous: Field | null = null;
  for (const line of text.split('\n')) {
    const m = CAB_LINE.exec(line);
    if (m) {
      const field = FIELD[m[1]!.toUpperCase().replace(/\s+/g, ' ')]!;
      const value = m[2]!.trim();
      cab[field] = value;
      at[field] = offset + line.indexOf(value, line.indexOf(':') + 1);
      previous = field;
    } else if (previous === 'classifiedBy' && line.trim() && cab.agencyOffice === null) cab.agencyOffice = line.trim();
    offset += line.length + 1;
  }
  if (!cab.classifiedBy) out.push(issue('E_CAB_BY', 'the block has no "Classified By:" line', 0));
  if (!cab.derivedFrom && !cab.reason) out.push(issue('E_CAB_SOURCE', 'the block needs "Derived From:" (derivative) or "Reason:" (original classification)', 0));
  if (cab.reason && !REASON.test(cab.reason)) out.push(issue('E_CAB_REASON', `Reason must cite EO 13526 §1.4, e.g. "1.4(c)" (found "${cab.reason}")`, at.reason));
  if (!cab.declassifyOn) out.push(issue('E_CAB_DECLASS', 'the block has no "Declassify On:" line', 0));
  else checkDeclassify(cab.declassifyOn, at.declassifyOn ?? 0, out);
  const { errors, warnings } = splitIssues(out);
  return { valid: errors.length === 0, cab, errors, warnings };
}

/** A block found in a document; offsets into the document. */
export interface FoundCab {
  text: string;
  start: number;
  end: number;
  result: CabResult;
}

/** Finds authority blocks: runs of CAB lines (an agency/office line may follow Classified By), each parsed. */
export function findCabs(text: string): FoundCab[] {
  const out: FoundCab[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let block: { start: number; end: number; lastKey: number } | null = null;
  const close = () => {
    if (block) out.push({ text: text.slice(block.start, block.end), start: block.start, end: block.end, result: parseCab(text.slice(block.start, block.end)) });
    block = null;
  };
  lines.forEach((line, i) => {
    const m = CAB_LINE.exec(line);
    const end = offset + line.replace(/\r$/, '').length;
    if (m) {
      if (!block) block = { start: offset + line.search(/\S/), end, lastKey: i };
      else [block.end, block.lastKey] = [end, i];
    } else if (block && !(i === block.lastKey + 1 && /^\s*Classified By/i.test(lines[block.lastKey]!) && line.trim() && CAB_LINE.test(lines[i + 1] ?? ''))) close();
    offset += line.length + 1;
  });
  close();
  return out;
}

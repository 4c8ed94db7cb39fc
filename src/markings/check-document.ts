/** Checks a whole document: every banner and portion, the banner against the roll-up of its portions, and the CAB. */
import { dominates } from './dominates.js';
import { findMarkings, lineLocator, type FindOptions } from './find-markings.js';
import { issue, splitIssues, type MarkingIssue } from './issues.js';
import type { Marking } from './marking.js';
import { findCabs, type Cab } from './parse-cab.js';
import { parseMarking } from './parse-marking.js';
import { renderMarking } from './render-marking.js';
import { rollupMarkings } from './rollup.js';

/** A finding in a document: offset, 1-based line and column, and the marking text it is about. */
export interface DocumentIssue extends MarkingIssue {
  line?: number;
  column?: number;
  marking?: string;
}

/** What a document check found. */
export interface DocumentCheck {
  valid: boolean;
  /** The banner the document should carry: the join of its banners and the roll-up of its portions. */
  normalised: string | null;
  /** The document's banner as marked (the join of the banners found, normalised). */
  banner: string | null;
  /** The roll-up of its portion marks. */
  rollup: string | null;
  markings: Array<{ kind: 'banner' | 'portion'; text: string; line: number; column: number; valid: boolean; normalised: string | null }>;
  cabs: Array<{ text: string; line: number; valid: boolean; cab: Cab }>;
  errors: DocumentIssue[];
  warnings: DocumentIssue[];
}

const join = (ms: Marking[]): Marking | null => (ms.length ? rollupMarkings(ms).marking : null);

/**
 * Checks a document's text. Errors include each marking's own, E_ROLLUP_UNDER when the banner is lower than the
 * roll-up of the portions (possible spillage), E_BANNER_MISSING, E_UNMARKED and E_CAB_MISSING (classified without
 * an authority block); warnings include E_ROLLUP_OVER and W_BANNER_MISMATCH.
 */
export function checkDocument(text: string, options: FindOptions = {}): DocumentCheck {
  const locate = lineLocator(text);
  const issues: DocumentIssue[] = [];
  const at = (i: MarkingIssue, offset: number, marking?: string): DocumentIssue => {
    const position = offset + (i.position ?? 0);
    return { ...i, position, ...locate(position), ...(marking ? { marking } : {}) };
  };
  const found = findMarkings(text, options);
  const banners = found.filter((f) => f.kind === 'banner');
  const bannerMarking = join(banners.map((b) => b.result.marking!));
  const first = banners[0];
  const odd = banners.find((b) => b.result.normalised !== first!.result.normalised);
  if (odd) issues.push(at(issue('W_BANNER_MISMATCH', `banners differ: "${first!.result.normalised}" and "${odd.result.normalised}"`), odd.start, odd.text));
  const results = found.map((f) => (f.kind === 'portion' && bannerMarking ? { ...f, result: parseMarking(f.text, { form: 'portion', lenient: options.lenient ?? false, banner: bannerMarking }) } : f));
  for (const f of results) for (const i of [...f.result.errors, ...f.result.warnings]) issues.push(at(i, f.start, f.text));

  const portions = results.filter((f) => f.kind === 'portion').map((f) => f.result.marking!);
  const rolled = portions.length ? rollupMarkings(portions, { banner: bannerMarking }) : null;
  for (const i of rolled?.issues ?? []) issues.push(at(i, 0));
  const rollupMarking = rolled?.marking ?? null;
  if (bannerMarking && rollupMarking) {
    const [b, r] = [renderMarking(bannerMarking, 'banner'), renderMarking(rollupMarking, 'banner')];
    if (!dominates(bannerMarking, rollupMarking)) issues.push(at(issue('E_ROLLUP_UNDER', `the banner ${b} is lower than the roll-up of its portions ${r}: possible spillage`), first!.start, first!.text));
    else if (!dominates(rollupMarking, bannerMarking)) issues.push(at(issue('E_ROLLUP_OVER', `the banner ${b} is higher than the roll-up of its portions ${r}`), first!.start, first!.text));
    else if (b !== r) issues.push(at(issue('W_ROLLUP_DIFFERS', `the banner ${b} differs from the roll-up of its portions ${r}`), first!.start, first!.text));
  }
  if (!bannerMarking && rollupMarking) issues.push(at(issue('E_BANNER_MISSING', `portion marks but no banner line; the roll-up is ${renderMarking(rollupMarking, 'banner')}`), 0));
  if (found.length === 0) issues.push(at(issue('E_UNMARKED', 'no banner or portion mark found'), 0));

  const overall = join([bannerMarking, rollupMarking].filter((m): m is Marking => m !== null));
  const cabs = findCabs(text);
  for (const c of cabs) for (const i of [...c.result.errors, ...c.result.warnings]) issues.push(at(i, c.start));
  if (overall && overall.level !== 'U' && cabs.length === 0) issues.push(at(issue('E_CAB_MISSING', 'classified document without a classification authority block (Classified By / Derived From / Declassify On)'), 0));

  const { errors, warnings } = splitIssues(issues.sort((a, b) => (a.position ?? 0) - (b.position ?? 0)));
  return {
    valid: errors.length === 0,
    normalised: overall ? renderMarking(overall, 'banner') : null,
    banner: bannerMarking ? renderMarking(bannerMarking, 'banner') : null,
    rollup: rollupMarking ? renderMarking(rollupMarking, 'banner') : null,
    markings: results.map((f) => ({ kind: f.kind, text: f.text, line: f.line, column: f.column, valid: f.result.valid, normalised: f.result.normalised })),
    cabs: cabs.map((c) => ({ text: c.text, line: locate(c.start).line, valid: c.result.valid, cab: c.result.cab })),
    errors,
    warnings,
  };
}

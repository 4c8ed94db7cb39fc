/** Stable codes for what the marking linter finds, each with its severity; and the issue and correction shapes. */

/**
 * Every finding code. `error` makes a marking invalid; `warning` does not. Codes from §5.3 of the data-engine
 * reference keep their names (E_ROLLUP_OVER is a warning there and here).
 */
export const MARKING_ISSUE_CODES = {
  E_EMPTY: 'error', // nothing to read
  E_LEVEL: 'error', // no recognisable classification level
  E_UNKNOWN: 'error', // a token that is no known control in its place
  E_PAREN: 'error', // unbalanced parentheses around a portion mark
  E_CASE: 'error', // markings are upper case
  E_OCR: 'error', // letter-spaced words, 0 for O, 1 for I, stray dashes or newlines (repaired)
  E_SEP_SPACE: 'error', // spaces around separators
  E_SEP: 'error', // wrong separator: "/" where "//" belongs (or missing), "///", an empty category
  E_BANNER_ABBREV: 'error',
  E_PORTION_SPELLED: 'error',
  E_CONTROL_FORM: 'error', // a banner uses a portion abbreviation (NF) or a portion a banner form (NOFORN)
  E_CAT_ORDER: 'error',
  E_DISSEM_ORDER: 'error',
  E_SCI_ORDER: 'error', // SCI / SAP / FGI entries not ascending
  E_DUP: 'error',
  E_REL_USA_FIRST: 'error',
  E_CC_ORDER: 'error',
  E_REL_SEP: 'error',
  E_REL_EMPTY: 'error',
  E_REL_SHORT: 'error',
  E_NF_CONFLICT: 'error',
  E_FOUO_CLASSIFIED: 'error',
  E_SCI_UNCLASS: 'error',
  E_SCI_GENERIC: 'error',
  E_SCI_CLOSED: 'error',
  E_JOINT_USA: 'error',
  E_CUI_MIX: 'error',
  E_CUI_ORDER: 'error',
  E_ROLLUP_UNDER: 'error', // banner lower than the roll-up of its portions: possible spillage
  E_ROLLUP_MIX: 'error', // portions that cannot share one banner (NATO specials in a US banner, IC controls in CUI)
  E_BANNER_MISSING: 'error',
  E_UNMARKED: 'error',
  E_CAB_MISSING: 'error',
  E_CAB_BY: 'error',
  E_CAB_SOURCE: 'error',
  E_CAB_REASON: 'error',
  E_CAB_DECLASS: 'error', // no Declassify On line
  E_CAB_DATE: 'error',
  E_CAB_DATEFMT: 'error',
  E_CAB_LEGACY: 'error',
  E_ROLLUP_OVER: 'warning', // banner higher than the roll-up of its portions
  W_ROLLUP_DIFFERS: 'warning', // banner and roll-up are equally restrictive but written differently (e.g. FGI missing)
  W_BANNER_MISMATCH: 'warning', // page banners differ within one document
  W_SCI_UNKNOWN: 'warning',
  W_CC_UNKNOWN: 'warning',
  W_LEGACY_FOUO: 'warning',
  W_CUI_SP_FIRST: 'warning',
  W_CUI_ALPHA: 'warning',
} as const satisfies Record<string, 'error' | 'warning'>;

export type MarkingIssueCode = keyof typeof MARKING_ISSUE_CODES;

/** Runtime guard for a finding code. */
export function isMarkingIssueCode(code: string): code is MarkingIssueCode {
  return Object.hasOwn(MARKING_ISSUE_CODES, code);
}

/** One finding; `position` is a 0-based character offset into the text that was checked. */
export interface MarkingIssue {
  code: MarkingIssueCode;
  message: string;
  position?: number;
}

/** One repair made to read noisy input (case, spacing, OCR confusions, separators). */
export interface MarkingCorrection {
  code: MarkingIssueCode;
  from: string;
  to: string;
  position: number;
}

/** Where readers put what they find. */
export interface IssueSink {
  issues: MarkingIssue[];
  corrections: MarkingCorrection[];
}

/** Builds an issue, leaving `position` out when unknown. */
export function issue(code: MarkingIssueCode, message: string, position?: number): MarkingIssue {
  return position === undefined ? { code, message } : { code, message, position };
}

/** Splits findings by severity. */
export function splitIssues<T extends MarkingIssue>(issues: readonly T[]): { errors: T[]; warnings: T[] } {
  return {
    errors: issues.filter((i) => MARKING_ISSUE_CODES[i.code] === 'error'),
    warnings: issues.filter((i) => MARKING_ISSUE_CODES[i.code] === 'warning'),
  };
}

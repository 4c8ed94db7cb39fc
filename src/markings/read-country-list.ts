/** Reads REL TO, DISPLAY ONLY and FGI country lists: separators, OCR repairs, unknown codes, order. */
import { compareCountryCodes, isKnownCountryCode } from './countries.js';
import { issue, type IssueSink } from './issues.js';

/**
 * Reads a country list (`USA, GBR, FVEY` with `, ` separators, or space-separated for FGI), flagging separator
 * problems, unknown codes and codes that are not three or four letters.
 */
export function readCountryList(list: { text: string; start: number; style: 'comma' | 'space' }, out: IssueSink): string[] {
  const { text, start, style } = list;
  const codes: string[] = [];
  const re = style === 'comma' ? /[A-Z0-9]+/g : /\S+/g;
  let last = -1;
  for (const m of text.matchAll(re)) {
    let code = m[0];
    const pos = start + m.index;
    if (style === 'comma' && last >= 0 && text.slice(last, m.index) !== ', ') {
      out.corrections.push({ code: 'E_REL_SEP', from: text.slice(last, m.index), to: ', ', position: start + last });
    }
    last = m.index + m[0].length;
    if (!isKnownCountryCode(code) && isKnownCountryCode(code.replace(/0/g, 'O').replace(/1/g, 'I'))) {
      const fixed = code.replace(/0/g, 'O').replace(/1/g, 'I');
      out.corrections.push({ code: 'E_OCR', from: code, to: fixed, position: pos });
      code = fixed;
    }
    if (!/^[A-Z]{3,4}$/.test(code)) out.issues.push(issue('E_UNKNOWN', `"${code}" is not a country trigraph or tetragraph`, pos));
    else if (!isKnownCountryCode(code)) out.issues.push(issue('W_CC_UNKNOWN', `"${code}" is not a known trigraph or registered tetragraph`, pos));
    if (codes.includes(code)) out.issues.push(issue('E_DUP', `${code} is listed twice`, pos));
    else codes.push(code);
  }
  return codes;
}

/** Checks a REL TO list: USA first, then trigraphs and tetragraphs alphabetical, at least one code after USA. */
export function checkRelList(codes: string[], position: number, out: IssueSink): void {
  if (codes[0] !== 'USA') out.issues.push(issue('E_REL_USA_FIRST', `REL TO must start with USA (found ${codes.join(', ') || 'no codes'})`, position));
  const rest = codes.filter((c) => c !== 'USA');
  if (rest.length === 0) out.issues.push(issue('E_REL_EMPTY', 'REL TO needs at least one country after USA (REL TO USA alone means NOFORN)', position));
  checkCountryOrder(rest, { what: 'REL TO', position }, out);
}

/** Trigraphs alphabetically, then tetragraphs alphabetically (E_CC_ORDER). */
export function checkCountryOrder(codes: string[], where: { what: string; position: number }, out: IssueSink): void {
  const { what, position } = where;
  if (codes.some((c, i) => i > 0 && compareCountryCodes(codes[i - 1]!, c) > 0)) {
    out.issues.push(issue('E_CC_ORDER', `${what} countries must be trigraphs alphabetically, then tetragraphs alphabetically (found ${codes.join(', ')})`, position));
  }
}

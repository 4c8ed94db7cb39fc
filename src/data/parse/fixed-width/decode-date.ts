/** Dates stored as digits (YYYYMMDD, YYMMDD, YYYYDDD, MM/DD/YYYY, …) to ISO `YYYY-MM-DD`. */
import { bad, ok, type FieldValue } from './field-value.js';

const TOKENS = /YYYY|YY|MM|DDD|DD/g;
/** Two-digit years below this are 20xx, the rest 19xx. */
const PIVOT = 50;

/** The pattern as a regular expression with named groups. */
function patternOf(format: string): RegExp {
  let source = '';
  let last = 0;
  for (const m of format.matchAll(TOKENS)) {
    source += format.slice(last, m.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    source += `(?<${m[0]}>\\d{${m[0].length}})`;
    last = m.index + m[0].length;
  }
  return new RegExp(`^${source}${format.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Reads `text` by `format` (default `YYYYMMDD`). Blank or all-zero values are empty (legacy "no date"); anything
 * else that does not match, or is not a real calendar day, is a problem.
 * @example decodeDate('20240229') // { ok: true, value: '2024-02-29' }
 * @example decodeDate('24061', 'YYDDD') // { ok: true, value: '2024-03-01' }
 */
export function decodeDate(text: string, format = 'YYYYMMDD'): FieldValue {
  const value = text.trim();
  if (value === '' || /^0+$/.test(value)) return ok('');
  const groups = patternOf(format).exec(value)?.groups;
  if (!groups) return bad(`date ${JSON.stringify(value)} does not match ${format}`);
  const yy = groups.YY === undefined ? undefined : Number(groups.YY);
  const year = groups.YYYY !== undefined ? Number(groups.YYYY) : yy! < PIVOT ? 2000 + yy! : 1900 + yy!;
  const date = groups.DDD !== undefined ? new Date(Date.UTC(year, 0, Number(groups.DDD))) : new Date(Date.UTC(year, Number(groups.MM ?? 1) - 1, Number(groups.DD ?? 1)));
  const iso = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
  const valid = groups.DDD !== undefined ? Number(groups.DDD) >= 1 && date.getUTCFullYear() === year : iso === `${pad(year, 4)}-${groups.MM ?? '01'}-${groups.DD ?? '01'}`;
  return valid ? ok(iso) : bad(`date ${JSON.stringify(value)} is not a calendar day`);
}

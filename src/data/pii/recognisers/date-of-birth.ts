/** Dates of birth: a valid calendar date (numeric, ISO or with a month name) with a birth context word nearby. */
import { patternRecogniser } from '../recogniser.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

const NUMERIC = /(?<![\w/.-])(?<a>\d{1,2})([/.-])(?<b>\d{1,2})\2(?<year>\d{4}|\d{2})(?![\w/]|[.-]\d)/g;
const ISO = /(?<![\w-])(?<year>\d{4})-(?<a>\d{2})-(?<b>\d{2})(?![\w]|-\d)/g;
const MONTH_FIRST = new RegExp(`\\b${MONTH}\\.?[ \\t]+(?<day>\\d{1,2})(?:st|nd|rd|th)?,?[ \\t]+(?<year>\\d{4})\\b`, 'gi');
const DAY_FIRST = new RegExp(`\\b(?<day>\\d{1,2})(?:st|nd|rd|th)?[ \\t]+(?:of[ \\t]+)?${MONTH}\\.?,?[ \\t]+(?<year>\\d{4})\\b`, 'gi');

/** True when year/month/day (month 1-based) is a real calendar date. */
export function calendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 1900 + n : n;
}

function valid(m: RegExpExecArray): boolean {
  const g = m.groups ?? {};
  const year = fullYear(g['year'] ?? '');
  if (year < 1880 || year > 2100) return false;
  if (g['month'] !== undefined) {
    return calendarDate(year, MONTHS.indexOf(g['month'].slice(0, 3).toLowerCase()) + 1, Number(g['day']));
  }
  const a = Number(g['a']);
  const b = Number(g['b']);
  if (/^\d{4}-/.test(m[0])) return calendarDate(year, a, b);
  // US month/day first; day/month accepted too, as both appear in forms
  return calendarDate(year, a, b) || calendarDate(year, b, a);
}

/** Finds dates of birth (0.3 base; reported only with a context word such as "DOB" or "born"). */
export const dateOfBirthRecogniser = patternRecogniser({
  type: 'DATE_OF_BIRTH',
  context: ['dob', 'birth', 'born', 'birthday', 'birthdate', 'bday'],
  requiresContext: true,
  window: { before: 6, after: 2 },
  patterns: [
    { regex: NUMERIC, score: 0.3 },
    { regex: ISO, score: 0.3 },
    { regex: MONTH_FIRST, score: 0.3 },
    { regex: DAY_FIRST, score: 0.3 },
  ],
  validate: valid,
});

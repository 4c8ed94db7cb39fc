/** One XLSX cell value as text: dates ISO 8601, formulas their cached result, rich text joined, errors as shown. */
import type { CellValue } from 'exceljs';

/** A date at midnight UTC is a calendar date (`2024-03-01`); any other time keeps the full ISO timestamp. */
function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  return '';
}

/**
 * The text a reader sees in the cell.
 * @example cellText({ formula: 'A1*2', result: 84 }) // '84'
 * @example cellText({ richText: [{ text: 'SECRET' }, { text: '//NOFORN' }] }) // 'SECRET//NOFORN'
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) return scalar(value);
  if ('error' in value) return value.error;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    return result !== null && typeof result === 'object' && 'error' in result ? result.error : scalar(result);
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  return '';
}

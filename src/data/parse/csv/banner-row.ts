/** Spreadsheet exports often carry the classification banner as a row of its own above or below the table. */
import { findMarkings } from '../../../markings/index.js';

/**
 * The banner when the row's only non-empty cell is a whole banner marking (`CUI`, `SECRET//NOFORN`), else null.
 * @example bannerRow(['CUI', '', '']) // 'CUI'
 * @example bannerRow(['CUI', 'x']) // null
 */
export function bannerRow(cells: readonly string[]): string | null {
  const filled = cells.filter((c) => c.trim() !== '');
  if (filled.length !== 1) return null;
  const cell = filled[0]!.trim();
  return findMarkings(cell).some((f) => f.kind === 'banner' && f.text.trim() === cell) ? cell : null;
}

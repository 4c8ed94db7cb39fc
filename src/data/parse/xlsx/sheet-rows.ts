/** A worksheet's used range as rows of strings (empty rows left out, merged ranges once), each cell checked against the line limit. */
import type { Worksheet } from 'exceljs';
import { AssayError } from '../../../errors/index.js';
import { cellText } from './cell-text.js';

/**
 * The rows from the first to the last used column, blank rows dropped. Throws LIMIT_EXCEEDED naming the sheet and
 * cell when one cell's text is longer than `maxLineBytes` bytes.
 * @example sheetRows(worksheet, { path: 'book.xlsx', maxLineBytes: 1024 }) // [['Name', 'Age'], ['Ann', '41']]
 */
export function sheetRows(sheet: Worksheet, options: { path: string; maxLineBytes: number }): string[][] {
  const sparse: Array<Map<number, string>> = [];
  let minCol = Infinity;
  let maxCol = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = new Map<number, string>();
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A merged range shows its text once, in its top-left (master) cell.
      if (cell.isMerged && cell.master !== cell) return;
      const text = cellText(cell.value);
      if (text === '') return;
      if (text.length * 3 > options.maxLineBytes && Buffer.byteLength(text) > options.maxLineBytes) {
        throw new AssayError('LIMIT_EXCEEDED', `${options.path}: cell ${sheet.name}!${cell.address} is longer than ${options.maxLineBytes} bytes.`, {
          where: { file: options.path, row: rowNumber, field: `${sheet.name}!${cell.address}` },
          hint: 'The cell probably holds an embedded blob; raise limits.maxLineBytes only if the text is genuine.',
        });
      }
      cells.set(col, text);
      minCol = Math.min(minCol, col);
      maxCol = Math.max(maxCol, col);
    });
    if (cells.size) sparse.push(cells);
  });
  return sparse.map((cells) => Array.from({ length: maxCol - minCol + 1 }, (_, i) => cells.get(minCol + i) ?? ''));
}

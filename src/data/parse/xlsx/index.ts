/** The XLSX parser and its cell and header/footer text rules. */
export { MAX_TABLE_ROWS, xlsxParser } from './xlsx-parser.js';
export { cellText } from './cell-text.js';
export { headerFooterText } from './header-footer-text.js';
export { sheetRows } from './sheet-rows.js';

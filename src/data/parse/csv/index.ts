/** The CSV/TSV parser, and the table rendering the fixed-width parser shares with it. */
export { csvParser } from './csv-parser.js';
export { DELIMITERS, sniffDelimiter, type Delimiter } from './sniff-delimiter.js';
export { TABLE_PIECE_ROWS, TableWriter, renderRow } from './table-elements.js';
export { CappedWarnings, MAX_DETAILED_WARNINGS } from './capped-warnings.js';

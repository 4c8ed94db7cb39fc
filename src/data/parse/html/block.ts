/** A typed block of text found by a markup walker, before it becomes an element (shared by HTML, DOCX, XML, JSON). */
import type { ElementType } from '../../elements/index.js';

/** One block: its element type, its text and, for titles and tables, the level or the cells. */
export interface Block {
  type: ElementType;
  text: string;
  /** Heading depth for titles (1 = top level). */
  level?: number;
  /** Table cells, first row the header; the block's text is the rows joined as `a | b` lines. */
  rows?: string[][];
}

/**
 * A table block from its rows: text is one `cell | cell` line per row (the chunker's table row form).
 * @example tableBlock([['Name', 'Age'], ['Ann', '41']]).text // 'Name | Age\nAnn | 41'
 */
export function tableBlock(rows: string[][]): Block {
  return { type: 'table', text: rows.map((r) => r.join(' | ')).join('\n'), rows };
}

/**
 * Splits table rows into pieces of at most `maxRows` rows, the first row (the header) repeated at the top of each.
 * @example tablePieces([['h'], ['1'], ['2'], ['3']], 3) // [[['h'], ['1'], ['2']], [['h'], ['3']]]
 */
export function tablePieces(rows: string[][], maxRows: number): string[][][] {
  const [header, ...body] = rows;
  if (header === undefined) return [];
  if (body.length === 0) return [[header]];
  const per = Math.max(1, maxRows - 1);
  const pieces: string[][][] = [];
  for (let i = 0; i < body.length; i += per) pieces.push([header, ...body.slice(i, i + per)]);
  return pieces;
}

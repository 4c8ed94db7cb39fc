/** The chunk: consecutive whole elements (or a piece of one oversized element) with lineage and a rolled-up label. */

/** Where one element's text sits in a chunk. */
export interface ChunkSpan {
  elementId: string;
  /** Offsets into the chunk's text (end exclusive). */
  start: number;
  end: number;
  /** For a piece of a split text element: the offsets into the element's text that this piece covers. */
  source?: { start: number; end: number };
  /** For a piece of a split table: the data rows (indices into `metadata.table.rows`, end exclusive) it carries. */
  rows?: { start: number; end: number };
}

/** One chunk. */
export interface Chunk {
  /** 32 hex digits of SHA-256 over the element ids, spans and text: deterministic. */
  id: string;
  /** `table` chunks hold one table (or rows of one); `text` chunks never hold a table. */
  kind: 'text' | 'table';
  text: string;
  elementIds: string[];
  /** The pages its elements sit on, ascending (empty when the parser gave none). */
  pages: number[];
  spans: ChunkSpan[];
  /** Roll-up of its elements' labels (banner form; '' when none is marked): never lower than any of them. */
  label: string;
  /** `countTokens(text)`: approximate. */
  tokens: number;
}

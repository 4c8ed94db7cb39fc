/** Chunking for the data engine: Unstructured-style `basic` and `by_title` strategies over typed elements. */
export type { Chunk, ChunkSpan } from './chunk.js';
export { resolveChunkOptions, type BasicChunkOptions, type ByTitleChunkOptions, type ResolvedChunkOptions } from './chunk-options.js';
export { chunkBasic } from './chunk-basic.js';
export { chunkByTitle } from './chunk-by-title.js';
export { countTokens } from './count-tokens.js';
export { ELEMENT_SEPARATOR } from './make-chunks.js';
export { splitTable, type TablePiece } from './split-table.js';
export { splitText, type TextPiece } from './split-text.js';

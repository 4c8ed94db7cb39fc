/** The ZIP parser: safe extraction of members as embedded files, with bomb, traversal and link defences. */
export { createZipParser, zipParser, type ZipParserOptions } from './zip-parser.js';
export { DEFAULT_ZIP_LIMITS, MAX_ARCHIVE_DEPTH, type ZipLimits } from './zip-limits.js';

/** The JSON / JSON Lines parser and the `path: value` text shared with the XML parser. */
export { jsonParser } from './json-parser.js';
export { childPath, flatRows, flattenJson, MAX_JSON_TABLE_ROWS } from './flatten-json.js';
export { jsonErrorOffset } from './json-error-offset.js';
export { jsonLines, type JsonLine } from './json-lines.js';
export { pathBlock } from './path-text.js';

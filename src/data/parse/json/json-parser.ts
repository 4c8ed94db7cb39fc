/**
 * The JSON and JSON Lines parser. A JSON document is flattened to `path: text` elements and tables (see
 * `flattenJson`); JSON Lines is one document whose records sit at `$[n]`, n = line number − 1, and whose flat
 * records together make one table.
 */
import { lineLocator } from '../../../markings/index.js';
import { AssayError } from '../../../errors/index.js';
import { pushBlocks, tableBlock, tablePieces, type Block } from '../html/index.js';
import type { ParsedFile, ParseInput, Parser } from '../parser.js';
import { checkLineLength, decodeText, ElementSink, throwIfAborted } from '../shared/index.js';
import { flatRows, flattenJson, MAX_JSON_TABLE_ROWS } from './flatten-json.js';
import { jsonErrorOffset } from './json-error-offset.js';
import { jsonLines } from './json-lines.js';

const LINES_EXTENSION = /\.(?:jsonl|ndjson)$/i;

function syntaxError(input: ParseInput, text: string, err: unknown): AssayError {
  const offset = jsonErrorOffset(text);
  const { line, column } = lineLocator(text)(offset < 0 ? text.length : offset);
  return new AssayError('DATASET_INVALID', `${input.path}:${line}:${column}: not valid JSON (${(err as Error).message}).`, {
    where: { file: input.path, line, column },
    cause: err,
    hint: 'Fix the JSON at that line and column; for one JSON value per line, name the file .jsonl.',
  });
}

/** Several non-blank lines, the first a JSON value on its own: JSON Lines under a .json name. */
function looksLikeLines(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  try {
    const first: unknown = JSON.parse(lines[0]!);
    return typeof first === 'object' && first !== null;
  } catch {
    return false;
  }
}

function linesBlocks(records: Array<{ line: number; value: unknown }>): Block[] {
  const rows = flatRows(records.map((r) => r.value) as Parameters<typeof flatRows>[0]);
  if (rows) return tablePieces(rows, MAX_JSON_TABLE_ROWS).map(tableBlock);
  return records.flatMap((r) => flattenJson(r.value, `$[${r.line - 1}]`));
}

/**
 * Parses `.json`, `.jsonl` and `.ndjson`. A JSON syntax error is DATASET_INVALID with line and column; in JSON
 * Lines a bad line is a warning naming it and the rest goes on, unless every line is bad.
 * @example const parsed = await jsonParser.parse({ bytes, path: 'items.jsonl', sha256, limits: DEFAULT_PARSE_LIMITS });
 */
export const jsonParser: Parser = {
  format: 'json',
  async parse(input: ParseInput): Promise<ParsedFile> {
    throwIfAborted(input.signal, input.path);
    const decoded = decodeText(input.bytes);
    const warnings = decoded.guessedEncoding ? [`${input.path}: not valid UTF-8; decoded as ${decoded.guessedEncoding} (JSON should be UTF-8).`] : [];
    const text = decoded.text;
    if (text.trim() === '') {
      throw new AssayError('DATASET_INVALID', `${input.path}: the JSON file is empty.`, { where: { file: input.path }, hint: 'Copy the file again from its source.' });
    }
    let blocks: Block[];
    const properties: Record<string, string> = {};
    let lines = LINES_EXTENSION.test(input.path);
    let value: unknown;
    if (!lines) {
      try {
        value = JSON.parse(text);
      } catch (err) {
        if (!looksLikeLines(text)) throw syntaxError(input, text, err);
        lines = true;
      }
    }
    if (lines) {
      checkLineLength(input.bytes, { path: input.path, maxLineBytes: input.limits.maxLineBytes });
      const parsed = jsonLines(text, input.path);
      warnings.push(...parsed.warnings);
      blocks = linesBlocks(parsed.records);
      Object.assign(properties, { format: 'jsonl', records: String(parsed.records.length) });
    } else {
      blocks = flattenJson(value, '$');
      properties.format = 'json';
    }
    throwIfAborted(input.signal, input.path);
    const sink = new ElementSink(input);
    pushBlocks(sink, input, blocks);
    return { elements: sink.elements, properties, warnings, embedded: [], units: 1 };
  },
};

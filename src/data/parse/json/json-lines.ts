/** JSON Lines: one record per line; a bad line is a warning naming it, and only a file of bad lines is refused. */
import { AssayError } from '../../../errors/index.js';
import { jsonErrorOffset } from './json-error-offset.js';

/** A parsed line: the value and its 1-based line number. */
export interface JsonLine {
  line: number;
  value: unknown;
}

/** Bad lines named one by one in warnings; the rest are counted. */
const MAX_LINE_WARNINGS = 20;

/**
 * The records of a JSON Lines text and a warning per bad line. Throws DATASET_INVALID (with the first bad line and
 * column) when no line parses.
 * @example jsonLines('{"a":1}\n{oops\n', 'x.jsonl').records // [{ line: 1, value: { a: 1 } }]
 */
export function jsonLines(text: string, path: string): { records: JsonLine[]; warnings: string[] } {
  const records: JsonLine[] = [];
  const bad: Array<{ line: number; column: number; message: string }> = [];
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    try {
      records.push({ line: i + 1, value: JSON.parse(line) });
    } catch (err) {
      const offset = jsonErrorOffset(line);
      bad.push({ line: i + 1, column: (offset < 0 ? 0 : offset) + 1, message: (err as Error).message });
    }
  }
  if (records.length === 0) {
    const first = bad[0];
    if (!first) throw new AssayError('DATASET_INVALID', `${path}: the JSON Lines file has no records.`, { where: { file: path }, hint: 'Copy the file again from its source.' });
    throw new AssayError('DATASET_INVALID', `${path}:${first.line}:${first.column}: no line is valid JSON (${bad.length} bad lines; the first: ${first.message}).`, {
      where: { file: path, line: first.line, column: first.column },
      hint: 'Check that the file really is JSON Lines (one JSON value per line); a pretty-printed JSON document should be named .json.',
    });
  }
  const warnings = bad.slice(0, MAX_LINE_WARNINGS).map((b) => `${path}:${b.line}:${b.column}: not valid JSON, line skipped (${b.message}).`);
  if (bad.length > MAX_LINE_WARNINGS) warnings.push(`${path}: ${bad.length - MAX_LINE_WARNINGS} more bad lines skipped.`);
  return { records, warnings };
}

/** Reads a fixed-width layout file (YAML or JSON) and checks it, reporting every problem as file:line:col. */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { AssayError, type ErrorLocation } from '../../../errors/index.js';
import { fieldPath, taskIssues } from '../../../task/task-issues.js';
import { locate } from '../../../task/yaml-locate.js';
import { FixedWidthSchemaSpec, type FixedWidthSchema } from './schema.js';

const HINT = 'Fix the fields listed; src/data/parse/fixed-width/schema.ts describes every layout setting (positions are 1-based).';

interface Located {
  where: ErrorLocation;
  text: string;
}

function invalid(source: string, located: Located[]): AssayError {
  const n = located.length;
  return new AssayError('CONFIG_INVALID', `Record layout ${source} has ${n} problem${n === 1 ? '' : 's'}:\n${located.map((l) => `  ${l.text}`).join('\n')}`, {
    where: located[0]?.where ?? { file: source },
    hint: HINT,
  });
}

/** Zod problems, located in the YAML document when there is one. */
function schemaProblems(value: unknown, source: string, doc?: { doc: Document; lines: LineCounter }): FixedWidthSchema {
  const parsed = FixedWidthSchemaSpec.safeParse(value);
  if (parsed.success) return parsed.data;
  const located = taskIssues(parsed.error).map((issue): Located => {
    const field = fieldPath(issue.path);
    if (!doc) return { where: { file: source, field }, text: `${source} field "${field}": ${issue.message}` };
    const { line, column } = locate(doc.doc, issue.path, doc.lines);
    return { where: { file: source, line, column, field }, text: `${source}:${line}:${column} field "${field}": ${issue.message}` };
  });
  located.sort((a, b) => (a.where.line ?? 0) - (b.where.line ?? 0) || (a.where.column ?? 0) - (b.where.column ?? 0));
  throw invalid(source, located);
}

/**
 * Checks an already-loaded layout object (what `ParseInput.fixedWidthSchema` carries); CONFIG_INVALID names each bad field.
 * @example parseFixedWidthSchema({ fields: [{ name: 'id', start: 1, length: 4 }] }).encoding // 'ascii'
 */
export function parseFixedWidthSchema(value: unknown, source = 'record layout'): FixedWidthSchema {
  return schemaProblems(value, source);
}

/**
 * Loads a layout file. YAML and JSON both parse (JSON is YAML); every problem is listed as
 * `layout.yaml:7:9 field "layouts.D.fields[2].type": …`, in file order.
 * @example const schema = await loadFixedWidthSchema('ledger.layout.yaml')
 */
export async function loadFixedWidthSchema(file: string, options: { signal?: AbortSignal } = {}): Promise<FixedWidthSchema> {
  let text: string;
  try {
    text = await readFile(file, { encoding: 'utf8', signal: options.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw new AssayError('CONFIG_INVALID', `Cannot read record layout ${file}: ${reason}.`, { where: { file }, cause: err, hint: 'Check the path of the layout file.' });
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw invalid(
      file,
      doc.errors.map((err) => {
        const { line, col } = lines.linePos(err.pos[0]);
        return { where: { file, line, column: col }, text: `${file}:${line}:${col} syntax error: ${err.message}` };
      }),
    );
  }
  return schemaProblems(doc.toJS(), file, { doc, lines });
}

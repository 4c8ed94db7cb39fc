/** Reads a task YAML file and validates it, reporting every problem with file:line:column. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { AssayError, type ErrorLocation } from '../errors/index.js';
import { fieldPath, taskIssues } from './task-issues.js';
import { TaskSpecSchema, type TaskSpec } from './task-spec.js';
import { locate } from './yaml-locate.js';

export interface LoadedTask {
  spec: TaskSpec;
  /** The task file's folder: dataset paths are relative to it. */
  baseDir: string;
  /** Absolute path of the task file. */
  path: string;
}

const HINT = 'Fix the fields listed; schemas/task.schema.json describes every task setting.';

/**
 * Loads and validates a task file. All problems are thrown together as one TASK_INVALID error, one line each:
 * `tasks/x.yaml:12:5 field "scorers[1].tolerance": expected number, received string`.
 * @example const { spec, baseDir } = await loadTaskFile('tasks/gsm8k.yaml')
 */
export async function loadTaskFile(file: string, options: { signal?: AbortSignal } = {}): Promise<LoadedTask> {
  const absolute = path.resolve(file);
  const text = await readText(file, absolute, options.signal);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const located = doc.errors.map((err) => {
      const { line, col } = lineCounter.linePos(err.pos[0]);
      return { where: { file, line, column: col }, text: `${file}:${line}:${col} YAML syntax error: ${err.message}` };
    });
    throw invalid(file, located);
  }
  const parsed = TaskSpecSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const located = taskIssues(parsed.error).map((issue) => {
      const { line, column } = locate(doc, issue.path, lineCounter);
      const field = fieldPath(issue.path);
      return { where: { file, line, column, field }, text: `${file}:${line}:${column} field "${field}": ${issue.message}` };
    });
    // Top to bottom, as the reader scans the file (the sort is stable for issues on one spot).
    located.sort((a, b) => a.where.line - b.where.line || a.where.column - b.where.column);
    throw invalid(file, located);
  }
  return { spec: parsed.data, baseDir: path.dirname(absolute), path: absolute };
}

function invalid(file: string, located: { where: ErrorLocation; text: string }[]): AssayError {
  const n = located.length;
  const lines = located.map((l) => `  ${l.text}`).join('\n');
  return new AssayError('TASK_INVALID', `Task file ${file} has ${n} problem${n === 1 ? '' : 's'}:\n${lines}`, {
    where: located[0]?.where ?? { file },
    hint: HINT,
  });
}

async function readText(file: string, absolute: string, signal: AbortSignal | undefined): Promise<string> {
  try {
    return await readFile(absolute, { encoding: 'utf8', signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw new AssayError('TASK_INVALID', `Cannot read task file ${file}: ${reason}.`, {
      where: { file },
      hint: 'Check the path; it is resolved against the current directory.',
      cause: err,
    });
  }
}

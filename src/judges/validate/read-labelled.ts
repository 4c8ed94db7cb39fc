/** Reads a human-labelled JSONL file for judge validation; a bad line stops with its file and line number. */
import { readFile } from 'node:fs/promises';
import { AssayError } from '../../errors/index.js';
import type { JudgeValidator } from './judge-validators.js';
import type { LabelledItem } from './labelled-item.js';

/**
 * One item per non-blank line, parsed with the judge's format. A gold set must be right, so any bad line is
 * DATASET_ROW_INVALID (not skipped); a missing or empty file is DATASET_INVALID.
 */
export async function readLabelled(file: string, validator: JudgeValidator, options: { signal?: AbortSignal } = {}): Promise<LabelledItem[]> {
  let text: string;
  try {
    text = await readFile(file, { encoding: 'utf8', signal: options.signal });
  } catch (err) {
    throw new AssayError('DATASET_INVALID', `Cannot read the labelled file ${file}.`, { where: { file }, hint: 'Check the path.', cause: err });
  }
  const items: LabelledItem[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const bad = (why: string) =>
      new AssayError('DATASET_ROW_INVALID', `Line ${index + 1} of ${file} is not a labelled item: ${why}.`, { where: { file, line: index + 1 }, hint: `Each line is ${validator.format}` });
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw bad('not JSON');
    }
    const prepared = validator.prepare(value, index + 1);
    if (!prepared.ok) throw bad(prepared.error);
    items.push(prepared.item);
  }
  if (items.length === 0) throw new AssayError('DATASET_INVALID', `The labelled file ${file} has no items.`, { where: { file }, hint: `Each line is ${validator.format}` });
  return items;
}

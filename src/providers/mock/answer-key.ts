/** Answer-key files (JSONL `{"match": "...", "response": "..."}`) shared by mock/answer-key and the mock server. */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AssayError } from '../../errors/index.js';

/** One line of an answer-key file. */
export const AnswerEntrySchema = z.object({ match: z.string(), response: z.string() });
export type AnswerEntry = z.infer<typeof AnswerEntrySchema>;

/** Parses answer-key text; a bad line is CONFIG_INVALID naming the file and line. Blank lines are skipped. */
export function parseAnswerKey(text: string, file: string): AnswerEntry[] {
  const entries: AnswerEntry[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    const parsed = AnswerEntrySchema.safeParse(value);
    if (!parsed.success) {
      throw new AssayError('CONFIG_INVALID', `Line ${index + 1} of the answer key ${file} is not {"match": "...", "response": "..."}.`, {
        where: { file, line: index + 1 },
        hint: 'Each line is one JSON object with string fields "match" and "response".',
      });
    }
    entries.push(parsed.data);
  }
  return entries;
}

/** Reads and parses an answer-key file; a missing file is CONFIG_INVALID. */
export async function loadAnswerKey(file: string, options: { signal?: AbortSignal } = {}): Promise<{ entries: AnswerEntry[]; text: string }> {
  let text: string;
  try {
    text = await readFile(file, { encoding: 'utf8', signal: options.signal });
  } catch (err) {
    throw new AssayError('CONFIG_INVALID', `Cannot read the answer key ${file}.`, { where: { file }, hint: 'Check -M answers_file.', cause: err });
  }
  return { entries: parseAnswerKey(text, file), text };
}

/** The response of the first entry whose `match` occurs in `text`, or undefined. */
export function findAnswer(entries: readonly AnswerEntry[], text: string): string | undefined {
  return entries.find((entry) => text.includes(entry.match))?.response;
}

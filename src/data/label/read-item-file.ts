/** Reads labelling items from a JSONL file: `{id, text}` or `{id, prompt, a, b}`, with an optional `label` marking. */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AssayError } from '../../errors/index.js';
import { canRead } from '../../governance/access/can-read.js';
import { canonicalLabel } from '../../governance/access/downgrade-request.js';
import type { User } from '../../governance/identity/user.js';
import type { ItemError } from './item-source.js';
import { jsonlRows } from './jsonl-rows.js';
import type { ItemContent, LabelItem } from './label-item.js';

const FileItemSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  text: z.string().optional(),
  prompt: z.string().optional(),
  a: z.string().optional(),
  b: z.string().optional(),
  /** The item's security marking; UNCLASSIFIED when absent. */
  label: z.string().optional(),
});

/**
 * The file's items; a bad line becomes an error with its line number and the rest goes on. Pairwise tasks need
 * prompt, a and b; other kinds need text (or a prompt). Items above the reader's clearance are refused, never stored.
 */
export async function readItemFile(viewer: User, path: string, pairwise: boolean): Promise<{ items: LabelItem[]; errors: ItemError[] }> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (err) {
    throw new AssayError('NOT_FOUND', `Cannot read the items file ${path}: ${(err as Error).message}.`, { where: { file: path }, hint: 'Give a JSONL file with one {"id", "text"} (or {"id", "prompt", "a", "b"}) object per line.' });
  }
  const items: LabelItem[] = [];
  const errors: ItemError[] = [];
  const seen = new Set<string>();
  for (const { line, row, reason } of jsonlRows(raw, FileItemSchema)) {
    const fail = (why: string, id?: string) => void errors.push({ line, id, reason: why });
    if (row === undefined) {
      fail(reason);
      continue;
    }
    const content = toContent(row, pairwise);
    if (typeof content === 'string') {
      fail(content, row.id);
      continue;
    }
    const label = canonicalLabel(row.label ?? 'UNCLASSIFIED');
    if (label === null) {
      fail(`label "${row.label}" is not a valid marking`, row.id);
      continue;
    }
    if (!canRead(viewer, label)) {
      fail(`label ${label} is above your clearance`, row.id);
      continue;
    }
    if (seen.has(row.id)) {
      fail(`duplicate id "${row.id}"`, row.id);
      continue;
    }
    seen.add(row.id);
    items.push({ id: row.id, content, label, ref: { type: 'file', path, line } });
  }
  return { items, errors };
}

function toContent(row: z.infer<typeof FileItemSchema>, pairwise: boolean): ItemContent | string {
  if (pairwise) {
    if (row.prompt === undefined || row.a === undefined || row.b === undefined) return 'a pairwise item needs "prompt", "a" and "b"';
    return { prompt: row.prompt, a: row.a, b: row.b };
  }
  const text = row.text ?? row.prompt;
  return text === undefined ? 'an item needs "text" (or "prompt")' : { text };
}

/** Bulk import of annotations from JSONL (`{item, annotator?, value}` per line): bad rows reported by line, the rest stored. */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AssayError } from '../../errors/index.js';
import { authorize } from '../../governance/access/authorize.js';
import { canRead } from '../../governance/access/can-read.js';
import type { IdentityStore } from '../../governance/identity/identity-store.js';
import type { User } from '../../governance/identity/user.js';
import { sha256 } from '../../hashing/canonical-json.js';
import { appendAnnotations, type NewAnnotation } from './annotate.js';
import { jsonlRows } from './jsonl-rows.js';
import { parseAnnotationValue } from './annotation-value.js';
import { auditLabel } from './label-audit.js';
import type { LabelContext } from './label-context.js';
import { readAssignments, readItems, requireVisibleTask } from './label-repo.js';

const ImportRowSchema = z.object({
  item: z.union([z.string().min(1), z.number()]).transform(String),
  /** Defaults to the importing user. */
  annotator: z.string().min(1).optional(),
  value: z.unknown(),
});

/** One refused row: its line number, the item when known, and why. */
export interface ImportRowError {
  line: number;
  item?: string;
  reason: string;
}

export interface ImportResult {
  imported: number;
  errors: ImportRowError[];
}

/** Why a row may not be stored for this annotator and item, or undefined when it may. */
function refusal(viewer: User, annotator: User | undefined, row: { annotatorId: string; itemId: string; label: string; assigned: readonly string[] }): string | undefined {
  if (row.annotatorId !== viewer.id && !viewer.roles.includes('admin')) return `only an admin may import annotations of another user (${row.annotatorId})`;
  if (!annotator) return `annotator "${row.annotatorId}" is not a user`;
  const allowed = authorize(annotator, 'annotate', row.label);
  if (!allowed.allowed || !canRead(annotator, row.label)) return `annotator "${row.annotatorId}" may not annotate this item: ${allowed.reason}`;
  if (!row.assigned.includes(row.annotatorId)) return `item "${row.itemId}" is not assigned to ${row.annotatorId}`;
  return undefined;
}

/**
 * Imports annotations. Each row must name an item the importer may read and an annotator who is assigned it and
 * cleared for it, with a valid value. Rows for another annotator (e.g. from an offline labelling session) need the
 * admin role. One audit entry records the import (file hash, counts, annotators).
 * @example const { imported, errors } = await importAnnotations(ctx, identity, admin, taskId, 'annotations.jsonl');
 */
export async function importAnnotations(ctx: LabelContext, identity: IdentityStore, viewer: User, taskId: string, file: string): Promise<ImportResult> {
  const task = await requireVisibleTask(ctx, viewer, taskId);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new AssayError('NOT_FOUND', `Cannot read the annotations file ${file}: ${(err as Error).message}.`, { where: { file }, hint: 'Give a JSONL file with one {"item", "annotator", "value"} object per line.' });
  }
  const items = new Map((await readItems(ctx, taskId, viewer)).map((i) => [i.id, i]));
  const assignments = await readAssignments(ctx, taskId);
  const users = new Map<string, User | undefined>();
  const errors: ImportRowError[] = [];
  const rows: NewAnnotation[] = [];
  for (const { line, row, reason } of jsonlRows(text, ImportRowSchema)) {
    if (row === undefined) {
      errors.push({ line, reason });
      continue;
    }
    const { item: itemId, value } = row;
    const annotatorId = row.annotator ?? viewer.id;
    const item = items.get(itemId);
    if (!item) {
      errors.push({ line, item: itemId, reason: `item "${itemId}" not found in task ${taskId}` });
      continue;
    }
    if (!users.has(annotatorId)) users.set(annotatorId, annotatorId === viewer.id ? viewer : await identity.getUser(annotatorId));
    const why = refusal(viewer, users.get(annotatorId), { annotatorId, itemId, label: item.label, assigned: assignments.get(itemId) ?? [] });
    const checked = why === undefined ? parseAnnotationValue(task.spec, value, item.content) : { ok: false as const, reason: why };
    if (!checked.ok) {
      errors.push({ line, item: itemId, reason: checked.reason });
      continue;
    }
    rows.push({ taskId, itemId, annotator: annotatorId, value: checked.value, enteredBy: viewer.id, label: item.label });
  }
  const made = await appendAnnotations(ctx, rows);
  await auditLabel(ctx, viewer, {
    step: 'import',
    object: { type: 'label_task', id: taskId, label: task.label },
    outcome: made.length > 0 || errors.length === 0 ? 'success' : 'failure',
    details: { file, sha256: sha256(text), imported: made.length, rejected: errors.length, annotators: [...new Set(made.map((a) => a.annotator))].sort() },
  });
  return { imported: made.length, errors };
}

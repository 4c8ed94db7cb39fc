/** Listing, showing and exporting tasks: only what the viewer's clearance covers. */
import { AssayError } from '../../errors/index.js';
import { authorize } from '../../governance/access/authorize.js';
import { canRead } from '../../governance/access/can-read.js';
import { derivedLabel } from '../../governance/access/derived-label.js';
import type { User } from '../../governance/identity/user.js';
import { auditLabel } from './label-audit.js';
import type { LabelContext } from './label-context.js';
import type { ItemContent, ItemRef } from './label-item.js';
import { byItem, findTask, latestAnnotations, readAnnotations, readAssignments, readItems, readReviews, requireTask, requireVisibleTask, taskNotFound, type Annotation, type LabelTask, type Review } from './label-repo.js';
import { taskConsensus, type ItemConsensus } from './task-consensus.js';

/** A task with progress over the items the viewer may read. */
export interface TaskSummary extends LabelTask {
  /** Items the viewer may read. */
  items: number;
  /** Of those, items with at least one annotation. */
  annotated: number;
  /** Of those, items with `perItem` annotations or more. */
  complete: number;
}

/** The task with progress over the items the viewer may read, or undefined when the viewer may read none of it. */
async function visibleSummary(ctx: LabelContext, viewer: User, task: LabelTask): Promise<TaskSummary | undefined> {
  const items = await readItems(ctx, task.id, viewer);
  if (!canRead(viewer, task.label) && items.length === 0) return undefined;
  const visible = new Set(items.map((i) => i.id));
  const perItem = new Map<string, number>();
  for (const a of latestAnnotations(await readAnnotations(ctx, task.id))) if (visible.has(a.itemId)) perItem.set(a.itemId, (perItem.get(a.itemId) ?? 0) + 1);
  return { ...task, items: items.length, annotated: perItem.size, complete: [...perItem.values()].filter((n) => n >= task.perItem).length };
}

/** The tasks the viewer may see, newest first. */
export async function listTasks(ctx: LabelContext, viewer: User): Promise<TaskSummary[]> {
  const rows = await ctx.db.selectFrom('label_tasks').select('id').orderBy('created_at', 'desc').orderBy('id').execute();
  const out: TaskSummary[] = [];
  for (const { id } of rows) {
    const summary = await visibleSummary(ctx, viewer, (await findTask(ctx, id))!);
    if (summary) out.push(summary);
  }
  return out;
}

/** One task, or NOT_FOUND when it is missing or hidden from the viewer (the same answer). */
export async function showTask(ctx: LabelContext, viewer: User, taskId: string): Promise<TaskSummary> {
  const summary = await visibleSummary(ctx, viewer, await requireTask(ctx, taskId));
  if (!summary) throw taskNotFound(taskId);
  return summary;
}

/** One exported item: content, every annotation (all revisions), reviews and the consensus. */
export interface ExportedItem {
  id: string;
  label: string;
  content: ItemContent;
  ref: ItemRef;
  assignedTo: string[];
  annotations: Annotation[];
  reviews: Review[];
  consensus: Pick<ItemConsensus, 'status' | 'value' | 'source' | 'annotators'>;
}

/**
 * Every item the viewer may read, with everything recorded about it. Needs a role allowed to `export`; audited.
 * @example const rows = await exportTask(ctx, me, taskId);
 */
export async function exportTask(ctx: LabelContext, viewer: User, taskId: string): Promise<{ task: LabelTask; label: string; items: ExportedItem[] }> {
  const task = await requireVisibleTask(ctx, viewer, taskId);
  const role = authorize(viewer, 'export');
  if (!role.allowed) throw new AssayError('FORBIDDEN', `${viewer.id} may not export: ${role.reason}.`, { hint: 'Exporting needs the admin, evaluator or auditor role.' });
  const items = await readItems(ctx, taskId, viewer);
  const annotations = byItem(await readAnnotations(ctx, taskId));
  const reviews = byItem(await readReviews(ctx, taskId));
  const assignments = await readAssignments(ctx, taskId);
  const consensus = new Map((await taskConsensus(ctx, viewer, taskId)).items.map((c) => [c.itemId, c]));
  const rows = items.map((i) => {
    const c = consensus.get(i.id)!;
    return { id: i.id, label: i.label, content: i.content, ref: i.ref, assignedTo: assignments.get(i.id) ?? [], annotations: annotations.get(i.id) ?? [], reviews: reviews.get(i.id) ?? [], consensus: { status: c.status, value: c.value, source: c.source, annotators: c.annotators } };
  });
  const label = derivedLabel(rows.map((r) => r.label));
  await auditLabel(ctx, viewer, { step: 'export', object: { type: 'label_task', id: taskId, label }, details: { items: rows.length } });
  return { task, label, items: rows };
}

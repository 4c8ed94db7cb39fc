/** Reads of the labelling tables: tasks, items (opened), assignments, the latest annotations and the reviews. */
import { z } from 'zod';
import { AssayError } from '../../errors/index.js';
import type { User } from '../../governance/identity/user.js';
import { canRead } from '../../governance/access/can-read.js';
import type { AnnotationValue } from './annotation-value.js';
import { ItemSourceSchema, type ItemSource } from './item-source.js';
import type { LabelContext } from './label-context.js';
import { ItemContentSchema, type ItemRef, type LabelItem } from './label-item.js';
import { annotationValueLocation, itemContentLocation, reviewValueLocation } from './sealed-locations.js';
import { TaskKindSchema, type TaskKindSpec } from './task-kind.js';

/** A labelling task as stored. */
export interface LabelTask {
  id: string;
  name: string;
  spec: TaskKindSpec;
  instructions: string;
  source: ItemSource;
  perItem: number;
  annotators: string[];
  createdBy: string;
  createdAt: string;
  /** Roll-up of every item's label. */
  label: string;
}

/** A stored item with its position. */
export interface StoredItem extends LabelItem {
  ord: number;
}

/** One annotation row (the value opened). */
export interface Annotation {
  id: string;
  taskId: string;
  itemId: string;
  annotator: string;
  revision: number;
  value: AnnotationValue;
  enteredBy: string;
  createdAt: string;
  label: string;
}

export const REVIEW_DECISIONS = ['accept', 'reject', 'set'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** One review row (the value opened). */
export interface Review {
  id: string;
  taskId: string;
  itemId: string;
  revision: number;
  annotationId: string | null;
  reviewer: string;
  decision: ReviewDecision;
  value: AnnotationValue | null;
  note: string;
  createdAt: string;
  label: string;
}

const StoredSpecSchema = z.object({ spec: TaskKindSchema, instructions: z.string() });

/** The task, or undefined. */
export async function findTask(ctx: LabelContext, taskId: string): Promise<LabelTask | undefined> {
  const row = await ctx.db.selectFrom('label_tasks').selectAll().where('id', '=', taskId).executeTakeFirst();
  if (!row) return undefined;
  const stored = StoredSpecSchema.parse(JSON.parse(row.spec));
  return {
    id: row.id,
    name: row.name,
    spec: stored.spec,
    instructions: stored.instructions,
    source: ItemSourceSchema.parse(JSON.parse(row.source)),
    perItem: row.per_item,
    annotators: z.array(z.string()).parse(JSON.parse(row.annotators)),
    createdBy: row.created_by,
    createdAt: row.created_at,
    label: row.label,
  };
}

/** The task or NOT_FOUND (the same answer whether it is missing or merely hidden). */
export async function requireTask(ctx: LabelContext, taskId: string): Promise<LabelTask> {
  const task = await findTask(ctx, taskId);
  if (!task) throw taskNotFound(taskId);
  return task;
}

/** The one NOT_FOUND for a task that is missing or hidden from the viewer: identical, so existence never leaks. */
export function taskNotFound(taskId: string): AssayError {
  return new AssayError('NOT_FOUND', `Labelling task "${taskId}" not found.`, { hint: 'List tasks with `assay label list`.' });
}

/**
 * The task when the viewer may see it: cleared for its roll-up label or for at least one of its items (the header —
 * name, kind, choices, instructions — is the creator's text and holds no item content; every item is still checked on
 * its own). NOT_FOUND otherwise, the same answer as for a missing task.
 */
export async function requireVisibleTask(ctx: LabelContext, viewer: User, taskId: string): Promise<LabelTask> {
  const task = await requireTask(ctx, taskId);
  if (canRead(viewer, task.label)) return task;
  const labels = await ctx.db.selectFrom('label_items').select('label').distinct().where('task_id', '=', taskId).execute();
  if (labels.some((r) => canRead(viewer, r.label))) return task;
  throw taskNotFound(taskId);
}

/** The task's items the viewer may read (all of them without a viewer), in order, content opened. */
export async function readItems(ctx: LabelContext, taskId: string, viewer?: User, ids?: readonly string[]): Promise<StoredItem[]> {
  let q = ctx.db.selectFrom('label_items').selectAll().where('task_id', '=', taskId);
  if (ids !== undefined) {
    if (ids.length === 0) return [];
    q = q.where('id', 'in', [...ids]);
  }
  const rows = await q.orderBy('ord').execute();
  return rows
    .filter((r) => viewer === undefined || canRead(viewer, r.label))
    .map((r) => ({
      id: r.id,
      ord: r.ord,
      label: r.label,
      content: ItemContentSchema.parse(JSON.parse(ctx.cipher.open(r.content, itemContentLocation(taskId, r.id)))),
      ref: JSON.parse(r.ref) as ItemRef,
    }));
}

/** One item the viewer may read, or NOT_FOUND (same message for missing and hidden). */
export async function requireItem(ctx: LabelContext, taskId: string, itemId: string, viewer: User): Promise<StoredItem> {
  const [item] = await readItems(ctx, taskId, viewer, [itemId]);
  if (!item) throw new AssayError('NOT_FOUND', `Item "${itemId}" not found in labelling task ${taskId}.`, { hint: `List your items with \`assay label next ${taskId}\`.` });
  return item;
}

/** Annotator ids per item id. */
export async function readAssignments(ctx: LabelContext, taskId: string): Promise<Map<string, string[]>> {
  const rows = await ctx.db.selectFrom('label_assignments').select(['item_id', 'annotator']).where('task_id', '=', taskId).orderBy('item_id').orderBy('annotator').execute();
  const byItem = new Map<string, string[]>();
  for (const r of rows) byItem.set(r.item_id, [...(byItem.get(r.item_id) ?? []), r.annotator]);
  return byItem;
}

/** Every annotation of the task (all revisions), in item, annotator, revision order. */
export async function readAnnotations(ctx: LabelContext, taskId: string): Promise<Annotation[]> {
  const rows = await ctx.db.selectFrom('label_annotations').selectAll().where('task_id', '=', taskId).orderBy('item_id').orderBy('annotator').orderBy('revision').execute();
  return rows.map((r) => ({
    id: r.id,
    taskId: r.task_id,
    itemId: r.item_id,
    annotator: r.annotator,
    revision: r.revision,
    value: JSON.parse(ctx.cipher.open(r.value, annotationValueLocation(r.id))) as AnnotationValue,
    enteredBy: r.entered_by,
    createdAt: r.created_at,
    label: r.label,
  }));
}

/** The latest revision per (item, annotator): a changed mind replaces the earlier answer. */
export function latestAnnotations(all: readonly Annotation[]): Annotation[] {
  const latest = new Map<string, Annotation>();
  for (const a of all) {
    const key = `${a.itemId}\u0000${a.annotator}`;
    const prev = latest.get(key);
    if (!prev || a.revision > prev.revision) latest.set(key, a);
  }
  return [...latest.values()];
}

/** Every review of the task, in item and revision order. */
export async function readReviews(ctx: LabelContext, taskId: string): Promise<Review[]> {
  const rows = await ctx.db.selectFrom('label_reviews').selectAll().where('task_id', '=', taskId).orderBy('item_id').orderBy('revision').execute();
  return rows.map((r) => ({
    id: r.id,
    taskId: r.task_id,
    itemId: r.item_id,
    revision: r.revision,
    annotationId: r.annotation_id,
    reviewer: r.reviewer,
    decision: r.decision as ReviewDecision,
    value: r.value === null ? null : (JSON.parse(ctx.cipher.open(r.value, reviewValueLocation(r.id))) as AnnotationValue),
    note: r.note,
    createdAt: r.created_at,
    label: r.label,
  }));
}

/** Groups rows by item id. */
export function byItem<T extends { itemId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(r.itemId, [...(map.get(r.itemId) ?? []), r]);
  return map;
}

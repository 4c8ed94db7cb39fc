/** Records one annotation: only by an assigned annotator cleared for the item, with a value valid for the task kind. */
import { randomUUID } from 'node:crypto';
import { AssayError } from '../../errors/index.js';
import { authorize } from '../../governance/access/authorize.js';
import type { User } from '../../governance/identity/user.js';
import { parseAnnotationValue, type AnnotationValue } from './annotation-value.js';
import { auditLabel, deniedError } from './label-audit.js';
import type { LabelContext, LabelDb } from './label-context.js';
import { requireItem, requireVisibleTask, type Annotation } from './label-repo.js';
import { annotationValueLocation } from './sealed-locations.js';

/** The rows to append: the revision is the next one for (item, annotator). */
export interface NewAnnotation {
  taskId: string;
  itemId: string;
  annotator: string;
  value: AnnotationValue;
  enteredBy: string;
  label: string;
}

/** The highest revision per `${itemId}\0${annotator}` in the task. */
export async function currentRevisions(db: LabelDb, taskId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('label_annotations').select(['item_id', 'annotator']).select((eb) => eb.fn.max('revision').as('rev')).where('task_id', '=', taskId).groupBy(['item_id', 'annotator']).execute();
  return new Map(rows.map((r) => [`${r.item_id}\u0000${r.annotator}`, Number(r.rev)]));
}

/** Appends annotations in one transaction, numbering revisions after the stored ones; never updates a row. */
export async function appendAnnotations(ctx: LabelContext, rows: readonly NewAnnotation[]): Promise<Annotation[]> {
  if (rows.length === 0) return [];
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (tx) => {
    const revisions = await currentRevisions(tx, rows[0]!.taskId);
    const made: Annotation[] = rows.map((r) => {
      const key = `${r.itemId}\u0000${r.annotator}`;
      const revision = (revisions.get(key) ?? 0) + 1;
      revisions.set(key, revision);
      return { id: randomUUID(), taskId: r.taskId, itemId: r.itemId, annotator: r.annotator, revision, value: r.value, enteredBy: r.enteredBy, createdAt: at, label: r.label };
    });
    for (let i = 0; i < made.length; i += 500) {
      await tx
        .insertInto('label_annotations')
        .values(
          made.slice(i, i + 500).map((a) => ({
            id: a.id,
            task_id: a.taskId,
            item_id: a.itemId,
            annotator: a.annotator,
            revision: a.revision,
            value: ctx.cipher.seal(JSON.stringify(a.value), annotationValueLocation(a.id)),
            entered_by: a.enteredBy,
            created_at: a.createdAt,
            label: a.label,
          })),
        )
        .execute();
    }
    return made;
  });
}

/** True when `annotator` is assigned `itemId` in the task. */
export async function isAssigned(db: LabelDb, taskId: string, itemId: string, annotator: string): Promise<boolean> {
  return (await db.selectFrom('label_assignments').select('annotator').where('task_id', '=', taskId).where('item_id', '=', itemId).where('annotator', '=', annotator).executeTakeFirst()) !== undefined;
}

/**
 * Annotates one item. NOT_FOUND when the item is missing or above the viewer's clearance (the same answer), FORBIDDEN
 * (audited as denied) when the viewer may not annotate it or is not assigned it, USAGE when the value does not fit.
 * @example await annotate(ctx, alice, taskId, 'item-1', 'positive');
 */
export async function annotate(ctx: LabelContext, viewer: User, taskId: string, itemId: string, value: unknown): Promise<Annotation> {
  const task = await requireVisibleTask(ctx, viewer, taskId);
  let item;
  try {
    item = await requireItem(ctx, taskId, itemId, viewer);
  } catch (err) {
    await auditLabel(ctx, viewer, { step: 'annotation', object: { type: 'label_item', id: `${taskId}/${itemId}`, label: task.label }, outcome: 'denied', details: { reason: 'item missing or above clearance' } });
    throw err;
  }
  const object = { type: 'label_item' as const, id: `${taskId}/${itemId}`, label: item.label };
  const decision = authorize(viewer, 'annotate', item.label);
  if (!decision.allowed) throw await deniedError(ctx, viewer, { step: 'annotation', object }, `${viewer.id} may not annotate ${itemId}: ${decision.reason}.`, 'Annotating needs the annotator (or admin) role and a clearance over the item.');
  if (!(await isAssigned(ctx.db, taskId, itemId, viewer.id))) {
    throw await deniedError(ctx, viewer, { step: 'annotation', object }, `Item "${itemId}" is not assigned to ${viewer.id} in task ${taskId}.`, `Take your items from \`assay label next ${taskId}\`.`);
  }
  const parsed = parseAnnotationValue(task.spec, value, item.content);
  if (!parsed.ok) throw new AssayError('USAGE', `Invalid ${task.spec.kind} value for item "${itemId}": ${parsed.reason}.`, { where: { field: 'value' }, hint: 'See the task with `assay label show <task>`.' });
  const [made] = await appendAnnotations(ctx, [{ taskId, itemId, annotator: viewer.id, value: parsed.value, enteredBy: viewer.id, label: item.label }]);
  await auditLabel(ctx, viewer, { step: 'annotation', object, details: { annotationId: made!.id, revision: made!.revision } });
  return made!;
}

/** Reviews: a second person accepts or rejects an annotation, or sets the item's final value, with a note. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AssayError } from '../../errors/index.js';
import { authorize } from '../../governance/access/authorize.js';
import type { User } from '../../governance/identity/user.js';
import { parseAnnotationValue, type AnnotationValue } from './annotation-value.js';
import { auditLabel, deniedError } from './label-audit.js';
import type { LabelContext } from './label-context.js';
import { readAnnotations, requireItem, requireVisibleTask, type Review } from './label-repo.js';
import { reviewValueLocation } from './sealed-locations.js';

/** A review: accept/reject name an annotation; set gives the final value. */
export const ReviewInputSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), annotationId: z.string().min(1), note: z.string().max(5000).default('') }),
  z.object({ decision: z.literal('reject'), annotationId: z.string().min(1), note: z.string().max(5000).default('') }),
  z.object({ decision: z.literal('set'), value: z.unknown(), note: z.string().max(5000).default('') }),
]);
export type ReviewInput = z.input<typeof ReviewInputSchema>;

/**
 * Records a review of one item. The reviewer needs a role allowed to `annotate` (annotator or admin) and a clearance
 * over the item, and must be a different person: never the author of the annotation accepted or rejected, and for
 * `set`, never one of the item's annotators (two-person rule; refusals are audited as denied).
 * @example await review(ctx, carol, taskId, 'item-1', { decision: 'set', value: 'positive', note: 'guideline 3' });
 */
export async function review(ctx: LabelContext, viewer: User, taskId: string, itemId: string, input: ReviewInput): Promise<Review> {
  const task = await requireVisibleTask(ctx, viewer, taskId);
  const item = await requireItem(ctx, taskId, itemId, viewer);
  const parsedInput = ReviewInputSchema.safeParse(input);
  if (!parsedInput.success) throw new AssayError('USAGE', `Invalid review: ${parsedInput.error.issues[0]!.message}.`, { hint: 'Give --accept <annotation id>, --reject <annotation id> or --set <value>.' });
  const r = parsedInput.data;
  const object = { type: 'label_item' as const, id: `${taskId}/${itemId}`, label: item.label };
  const deny = async (message: string, hint: string) => deniedError(ctx, viewer, { step: 'review', object, details: { decision: r.decision } }, message, hint);
  const role = authorize(viewer, 'annotate', item.label);
  if (!role.allowed) throw await deny(`${viewer.id} may not review ${itemId}: ${role.reason}.`, 'Reviewing needs the annotator or admin role and a clearance over the item.');
  const annotations = (await readAnnotations(ctx, taskId)).filter((a) => a.itemId === itemId);
  let value: AnnotationValue | null = null;
  let annotationId: string | null = null;
  if (r.decision === 'set') {
    if (annotations.some((a) => a.annotator === viewer.id)) throw await deny(`${viewer.id} annotated "${itemId}" and cannot set its final value.`, 'Another reviewer must adjudicate (two-person rule).');
    const checked = parseAnnotationValue(task.spec, r.value, item.content);
    if (!checked.ok) throw new AssayError('USAGE', `Invalid ${task.spec.kind} value for item "${itemId}": ${checked.reason}.`, { where: { field: 'value' } });
    value = checked.value;
  } else {
    const target = annotations.find((a) => a.id === r.annotationId);
    if (!target) throw new AssayError('NOT_FOUND', `Annotation "${r.annotationId}" not found on item "${itemId}".`, { hint: `See the annotations with \`assay label export ${taskId}\`.` });
    if (target.annotator === viewer.id) throw await deny(`${viewer.id} cannot review their own annotation.`, 'Another reviewer must review it (two-person rule).');
    annotationId = target.id;
  }
  const id = randomUUID();
  const createdAt = ctx.now().toISOString();
  const revision = await ctx.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('label_reviews').select((eb) => eb.fn.max('revision').as('rev')).where('task_id', '=', taskId).where('item_id', '=', itemId).executeTakeFirst();
    const next = Number(row?.rev ?? 0) + 1;
    await tx
      .insertInto('label_reviews')
      .values({
        id,
        task_id: taskId,
        item_id: itemId,
        revision: next,
        annotation_id: annotationId,
        reviewer: viewer.id,
        decision: r.decision,
        value: value === null ? null : ctx.cipher.seal(JSON.stringify(value), reviewValueLocation(id)),
        note: r.note,
        created_at: createdAt,
        label: item.label,
      })
      .execute();
    return next;
  });
  await auditLabel(ctx, viewer, { step: 'review', object, details: { reviewId: id, decision: r.decision, annotationId, revision } });
  return { id, taskId, itemId, revision, annotationId, reviewer: viewer.id, decision: r.decision, value, note: r.note, createdAt, label: item.label };
}

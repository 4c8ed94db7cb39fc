/** The annotator's queue: assigned items they are cleared for and have not yet annotated, in task order. */
import { AssayError } from '../../errors/index.js';
import { authorize } from '../../governance/access/authorize.js';
import type { User } from '../../governance/identity/user.js';
import type { LabelContext } from './label-context.js';
import type { ItemContent } from './label-item.js';
import { readItems, requireVisibleTask, type LabelTask } from './label-repo.js';

/** A queued item as the annotator sees it. */
export interface QueuedItem {
  id: string;
  content: ItemContent;
  label: string;
}

/** The next items and how many more are waiting. */
export interface NextItems {
  task: Pick<LabelTask, 'id' | 'name' | 'spec' | 'instructions'>;
  items: QueuedItem[];
  remaining: number;
}

/**
 * Up to `n` of the viewer's open items. The clearance is checked again at read time (it may have been lowered since the
 * assignment), so nothing above it is ever returned.
 * @example const { items } = await nextItems(ctx, alice, taskId, 5);
 */
export async function nextItems(ctx: LabelContext, viewer: User, taskId: string, n = 10): Promise<NextItems> {
  const task = await requireVisibleTask(ctx, viewer, taskId);
  const role = authorize(viewer, 'annotate');
  if (!role.allowed) throw new AssayError('FORBIDDEN', `${viewer.id} may not annotate: ${role.reason}.`, { hint: 'Annotating needs the annotator (or admin) role.' });
  const assigned = await ctx.db.selectFrom('label_assignments').select('item_id').where('task_id', '=', taskId).where('annotator', '=', viewer.id).execute();
  const done = new Set((await ctx.db.selectFrom('label_annotations').select('item_id').where('task_id', '=', taskId).where('annotator', '=', viewer.id).execute()).map((r) => r.item_id));
  const open = assigned.map((r) => r.item_id).filter((id) => !done.has(id));
  const items = await readItems(ctx, taskId, viewer, open);
  const limit = Math.max(0, Math.floor(n));
  return {
    task: { id: task.id, name: task.name, spec: task.spec, instructions: task.instructions },
    items: items.slice(0, limit).map(({ id, content, label }) => ({ id, content, label })),
    remaining: Math.max(0, items.length - limit),
  };
}

/** Creates a labelling task: loads the items, checks the annotators, assigns items round-robin, stores it sealed. */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AssayError } from '../../errors/index.js';
import { authorize } from '../../governance/access/authorize.js';
import { canRead } from '../../governance/access/can-read.js';
import { derivedLabel } from '../../governance/access/derived-label.js';
import type { IdentityStore } from '../../governance/identity/identity-store.js';
import type { User } from '../../governance/identity/user.js';
import { deniedError, auditLabel } from './label-audit.js';
import type { LabelContext } from './label-context.js';
import { ItemSourceSchema, type ItemError } from './item-source.js';
import { loadItems, type ItemSourceDeps } from './load-items.js';
import { findTask, type LabelTask } from './label-repo.js';
import { planAssignments, type AssignmentPlan } from './plan-assignments.js';
import { itemContentLocation } from './sealed-locations.js';
import { CheckedTaskKindSchema } from './task-kind.js';

/** Input of createTask; the single source for what a task needs. */
export const CreateTaskSchema = z.object({
  name: z.string().trim().min(1).max(200),
  spec: CheckedTaskKindSchema,
  instructions: z.string().max(20_000).default(''),
  source: ItemSourceSchema,
  annotators: z
    .array(z.string().min(1))
    .min(1)
    .refine((xs) => new Set(xs).size === xs.length, 'an annotator is named twice'),
  /** Annotators per item (overlap ≥ 2 is what agreement needs). */
  perItem: z.number().int().positive(),
});
export type CreateTaskInput = z.input<typeof CreateTaskSchema>;

/** What createTask needs beyond the context: the identity store (annotators are users) and the item readers. */
export interface CreateTaskDeps extends ItemSourceDeps {
  identity: IdentityStore;
}

/** The new task, the items that could not be made, items short of annotators, and each annotator's load. */
export interface CreateTaskResult {
  task: LabelTask;
  items: number;
  errors: ItemError[];
  shortfalls: AssignmentPlan['shortfalls'];
  load: Record<string, number>;
}

/** Roles that may create a task: those allowed to annotate or to run evaluations (admin, annotator, evaluator). */
function mayCreate(viewer: User): boolean {
  return authorize(viewer, 'annotate').allowed || authorize(viewer, 'eval.run').allowed;
}

/**
 * Creates a task. Annotators must be enabled users with a role allowed to `annotate`; each item is assigned only to
 * annotators whose clearance dominates its label (an item above a clearance is never assigned to, or shown to, them).
 * The task's label is the roll-up of its items' labels.
 * @example await createTask(ctx, deps, me, { name: 'tone', spec: { kind: 'classification', choices: ['pos', 'neg'] }, source: { type: 'file', path: 'items.jsonl' }, annotators: ['alice', 'bob'], perItem: 2 });
 */
export async function createTask(ctx: LabelContext, deps: CreateTaskDeps, viewer: User, input: CreateTaskInput): Promise<CreateTaskResult> {
  const parsed = CreateTaskSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    throw new AssayError('CONFIG_INVALID', `Invalid labelling task${field ? ` field "${field}"` : ''}: ${issue.message}.`, { where: { field }, hint: 'See `assay label create --help`.' });
  }
  const spec = parsed.data;
  if (!mayCreate(viewer)) {
    throw await deniedError(ctx, viewer, { step: 'task.create', object: { type: 'label_task', id: '(new)', label: 'UNCLASSIFIED' } }, `None of the roles of ${viewer.id} (${viewer.roles.join(', ')}) may create labelling tasks.`, 'Ask an admin for the annotator or evaluator role.');
  }
  if (spec.perItem > spec.annotators.length) {
    throw new AssayError('USAGE', `--per-item ${spec.perItem} needs at least ${spec.perItem} annotators; ${spec.annotators.length} named.`, { where: { field: 'perItem' }, hint: 'Name more annotators or lower --per-item.' });
  }
  const annotators = await resolveAnnotators(deps.identity, spec.annotators);
  const { items, errors } = await loadItems(viewer, spec.source, spec.spec.kind === 'pairwise', deps);
  if (items.length === 0) {
    const first = errors[0];
    throw new AssayError('DATASET_INVALID', `The source gave no items to label${errors.length ? ` (${errors.length} rejected)` : ''}.`, {
      where: first?.line !== undefined && spec.source.type === 'file' ? { file: spec.source.path, line: first.line } : undefined,
      hint: first ? `First problem: ${first.reason}.` : 'Check the source, and that your clearance covers its contents.',
    });
  }
  const users = new Map(annotators.map((u) => [u.id, u]));
  const plan = planAssignments(items, spec.annotators, spec.perItem, (a, item) => authorize(users.get(a)!, 'annotate', item.label).allowed && canRead(users.get(a)!, item.label));
  const label = derivedLabel(items.map((i) => i.label));
  const id = await newTaskId(ctx);
  const at = ctx.now().toISOString();
  const itemLabel = new Map(items.map((i) => [i.id, i.label]));
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('label_tasks')
      .values({ id, name: spec.name, kind: spec.spec.kind, spec: JSON.stringify({ spec: spec.spec, instructions: spec.instructions }), source: JSON.stringify(spec.source), per_item: spec.perItem, annotators: JSON.stringify(spec.annotators), created_by: viewer.id, created_at: at, label })
      .execute();
    for (let i = 0; i < items.length; i += 200) {
      const rows = items.slice(i, i + 200).map((item, j) => ({
        task_id: id,
        id: item.id,
        ord: i + j,
        content: ctx.cipher.seal(JSON.stringify(item.content), itemContentLocation(id, item.id)),
        ref: JSON.stringify(item.ref),
        label: item.label,
      }));
      await tx.insertInto('label_items').values(rows).execute();
    }
    const assignments = [...plan.byItem].flatMap(([itemId, who]) => who.map((annotator) => ({ task_id: id, item_id: itemId, annotator, assigned_at: at, label: itemLabel.get(itemId)! })));
    for (let i = 0; i < assignments.length; i += 500) await tx.insertInto('label_assignments').values(assignments.slice(i, i + 500)).execute();
  });
  const load = Object.fromEntries(spec.annotators.map((a) => [a, [...plan.byItem.values()].filter((w) => w.includes(a)).length]));
  await auditLabel(ctx, viewer, {
    step: 'task.create',
    object: { type: 'label_task', id, label },
    details: { name: spec.name, kind: spec.spec.kind, source: spec.source.type, items: items.length, rejected: errors.length, annotators: spec.annotators, perItem: spec.perItem, shortfalls: plan.shortfalls.length },
  });
  return { task: (await findTask(ctx, id))!, items: items.length, errors, shortfalls: plan.shortfalls, load };
}

async function resolveAnnotators(identity: IdentityStore, ids: readonly string[]): Promise<User[]> {
  const users: User[] = [];
  const problems: string[] = [];
  for (const id of ids) {
    const user = await identity.getUser(id);
    if (!user) problems.push(`"${id}" is not a user`);
    else if (user.disabled) problems.push(`"${id}" is disabled`);
    else if (!authorize(user, 'annotate').allowed) problems.push(`"${id}" has no role allowed to annotate (${user.roles.join(', ')})`);
    else users.push(user);
  }
  if (problems.length > 0) {
    throw new AssayError('CONFIG_INVALID', `Cannot assign to these annotators: ${problems.join('; ')}.`, { where: { field: 'annotators' }, hint: 'Annotators must be enabled users with the annotator (or admin) role: create them with the identity tools first.' });
  }
  return users;
}

async function newTaskId(ctx: LabelContext): Promise<string> {
  for (;;) {
    const id = `lt-${randomBytes(5).toString('hex')}`;
    if (!(await findTask(ctx, id))) return id;
  }
}

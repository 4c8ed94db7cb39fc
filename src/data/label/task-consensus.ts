/** Consensus over a task: each item's latest annotations through its kind's rule, with reviews applied on top. */
import { AssayError } from '../../errors/index.js';
import type { User } from '../../governance/identity/user.js';
import type { AnnotationValue } from './annotation-value.js';
import { consensusOf, METHODS_BY_KIND, type ConsensusMethod, type ConsensusStatus } from './consensus-rules.js';
import type { LabelContext } from './label-context.js';
import type { ItemContent } from './label-item.js';
import { byItem, latestAnnotations, readAnnotations, readItems, readReviews, requireVisibleTask, type Annotation, type LabelTask, type Review } from './label-repo.js';
import type { TaskKind } from './task-kind.js';

/** One item's consensus. `source` says whether a reviewer's decision or the annotators' votes gave the value. */
export interface ItemConsensus {
  itemId: string;
  label: string;
  content: ItemContent;
  status: ConsensusStatus;
  value?: AnnotationValue;
  source: 'review' | 'consensus' | 'none';
  /** Annotators whose (latest, not rejected) values were counted. */
  annotators: string[];
  detail: Record<string, unknown>;
}

export interface TaskConsensus {
  taskId: string;
  kind: TaskKind;
  method: ConsensusMethod;
  items: ItemConsensus[];
  counts: Record<ConsensusStatus, number>;
}

/**
 * Reviews first: the latest `set` is the final value; a rejected annotation (latest decision on it) is left out of
 * the vote; for free text, the latest accepted response is final. Then the kind's rule over what is left.
 */
function itemConsensus(task: LabelTask, latest: readonly Annotation[], reviews: readonly Review[], method: ConsensusMethod): Omit<ItemConsensus, 'itemId' | 'label' | 'content'> {
  const set = [...reviews].reverse().find((r) => r.decision === 'set');
  const decisionOn = new Map<string, Review>();
  for (const r of reviews) if (r.annotationId !== null) decisionOn.set(r.annotationId, r);
  const counted = latest.filter((a) => decisionOn.get(a.id)?.decision !== 'reject');
  const annotators = counted.map((a) => a.annotator).sort();
  if (set && set.value !== null) return { status: 'resolved', value: set.value, source: 'review', annotators, detail: { reviewer: set.reviewer, note: set.note } };
  if (task.spec.kind === 'free_text') {
    const accepted = [...reviews].reverse().find((r) => r.decision === 'accept' && counted.some((a) => a.id === r.annotationId));
    const chosen = accepted && counted.find((a) => a.id === accepted.annotationId);
    if (chosen) return { status: 'resolved', value: chosen.value, source: 'review', annotators, detail: { reviewer: accepted.reviewer, acceptedFrom: chosen.annotator, note: accepted.note } };
  }
  const outcome = consensusOf(task.spec, counted.map((a) => a.value), method);
  return { ...outcome, source: outcome.value === undefined ? 'none' : 'consensus', annotators };
}

/**
 * The consensus of every item of the task the viewer may read.
 * @example const c = await taskConsensus(ctx, me, taskId, { method: 'median' });
 */
export async function taskConsensus(ctx: LabelContext, viewer: User, taskId: string, options: { method?: ConsensusMethod } = {}): Promise<TaskConsensus> {
  const task = await requireVisibleTask(ctx, viewer, taskId);
  const allowed = METHODS_BY_KIND[task.spec.kind];
  const requested = options.method ?? 'auto';
  if (!allowed.includes(requested)) throw new AssayError('USAGE', `Consensus method "${requested}" does not apply to a ${task.spec.kind} task.`, { hint: `Use one of: ${allowed.join(', ')}.` });
  const method = requested === 'auto' ? allowed[1] ?? 'auto' : requested;
  const items = await readItems(ctx, taskId, viewer);
  const annotations = byItem(latestAnnotations(await readAnnotations(ctx, taskId)));
  const reviews = byItem(await readReviews(ctx, taskId));
  const counts: Record<ConsensusStatus, number> = { resolved: 0, unresolved: 0, needs_review: 0, unannotated: 0 };
  const out = items.map((item) => {
    const c = itemConsensus(task, annotations.get(item.id) ?? [], reviews.get(item.id) ?? [], method);
    counts[c.status] += 1;
    return { itemId: item.id, label: item.label, content: item.content, ...c };
  });
  return { taskId, kind: task.spec.kind, method, items: out, counts };
}

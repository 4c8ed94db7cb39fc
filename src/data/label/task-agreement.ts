/** Inter-annotator agreement of a task (κ, Fleiss' κ, α with sample sizes) and each annotator's counts. */
import type { User } from '../../governance/identity/user.js';
import type { Rating } from '../../stats/agreement.js';
import type { LabelContext } from './label-context.js';
import { latestAnnotations, readAnnotations, readAssignments, readItems, readReviews, requireVisibleTask, type Annotation } from './label-repo.js';
import { agreementStats, type AgreementStats } from './rating-agreement.js';
import { PAIRWISE_VALUES, type TaskKind, type TaskKindSpec } from './task-kind.js';

/** Per annotator: items assigned (that the viewer may see), items annotated, answers given, reviews received. */
export interface AnnotatorCounts {
  annotator: string;
  assigned: number;
  annotated: number;
  revisions: number;
  accepted: number;
  rejected: number;
}

export interface TaskAgreement {
  taskId: string;
  kind: TaskKind;
  /** Items with at least one annotation. */
  items: number;
  annotators: string[];
  /** Classification, pairwise and rating tasks. */
  overall?: AgreementStats;
  /** Multi-label tasks: each choice as a yes/no question. */
  byChoice?: Record<string, AgreementStats>;
  /** Why no statistic applies (span, free text). */
  reason?: string;
  perAnnotator: AnnotatorCounts[];
}

type UnitMap = Map<string, Map<string, Rating>>;

function units(latest: readonly Annotation[], value: (a: Annotation) => Rating): UnitMap {
  const map: UnitMap = new Map();
  for (const a of latest) {
    const m = map.get(a.itemId) ?? new Map<string, Rating>();
    m.set(a.annotator, value(a));
    map.set(a.itemId, m);
  }
  return map;
}

function statsFor(spec: TaskKindSpec, latest: readonly Annotation[]): Pick<TaskAgreement, 'overall' | 'byChoice' | 'reason'> {
  switch (spec.kind) {
    case 'classification':
      return { overall: agreementStats(units(latest, (a) => a.value as string), spec.choices, { level: 'nominal' }) };
    case 'pairwise':
      return { overall: agreementStats(units(latest, (a) => a.value as string), PAIRWISE_VALUES, { level: 'nominal' }) };
    case 'rating': {
      const scale = Array.from({ length: Math.round((spec.max - spec.min) / spec.step) + 1 }, (_, i) => spec.min + i * spec.step);
      return { overall: agreementStats(units(latest, (a) => a.value as number), scale, { level: 'interval', cohenWeights: 'quadratic' }) };
    }
    case 'multi_label':
      return { byChoice: Object.fromEntries(spec.choices.map((c) => [c, agreementStats(units(latest, (a) => ((a.value as string[]).includes(c) ? 'yes' : 'no')), ['yes', 'no'], { level: 'nominal' })])) };
    case 'span':
      return { reason: 'agreement statistics for spans are not computed; see the span consensus' };
    case 'free_text':
      return { reason: 'free text has no agreement statistic; responses go to review' };
  }
}

/**
 * Agreement over the items the viewer may read, from each annotator's latest answer (rejected ones included: this
 * measures the annotators, not the final labels). Nominal α for classification and pairwise, interval α (and
 * quadratic-weighted κ) for ratings.
 * @example const a = await taskAgreement(ctx, me, taskId); a.overall?.krippendorffAlpha.value
 */
export async function taskAgreement(ctx: LabelContext, viewer: User, taskId: string): Promise<TaskAgreement> {
  const task = await requireVisibleTask(ctx, viewer, taskId);
  const visible = new Set((await readItems(ctx, taskId, viewer)).map((i) => i.id));
  const all = (await readAnnotations(ctx, taskId)).filter((a) => visible.has(a.itemId));
  const latest = latestAnnotations(all);
  const assignments = await readAssignments(ctx, taskId);
  const reviews = (await readReviews(ctx, taskId)).filter((r) => visible.has(r.itemId));
  const decision = new Map<string, string>();
  for (const r of reviews) if (r.annotationId !== null) decision.set(r.annotationId, r.decision);
  const names = [...new Set([...task.annotators, ...all.map((a) => a.annotator)])].sort();
  const perAnnotator = names.map((annotator) => {
    const mine = latest.filter((a) => a.annotator === annotator);
    const decided = all.filter((a) => a.annotator === annotator).map((a) => decision.get(a.id));
    return {
      annotator,
      assigned: [...assignments].filter(([item, who]) => visible.has(item) && who.includes(annotator)).length,
      annotated: mine.length,
      revisions: all.filter((a) => a.annotator === annotator).length,
      accepted: decided.filter((d) => d === 'accept').length,
      rejected: decided.filter((d) => d === 'reject').length,
    };
  });
  return {
    taskId,
    kind: task.spec.kind,
    items: new Set(latest.map((a) => a.itemId)).size,
    annotators: [...new Set(latest.map((a) => a.annotator))].sort(),
    ...statsFor(task.spec, latest),
    perAnnotator,
  };
}

/** The kinds of labelling task: one zod discriminated union, the single source for task specs and their types. */
import { z } from 'zod';

const Choices = z
  .array(z.string().trim().min(1).max(200))
  .min(2)
  .refine((xs) => new Set(xs).size === xs.length, 'choices must be distinct');

/** A task kind with its settings; `kind` is the discriminator. */
export const TaskKindSchema = z.discriminatedUnion('kind', [
  /** One choice per item. */
  z.object({ kind: z.literal('classification'), choices: Choices }),
  /** Any subset of the choices per item. */
  z.object({ kind: z.literal('multi_label'), choices: Choices }),
  /** Typed character spans of the item text: value `[{start, end, type}]`. */
  z.object({
    kind: z.literal('span'),
    entityTypes: z
      .array(z.string().trim().min(1).max(100))
      .min(1)
      .refine((xs) => new Set(xs).size === xs.length, 'entity types must be distinct'),
  }),
  /** A number on a scale from min to max in steps of step. */
  z.object({ kind: z.literal('rating'), min: z.number().finite(), max: z.number().finite(), step: z.number().finite().positive().default(1) }),
  /** Which of two responses (a, b) to one prompt is better: `a`, `b` or `tie`. */
  z.object({ kind: z.literal('pairwise') }),
  /** A written response (e.g. a reference answer to the item's prompt). */
  z.object({ kind: z.literal('free_text'), maxLength: z.number().int().positive().max(100_000).default(20_000) }),
]);

export type TaskKindSpec = z.infer<typeof TaskKindSchema>;
export type TaskKind = TaskKindSpec['kind'];
/** The spec of one kind. */
export type KindSpec<K extends TaskKind> = Extract<TaskKindSpec, { kind: K }>;

/** Every task kind, in the order the CLI lists them. */
export const TASK_KINDS = ['classification', 'multi_label', 'span', 'rating', 'pairwise', 'free_text'] as const satisfies readonly TaskKind[];

/** The spec checked, with the cross-field rule a rating scale needs (min < max, max reachable in steps). */
export const CheckedTaskKindSchema = TaskKindSchema.superRefine((spec, ctx) => {
  if (spec.kind !== 'rating') return;
  if (!(spec.min < spec.max)) ctx.addIssue({ code: 'custom', path: ['max'], message: `max (${spec.max}) must be greater than min (${spec.min})` });
  const steps = (spec.max - spec.min) / spec.step;
  if (Math.abs(steps - Math.round(steps)) > 1e-9) ctx.addIssue({ code: 'custom', path: ['step'], message: `step ${spec.step} does not divide ${spec.min}..${spec.max}` });
});

/** Values a pairwise annotation may take. */
export const PAIRWISE_VALUES = ['a', 'b', 'tie'] as const;
export type PairwiseValue = (typeof PAIRWISE_VALUES)[number];

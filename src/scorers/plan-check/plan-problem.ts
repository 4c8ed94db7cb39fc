/** The planning problems plan_check understands, read from a sample's `metadata.problem` through one schema. */
import { z } from 'zod';

/** "HH:MM" on a 24-hour clock. */
export const ClockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour time "HH:MM"');

/** Minutes after midnight of an "HH:MM" time. */
export function clockMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

/** "HH:MM" of minutes after midnight. */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const blockName = z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'a block name (letters and digits)').refine((n) => n.toLowerCase() !== 'table', 'no block may be called "table"');
/** Stacks, each listed bottom (on the table) to top. */
const stacks = z.array(z.array(blockName).min(1));

/** Blocks world: move one clear block at a time onto the table or onto another clear block. */
export const BlocksProblemSchema = z
  .object({
    kind: z.literal('blocks'),
    initial: stacks,
    /** Every goal stack must stand exactly as listed, bottom on the table and nothing on its top block. */
    goal: stacks,
    /** Most moves allowed. */
    maxSteps: z.number().int().positive().optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const all = p.initial.flat().map((b) => b.toUpperCase());
    if (new Set(all).size !== all.length) ctx.addIssue({ code: 'custom', message: 'a block appears twice in initial', path: ['initial'] });
    const goal = p.goal.flat().map((b) => b.toUpperCase());
    if (new Set(goal).size !== goal.length) ctx.addIssue({ code: 'custom', message: 'a block appears twice in goal', path: ['goal'] });
    const unknown = goal.find((b) => !all.includes(b));
    if (unknown) ctx.addIssue({ code: 'custom', message: `goal block ${unknown} is not in initial`, path: ['goal'] });
  });
export type BlocksProblem = z.infer<typeof BlocksProblemSchema>;

/** Meeting scheduling: give every meeting a start time inside the day, around attendees' busy times. */
export const ScheduleProblemSchema = z
  .object({
    kind: z.literal('schedule'),
    day: z.object({ start: ClockSchema, end: ClockSchema }).strict(),
    meetings: z
      .array(z.object({ name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'a one-word meeting name'), duration: z.number().int().positive(), attendees: z.array(z.string().min(1)).min(1) }).strict())
      .min(1),
    /** Person → busy intervals [start, end). */
    busy: z.record(z.string(), z.array(z.tuple([ClockSchema, ClockSchema]))).default({}),
    /** [a, b]: meeting a must end no later than meeting b starts. */
    before: z.array(z.tuple([z.string(), z.string()])).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    const names = p.meetings.map((m) => m.name.toLowerCase());
    if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', message: 'two meetings share a name', path: ['meetings'] });
    for (const [a, b] of p.before) {
      if (!names.includes(a.toLowerCase()) || !names.includes(b.toLowerCase())) ctx.addIssue({ code: 'custom', message: `before names an unknown meeting (${a}, ${b})`, path: ['before'] });
    }
  });
export type ScheduleProblem = z.infer<typeof ScheduleProblemSchema>;

/** Route finding: travel road by road from start to goal, visiting and avoiding places, within a cost budget. */
export const RouteProblemSchema = z
  .object({
    kind: z.literal('route'),
    start: z.string().min(1),
    goal: z.string().min(1),
    /** Two-way roads [place, place, cost]. */
    roads: z.array(z.tuple([z.string().min(1), z.string().min(1), z.number().min(0)])).min(1),
    mustVisit: z.array(z.string().min(1)).default([]),
    avoid: z.array(z.string().min(1)).default([]),
    /** Largest total cost allowed. */
    maxCost: z.number().min(0).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const places = new Set(p.roads.flatMap(([a, b]) => [a.toLowerCase(), b.toLowerCase()]));
    for (const [field, list] of [['start', [p.start]], ['goal', [p.goal]], ['mustVisit', p.mustVisit], ['avoid', p.avoid]] as const) {
      const missing = list.find((x) => !places.has(x.toLowerCase()));
      if (missing) ctx.addIssue({ code: 'custom', message: `${field} names ${missing}, which no road reaches`, path: [field] });
    }
  });
export type RouteProblem = z.infer<typeof RouteProblemSchema>;

/** Any plan_check problem, by `kind`. */
export const PlanProblemSchema = z.discriminatedUnion('kind', [BlocksProblemSchema, ScheduleProblemSchema, RouteProblemSchema]);
export type PlanProblem = z.infer<typeof PlanProblemSchema>;
export type PlanKind = PlanProblem['kind'];

/** What a plan checker concludes: the plan is valid, or the first constraint it breaks. */
import type { PlanStep } from './read-plan.js';

/** A valid plan with a one-line summary, or the first violation (and the step at fault, when one is). */
export type PlanVerdict = { ok: true; summary: string } | { ok: false; violation: string; step?: PlanStep };

/** Checks a parsed plan against one kind of problem; pure and synchronous. */
export type PlanChecker<P> = (problem: P, steps: readonly PlanStep[]) => PlanVerdict;

/** A violation at a step, quoting the step. */
export function stepViolation(step: PlanStep, message: string): PlanVerdict {
  return { ok: false, step, violation: `step ${step.index} ${JSON.stringify(step.text)}: ${message}` };
}

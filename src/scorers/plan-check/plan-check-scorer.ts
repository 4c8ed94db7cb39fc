/** The plan_check scorer: parses the plan in the answer and checks it against the problem in `metadata.problem`. */
import { AssayError } from '../../errors/index.js';
import { answerText } from '../answer-text.js';
import type { Scorer } from '../scorer.js';
import type { SpecOf } from '../scorer-spec.js';
import { PLAN_CHECKERS } from './plan-checkers.js';
import { PlanProblemSchema, type PlanProblem } from './plan-problem.js';
import type { PlanVerdict } from './plan-verdict.js';
import { readPlan, type PlanStep } from './read-plan.js';

function check(problem: PlanProblem, steps: readonly PlanStep[]): PlanVerdict {
  // TypeScript cannot correlate problem.kind with the checker's parameter; PLAN_CHECKERS' type guarantees it.
  const checker = PLAN_CHECKERS[problem.kind].check as (p: PlanProblem, s: readonly PlanStep[]) => PlanVerdict;
  return checker(problem, steps);
}

/**
 * Scores 1 when the plan is valid: every step legal, every constraint kept, the goal reached; else 0 with the first
 * violation. The sample's target (a reference plan) is not used: any valid plan passes. A sample whose
 * `metadata.problem` is not a plan problem is a dataset error (DATASET_INVALID), not a failed plan.
 * @example planCheckScorer({ type: 'plan_check' })
 */
export function planCheckScorer(_spec: SpecOf<'plan_check'>): Scorer {
  return {
    name: 'plan_check',
    kind: 'binary',
    async score(state) {
      const parsed = PlanProblemSchema.safeParse(state.sample.metadata['problem']);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AssayError('DATASET_INVALID', `Sample ${state.sample.id}: metadata.problem is not a plan problem (${issue?.path.join('.') || 'problem'}: ${issue?.message ?? 'invalid'}).`, {
          where: { field: 'metadata.problem' },
          hint: 'plan_check needs metadata.problem with kind blocks, schedule or route; see src/scorers/plan-check/plan-problem.ts.',
        });
      }
      const problem = parsed.data;
      const text = answerText(state);
      const steps = readPlan(text);
      const verdict = check(problem, steps);
      const answer = steps.map((s) => s.text).join('\n');
      const metadata = { kind: problem.kind, steps: steps.length };
      if (verdict.ok) return { value: 1, answer, metadata, explanation: `Valid ${problem.kind} plan: ${verdict.summary}.` };
      const where = verdict.step ? ` (answer line ${verdict.step.line})` : '';
      return {
        value: 0,
        answer,
        metadata: { ...metadata, violation: verdict.violation, ...(verdict.step ? { step: verdict.step.index } : {}) },
        explanation: `Invalid ${problem.kind} plan${where}: ${verdict.violation}.`,
      };
    },
  };
}

/** The plan checkers, one per problem kind; the compiler fails if a kind has none. */
import { BLOCKS_STEP, checkBlocksPlan } from './check-blocks.js';
import { ROUTE_STEP, checkRoutePlan } from './check-route.js';
import { SCHEDULE_STEP, checkSchedulePlan } from './check-schedule.js';
import type { PlanKind, PlanProblem } from './plan-problem.js';
import type { PlanChecker } from './plan-verdict.js';

/** Checker and step syntax by problem kind. */
export const PLAN_CHECKERS: { readonly [K in PlanKind]: { check: PlanChecker<Extract<PlanProblem, { kind: K }>>; step: string } } = {
  blocks: { check: checkBlocksPlan, step: BLOCKS_STEP },
  schedule: { check: checkSchedulePlan, step: SCHEDULE_STEP },
  route: { check: checkRoutePlan, step: ROUTE_STEP },
};

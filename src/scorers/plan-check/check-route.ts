/** Route plans: `go to <place>`, road by road from the start, avoiding places, within budget, via required places. */
import type { RouteProblem } from './plan-problem.js';
import { stepViolation, type PlanChecker } from './plan-verdict.js';

/** The step syntax, as the prompt states it: each line names the next place travelled to. */
export const ROUTE_STEP = 'go to <place>';

const STEP = /^go\s+(?:to\s+)?(?:the\s+)?(.+)$/i;

/**
 * Checks each move in order (a known place, a road from the current place, not a place to avoid, total cost within
 * `maxCost`), then that the route ends at the goal, then that it passed every required place.
 */
export const checkRoutePlan: PlanChecker<RouteProblem> = (problem, steps) => {
  const names = new Map<string, string>();
  const roads = new Map<string, number>();
  const key = (a: string, b: string): string => `${a}\u0000${b}`;
  for (const [a, b, cost] of problem.roads) {
    const [x, y] = [a.toLowerCase(), b.toLowerCase()];
    names.set(x, a);
    names.set(y, b);
    // Two-way; with duplicate roads the cheaper one counts.
    roads.set(key(x, y), Math.min(cost, roads.get(key(x, y)) ?? Infinity));
    roads.set(key(y, x), Math.min(cost, roads.get(key(y, x)) ?? Infinity));
  }
  const avoid = new Set(problem.avoid.map((p) => p.toLowerCase()));
  let here = problem.start.toLowerCase();
  const visited = new Set([here]);
  let cost = 0;
  if (steps.length === 0) return { ok: false, violation: `no steps found; write one "${ROUTE_STEP}" per line after "PLAN:"` };
  for (const step of steps) {
    const m = STEP.exec(step.text);
    if (!m) return stepViolation(step, `not of the form "${ROUTE_STEP}"`);
    const place = m[1]!.trim().toLowerCase();
    const shown = names.get(place) ?? m[1]!.trim();
    if (!names.has(place)) return stepViolation(step, `there is no place called ${shown}`);
    if (place === here) return stepViolation(step, `the route is already at ${shown}`);
    const road = roads.get(key(here, place));
    if (road === undefined) return stepViolation(step, `there is no road from ${names.get(here)} to ${shown}`);
    if (avoid.has(place)) return stepViolation(step, `${shown} must be avoided`);
    cost += road;
    if (problem.maxCost !== undefined && cost > problem.maxCost) return stepViolation(step, `the total cost reaches ${cost}, over the limit of ${problem.maxCost}`);
    here = place;
    visited.add(place);
  }
  if (here !== problem.goal.toLowerCase()) return { ok: false, violation: `the route ends at ${names.get(here)}, not at the goal ${problem.goal}` };
  const skipped = problem.mustVisit.find((p) => !visited.has(p.toLowerCase()));
  if (skipped) return { ok: false, violation: `the route never passes ${skipped}` };
  return { ok: true, summary: `${steps.length} roads from ${problem.start} to ${problem.goal}, total cost ${cost}${problem.maxCost === undefined ? '' : ` (limit ${problem.maxCost})`}` };
};

/** Blocks-world plans: `move <block> onto <block|table>`, one clear block at a time, ending in the goal stacks. */
import type { BlocksProblem } from './plan-problem.js';
import { stepViolation, type PlanChecker } from './plan-verdict.js';

/** The step syntax, as the prompt states it; "from <support>" is optional and, when given, must be true. */
export const BLOCKS_STEP = 'move <block> onto <block or table>';

const STEP = /^move\s+(?:block\s+)?([a-z0-9]+)(?:\s+from\s+(?:the\s+)?(?:block\s+)?([a-z0-9]+))?\s+(?:onto|on to|on top of|on|to)\s+(?:the\s+)?(?:block\s+)?([a-z0-9]+)$/i;
const TABLE = 'TABLE';

/** Block → what it rests on (another block or TABLE); block names compared case-insensitively. */
function supports(stacks: readonly (readonly string[])[]): Map<string, string> {
  const on = new Map<string, string>();
  for (const stack of stacks) stack.forEach((b, i) => on.set(b.toUpperCase(), i === 0 ? TABLE : stack[i - 1]!.toUpperCase()));
  return on;
}

function isClear(on: ReadonlyMap<string, string>, block: string): boolean {
  for (const below of on.values()) if (below === block) return false;
  return true;
}

function onWhat(below: string): string {
  return below === TABLE ? 'the table' : below;
}

/**
 * Checks each move in order (known block; a stated "from" must match; clear; a real change; onto the table or a
 * different clear block), then the step limit, then that every goal stack stands exactly as listed.
 */
export const checkBlocksPlan: PlanChecker<BlocksProblem> = (problem, steps) => {
  const on = supports(problem.initial);
  if (steps.length === 0) return { ok: false, violation: `no steps found; write one "${BLOCKS_STEP}" per line after "PLAN:"` };
  for (const step of steps) {
    const m = STEP.exec(step.text);
    if (!m) return stepViolation(step, `not of the form "${BLOCKS_STEP}"`);
    const block = m[1]!.toUpperCase();
    const from = m[2]?.toUpperCase();
    const dest = m[3]!.toUpperCase();
    const below = on.get(block);
    if (below === undefined) return stepViolation(step, `there is no block ${block}`);
    if (from !== undefined && from !== below) return stepViolation(step, `${block} is on ${onWhat(below)}, not on ${from === TABLE ? 'the table' : from}`);
    if (!isClear(on, block)) return stepViolation(step, `${block} is not clear (another block is on it)`);
    if (dest === block) return stepViolation(step, `a block cannot be moved onto itself`);
    if (dest === below) return stepViolation(step, `${block} is already on ${onWhat(below)}`);
    if (dest !== TABLE) {
      if (!on.has(dest)) return stepViolation(step, `there is no block ${dest}`);
      if (!isClear(on, dest)) return stepViolation(step, `${dest} is not clear (another block is on it)`);
    }
    on.set(block, dest);
  }
  if (problem.maxSteps !== undefined && steps.length > problem.maxSteps) {
    return { ok: false, violation: `the plan has ${steps.length} moves; at most ${problem.maxSteps} are allowed` };
  }
  for (const stack of problem.goal) {
    const want = stack.map((b) => b.toUpperCase());
    for (const [i, b] of want.entries()) {
      const need = i === 0 ? TABLE : want[i - 1]!;
      if (on.get(b) !== need) return { ok: false, violation: `goal not reached: ${b} should be on ${onWhat(need)} but is on ${onWhat(on.get(b)!)}` };
    }
    const top = want.at(-1)!;
    if (!isClear(on, top)) return { ok: false, violation: `goal not reached: nothing should be on ${top}` };
  }
  return { ok: true, summary: `${steps.length} legal moves reach the goal${problem.maxSteps === undefined ? '' : ` (limit ${problem.maxSteps})`}` };
};

/** planning: blocks-world, meeting-scheduling and route problems; the model writes a plan that a checker verifies. */
import path from 'node:path';
import { packageRoot } from '../../../config/package-root.js';
import { defineTask } from '../../../task/define-task.js';
import type { SuiteDefinition } from '../../registry.js';

/** The `planning` suite: 15 problems (5 per kind) scored by plan_check against constraints in metadata.problem. */
export const planningSuite: SuiteDefinition = {
  dimension: 'capability',
  version: '1',
  items: 15,
  card: {
    purpose: 'Planning under constraints: 15 problems written for Assay, 5 of each kind. Blocks world (reach goal stacks moving one clear block at a time, some with a move limit); meeting scheduling (fit every meeting into the day around busy times, shared attendees and "A before B" rules); routes (travel road by road, through required places, around forbidden ones, within a time budget).',
    scoring: 'The model writes "PLAN:" and one step per line ("move <block> onto <block or table>", "<meeting> at HH:MM", "go to <place>"). The plan_check scorer parses the steps and checks them strictly against metadata.problem: each step legal, every constraint kept, the goal reached; any valid plan passes (the target is one reference plan, for people). The explanation names the first violated constraint. Accuracy with Wilson 95% interval, by metadata kind.',
    limits: 'Small (15 items, 5 per kind: intervals are very wide). Problems are small enough to solve by hand; no optimality is asked except the stated move limits and budgets. Only the step syntax above is read: a prose line inside the plan (after "PLAN:" and before a blank line) fails it, and without a "PLAN:" line every non-blank line must be a step.',
  },
  async load() {
    const baseDir = path.join(packageRoot(), 'src', 'suites', 'capability', 'planning');
    const task = defineTask({
      name: 'planning',
      version: 1,
      description: 'Write a plan in a fixed line format; a checker verifies every step and constraint.',
      dataset: { path: 'planning.jsonl', fields: { id: 'id', input: 'input', target: 'target', metadata: ['kind', 'problem'] } },
      solvers: [{ type: 'generate' }],
      scorers: [{ type: 'plan_check' }],
      metrics: { groupBy: ['kind'] },
      config: { temperature: 0, maxTokens: 1536 },
    });
    return { task, baseDir };
  },
};

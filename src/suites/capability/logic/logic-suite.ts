/** logic: short deductive puzzles (syllogisms, orderings, knights and knaves, sets) as multiple choice. */
import path from 'node:path';
import { packageRoot } from '../../../config/package-root.js';
import { defineTask } from '../../../task/define-task.js';
import type { SuiteDefinition } from '../../registry.js';

/** The `logic` suite: 30 multiple-choice items in four kinds, choice scoring, grouped by kind. */
export const logicSuite: SuiteDefinition = {
  dimension: 'capability',
  version: '1',
  items: 30,
  card: {
    purpose: 'Deductive reasoning: 30 puzzles written for Assay, in four kinds: syllogisms and conditionals (8, including invalid forms whose answer is "cannot be determined"), ordering puzzles (8), knights and knaves (7) and set counting (7). Every answer was checked by brute force.',
    scoring: 'Multiple choice (3 or 4 lettered options) ending in "ANSWER: <letter>"; the choice scorer reads the letter. Accuracy with Wilson 95% interval, broken down by metadata kind. Chance is 25–33%.',
    limits: 'Small (30 items; 7–8 per kind). Multiple choice allows guessing and option elimination; the options were not shuffled across runs. Puzzle types are classic, so familiarity helps. English only.',
  },
  async load() {
    const baseDir = path.join(packageRoot(), 'src', 'suites', 'capability', 'logic');
    const task = defineTask({
      name: 'logic',
      version: 1,
      description: 'Deductive reasoning puzzles as multiple choice.',
      dataset: { path: 'logic.jsonl', fields: { id: 'id', input: 'input', target: 'target', choices: 'choices', metadata: ['kind'] } },
      solvers: [{ type: 'multiple_choice' }, { type: 'generate' }],
      scorers: [{ type: 'choice' }],
      metrics: { groupBy: ['kind'] },
      config: { temperature: 0, maxTokens: 1024 },
    });
    return { task, baseDir };
  },
};

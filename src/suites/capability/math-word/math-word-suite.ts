/** math-word: multi-step arithmetic word problems (money, percent, time, units, rates), answered with one number. */
import path from 'node:path';
import { packageRoot } from '../../../config/package-root.js';
import { defineTask } from '../../../task/define-task.js';
import type { SuiteDefinition } from '../../registry.js';

/** The `math-word` suite: 40 problems of 2–5 steps, chain of thought, numeric scoring, grouped by steps. */
export const mathWordSuite: SuiteDefinition = {
  dimension: 'capability',
  version: '1',
  items: 40,
  card: {
    purpose: 'Multi-step arithmetic reasoning: 40 short word problems written for Assay (money, percentages, time, units, rates, ratios), each needing 2 to 5 arithmetic steps (10, 12, 10 and 8 problems). Shows whether accuracy falls as problems get longer.',
    scoring: 'Chain-of-thought prompt ending in "ANSWER: <number>"; the numeric scorer reads the number after the last answer marker (else the last number) and compares it with the target within 1e-6, so "$6.50", "6.5" and "6.50 dollars" all pass. Accuracy with Wilson 95% interval, broken down by metadata steps and topic.',
    limits: 'Small (40 items; a group of 8–12 has wide intervals). Arithmetic only, exact numeric answers, English, single-turn. Steps counts are the author\'s count of arithmetic operations. Problems are new but of a familiar type, so they measure skill at this format rather than anything unseen. Units are not read: an answer in other units than the question asks for (1.5 hours where minutes are asked) fails.',
  },
  async load() {
    const baseDir = path.join(packageRoot(), 'src', 'suites', 'capability', 'math-word');
    const task = defineTask({
      name: 'math-word',
      version: 1,
      description: 'Multi-step arithmetic word problems answered with a number.',
      dataset: { path: 'math-word.jsonl', fields: { id: 'id', input: 'input', target: 'target', metadata: ['steps', 'topic'] } },
      solvers: [{ type: 'chain_of_thought' }, { type: 'generate' }],
      scorers: [{ type: 'numeric', tolerance: 1e-6, relative: false }],
      metrics: { groupBy: ['steps', 'topic'] },
      config: { temperature: 0, maxTokens: 1024 },
    });
    return { task, baseDir };
  },
};

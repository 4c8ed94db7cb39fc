/** reading: questions answerable only from short invented passages shown in the prompt; clustered by passage. */
import path from 'node:path';
import { packageRoot } from '../../../config/package-root.js';
import { defineTask } from '../../../task/define-task.js';
import type { SuiteDefinition } from '../../registry.js';

const PROMPT = `Read the passage, then answer the question using only the passage. Reply with the answer alone: a few words or a number, no explanation.

Passage:
{passage}

Question: {input}
Answer:`;

/** The `reading` suite: 20 questions on 5 passages, match/includes scoring, clustered standard error by passage. */
export const readingSuite: SuiteDefinition = {
  dimension: 'capability',
  version: '1',
  items: 20,
  card: {
    purpose: 'Reading comprehension: 5 invented passages written for Assay (a town custom, an office memo, an island animal, an old bridge, a rail notice) with 4 questions each. The facts are fictional, so the answers come from the passage, not from memory; 4 questions need a small inference (a subtraction of years or counts).',
    scoring: 'The prompt shows the passage and asks for a short answer. match (headline): a target (several accepted forms, e.g. "eleven" or "11") must occur in the answer on word boundaries, ignoring case and edge punctuation. includes: the same without word boundaries (more lenient). Questions on one passage are not independent, so the standard error and interval are clustered by passage (metrics.cluster = passage_id, t with 4 degrees of freedom), and accuracy is broken down by passage.',
    limits: 'Small (20 items but only 5 clusters: the clustered interval is wide). Short answers only; a long answer that mentions a target while saying something wrong still passes, so keep the "answer alone" instruction. English only.',
  },
  async load() {
    const baseDir = path.join(packageRoot(), 'src', 'suites', 'capability', 'reading');
    const task = defineTask({
      name: 'reading',
      version: 1,
      description: 'Answer questions from a passage given in the prompt.',
      dataset: { path: 'reading.jsonl', fields: { id: 'id', input: 'input', target: 'target', metadata: ['passage_id', 'passage'] } },
      solvers: [{ type: 'prompt_template', template: PROMPT }, { type: 'generate' }],
      scorers: [{ type: 'match', location: 'any', ignoreCase: true }, { type: 'includes', ignoreCase: true }],
      metrics: { groupBy: ['passage_id'], cluster: 'passage_id' },
      config: { temperature: 0, maxTokens: 64 },
    });
    return { task, baseDir };
  },
};

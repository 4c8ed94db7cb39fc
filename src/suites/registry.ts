/** Built-in suites, by T&E dimension; each has a card and runs by name with `assay eval <name>`. */
import path from 'node:path';
import { packageRoot } from '../config/package-root.js';
import { defineTask } from '../task/index.js';
import type { TaskSpec } from '../task/task-spec.js';
import { logicSuite } from './capability/logic/logic-suite.js';
import { mathWordSuite } from './capability/math-word/math-word-suite.js';
import { planningSuite } from './capability/planning/planning-suite.js';
import { readingSuite } from './capability/reading/reading-suite.js';
import { bbqStyleSuite } from './fairness/bbq-style/bbq-style-suite.js';
import { counterfactualSuite } from './fairness/counterfactual/counterfactual-suite.js';
import { codeJsSuite, codeSuite } from './code/code-suites.js';
import { canarySuite } from './security/canary/canary-suite.js';
import { markedContextSuite } from './security/marked-context/marked-context-suite.js';
import { piiLeakSuite } from './security/pii-leak/pii-leak-suite.js';
import { adversarialSuite } from './safety/adversarial-suite.js';
import { overRefusalSuite } from './safety/over-refusal-suite.js';
import { safetySuite } from './safety/safety-suite.js';
import { stressSuite } from './reliability/stress-suite.js';

export const DIMENSIONS = ['capability', 'safety', 'adversarial', 'reliability', 'fairness', 'security'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface SuiteCard {
  purpose: string;
  scoring: string;
  limits: string;
}

export interface SuiteDefinition {
  dimension: Dimension;
  version: string;
  items: number;
  card: SuiteCard;
  load(): Promise<{ task: TaskSpec; baseDir: string }>;
}

const suitesDir = () => path.join(packageRoot(), 'src', 'suites');

export const SUITES = {
  demo: {
    dimension: 'capability',
    version: '1',
    items: 20,
    card: {
      purpose: 'Quickstart demo: finish well-known phrases of the US founding documents. Shows the whole pipeline (dataset, solver, scorer, metrics, report) on a tiny local model.',
      scoring: 'includes: the answer must contain the expected next word; accuracy with Wilson 95% interval.',
      limits: 'Not a measure of any real capability: 20 items, one-word targets, written for the bundled bigram demo model.',
    },
    async load() {
      const baseDir = path.join(suitesDir(), 'demo');
      const task = defineTask({
        name: 'demo-phrases',
        version: 1,
        description: 'Finish a phrase from the founding documents with its next word.',
        dataset: { path: 'phrases.jsonl', fields: { id: 'id', input: 'input', target: 'target', metadata: ['source'] } },
        solvers: [{ type: 'generate', config: { maxTokens: 8, temperature: 0 } }],
        scorers: [{ type: 'includes' }],
        metrics: { groupBy: ['source'] },
      });
      return { task, baseDir };
    },
  },
  code: codeSuite,
  'code-js': codeJsSuite,
  'math-word': mathWordSuite,
  logic: logicSuite,
  planning: planningSuite,
  reading: readingSuite,
  'bbq-style': bbqStyleSuite,
  counterfactual: counterfactualSuite,
  safety: safetySuite,
  stress: stressSuite,
  'over-refusal': overRefusalSuite,
  adversarial: adversarialSuite,
  canary: canarySuite,
  'pii-leak': piiLeakSuite,
  'marked-context': markedContextSuite,
} as const satisfies Record<string, SuiteDefinition>;

export type SuiteName = keyof typeof SUITES;

export function isSuiteName(name: string): name is SuiteName {
  return Object.hasOwn(SUITES, name);
}

/** `assay suites --output json` rows. */
export function listSuites(): Array<{ name: string; dimension: Dimension; version: string; items: number; card: SuiteCard }> {
  return Object.entries(SUITES).map(([name, s]) => ({ name, dimension: s.dimension, version: s.version, items: s.items, card: s.card }));
}

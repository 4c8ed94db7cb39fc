/** The `code` (Python) and `code-js` (JavaScript) suites: write a function, scored by running hidden tests in a sandbox. */
import path from 'node:path';
import { packageRoot } from '../../config/package-root.js';
import type { SandboxLanguage } from '../../sandbox/sandbox.js';
import { defineTask } from '../../task/index.js';
import type { SuiteDefinition } from '../registry.js';

const NAMES: Record<SandboxLanguage, { title: string; fence: string; topics: string }> = {
  python: { title: 'Python', fence: 'python', topics: 'strings, lists, parsing, math, matrices, graphs, recursion, validation, algorithms' },
  javascript: { title: 'JavaScript', fence: 'javascript', topics: 'strings, arrays, objects, parsing, functions, math, algorithms' },
};

const LIMITS =
  'Small: differences of a few items are noise (read the Wilson interval). Short self-contained functions only; no multi-file, I/O-heavy or algorithmic-contest problems. ' +
  'Items are original but of a familiar kind, so contamination by similar public problems is likely. Hidden tests check stated behaviour and edge cases, not style or speed (beyond the time limit). ' +
  'The code runs under bubblewrap with no network, a private tmpfs and rlimits; without bubblewrap the suite refuses to run (see the code_exec scorer\'s `unsandboxed`).';

/** One suite per language; `file` is the JSONL dataset in this folder. */
function makeCodeSuite(language: SandboxLanguage, file: string, items: number): SuiteDefinition {
  const { title, fence, topics } = NAMES[language];
  return {
    dimension: 'capability',
    version: '1',
    items,
    card: {
      purpose: `Functional correctness of ${title} code: the model writes one function from its signature and docstring; hidden tests run it. ${items} items written for Assay (${topics}).`,
      scoring: `code_exec: the last \`\`\`${fence} block of the answer (else any fenced block, else the whole answer) runs with the item's hidden asserts in a sandbox; 1 when they all pass within 10 s. Accuracy with Wilson 95% interval, by topic. With --epochs k the reducer is pass_at_k (unbiased pass@k). src/suites/code/reference-${language}.jsonl is an answer key for mock/answer-key that scores 100%.`,
      limits: LIMITS,
    },
    async load() {
      const baseDir = path.join(packageRoot(), 'src', 'suites', 'code');
      const task = defineTask({
        name: `code-${language}`,
        version: 1,
        description: `Write ${title} functions that pass hidden tests.`,
        dataset: { path: file, fields: { id: 'id', input: 'input', metadata: ['tests', 'entry_point', 'topic'] } },
        solvers: [
          {
            type: 'prompt_template',
            template: `{input}\n\nReply with the complete function, including any imports it needs, in a single \`\`\`${fence} code block. Do not include example usage or tests.`,
          },
          { type: 'generate', config: { maxTokens: 1024, temperature: 0 } },
        ],
        scorers: [{ type: 'code_exec', language, timeoutSeconds: 10 }],
        metrics: { groupBy: ['topic'] },
        epochs: { count: 1, reducer: 'pass_at_k' },
      });
      return { task, baseDir };
    },
  };
}

/** `assay eval code`: 20 Python functions. */
export const codeSuite = makeCodeSuite('python', 'python.jsonl', 20);

/** `assay eval code-js`: 10 JavaScript functions. */
export const codeJsSuite = makeCodeSuite('javascript', 'javascript.jsonl', 10);

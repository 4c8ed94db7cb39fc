/** Builds the solver chain of a task from its specs; one typed entry per solver type. */
import { loadDataset, fewShotExamples } from '../dataset/index.js';
import type { SolverSpec, SolverType } from '../task/task-spec.js';
import type { Solver } from './solver.js';
import { chainOfThoughtSolver } from './builtin/chain-of-thought.js';
import { fewShotSolver } from './builtin/few-shot.js';
import { generateSolver } from './builtin/generate.js';
import { multiTurnSolver } from './builtin/multi-turn.js';
import { multipleChoiceSolver } from './builtin/multiple-choice.js';
import { promptTemplateSolver } from './builtin/prompt-template.js';
import { selfCritiqueSolver } from './builtin/self-critique.js';
import { systemMessageSolver } from './builtin/system-message.js';

export interface SolverBuildContext {
  /** Folder that relative dataset paths (few-shot) are read from. */
  baseDir: string;
  signal?: AbortSignal;
}

type Factory<T extends SolverType> = (spec: Extract<SolverSpec, { type: T }>, ctx: SolverBuildContext) => Promise<Solver>;

export const SOLVERS: { [T in SolverType]: Factory<T> } = {
  system_message: async (s) => systemMessageSolver(s.template),
  prompt_template: async (s) => promptTemplateSolver(s.template),
  few_shot: async (s, ctx) => {
    const { samples } = await loadDataset(s.dataset, { baseDir: ctx.baseDir, signal: ctx.signal });
    return fewShotSolver(fewShotExamples(samples, { k: s.k, seed: s.seed }), s.template);
  },
  multiple_choice: async (s) => multipleChoiceSolver(s.template),
  chain_of_thought: async (s) => chainOfThoughtSolver(s.template),
  generate: async (s) => generateSolver(s.config),
  multi_turn: async (s) => multiTurnSolver(s.turns),
  self_critique: async (s) => selfCritiqueSolver(s),
};

/** Creates every solver of a chain, in order. */
export async function createSolvers(specs: readonly SolverSpec[], ctx: SolverBuildContext): Promise<Solver[]> {
  const out: Solver[] = [];
  for (const spec of specs) {
    const factory = SOLVERS[spec.type] as Factory<SolverType>;
    out.push(await factory(spec as never, ctx));
  }
  return out;
}

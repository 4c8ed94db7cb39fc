/** The Solver seam: one step that changes the conversation state. */
import type { Generate, TaskState } from './task-state.js';

export interface SolverContext {
  generate: Generate;
  signal?: AbortSignal;
}

/**
 * @example
 * const upper: Solver = { name: 'upper', async solve(s) { s.messages.at(-1)!.content.toUpperCase(); return s; } };
 */
export interface Solver {
  readonly name: string;
  solve(state: TaskState, ctx: SolverContext): Promise<TaskState>;
}

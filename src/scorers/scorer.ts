/** The Scorer seam: turns a sample's final state into a score with an explanation. */
import type { Generate, TaskState } from '../solvers/task-state.js';

/** A score: `value` is 0..1 for pass/fail scorers, any number for `mean`-style scorers. */
export interface Score {
  value: number;
  /** What the scorer read as the model's answer. */
  answer?: string;
  explanation: string;
  metadata?: Record<string, unknown>;
}

export interface ScoreContext {
  /** Calls a model role (the judge, for model-graded scorers). */
  generate: Generate;
  signal?: AbortSignal;
}

export interface Scorer {
  readonly name: string;
  /** `accuracy` for pass/fail (0/1) scores, `mean` for graded ones. */
  readonly kind: 'binary' | 'continuous';
  score(state: TaskState, ctx: ScoreContext): Promise<Score>;
}

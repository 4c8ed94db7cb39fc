/** The state a solver chain passes along: the conversation so far and the last model output. */
import type { Sample } from '../dataset/sample.js';
import type { ChatMessage, GenerateConfig, ModelOutput } from '../model/types.js';

export interface TaskState {
  readonly sample: Sample;
  readonly epoch: number;
  messages: ChatMessage[];
  output?: ModelOutput;
  /** Choices as shown to the model (after any formatting). */
  choices?: string[];
  /** Set when a limit is hit or a solver ends the sample early; the sample is still scored. */
  completed: boolean;
  /** Free-form data solvers leave for scorers (e.g. the critique). */
  store: Record<string, unknown>;
}

/** Calls the model in a role; records usage, honours limits and the cache. */
export type Generate = (
  messages: ChatMessage[],
  options?: { role?: string; config?: GenerateConfig; signal?: AbortSignal },
) => Promise<ModelOutput>;

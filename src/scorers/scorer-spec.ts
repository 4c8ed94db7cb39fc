/** Picks one member of the ScorerSpec union by its type. */
import type { ScorerSpec, ScorerType } from '../task/task-spec.js';

/** The spec of one scorer type, e.g. `SpecOf<'regex'>`. */
export type SpecOf<T extends ScorerType> = Extract<ScorerSpec, { type: T }>;

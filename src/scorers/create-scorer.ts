/** The scorer registry: one factory per scorer type, and `createScorer` to build one from its spec. */
import type { ScorerSpec, ScorerType } from '../task/task-spec.js';
import { choiceScorer } from './choice/choice-scorer.js';
import { codeExecScorer } from './code-exec/code-exec-scorer.js';
import { exactScorer } from './exact/exact-scorer.js';
import { harmScorer } from './harm/harm-scorer.js';
import { includesScorer } from './includes/includes-scorer.js';
import { jsonSchemaScorer } from './json-schema/json-schema-scorer.js';
import { leakageScorer } from './leakage/leakage-scorer.js';
import { markingScorer } from './marking/marking-scorer.js';
import { matchScorer } from './match/match-scorer.js';
import { modelGradedScorer } from './model-graded/model-graded-scorer.js';
import { numericScorer } from './numeric/numeric-scorer.js';
import { planCheckScorer } from './plan-check/plan-check-scorer.js';
import { refusalScorer } from './refusal/refusal-scorer.js';
import { regexScorer } from './regex/regex-scorer.js';
import type { Scorer } from './scorer.js';
import type { SpecOf } from './scorer-spec.js';
import { strongRejectScorer } from './strongreject/strongreject-scorer.js';

/** Scorer factories by type; the compiler fails if a ScorerType has none. */
export const SCORERS: { readonly [T in ScorerType]: (spec: SpecOf<T>) => Scorer } = {
  exact: exactScorer,
  match: matchScorer,
  includes: includesScorer,
  regex: regexScorer,
  numeric: numericScorer,
  choice: choiceScorer,
  json_schema: jsonSchemaScorer,
  model_graded: modelGradedScorer,
  refusal: refusalScorer,
  strongreject: strongRejectScorer,
  harm: harmScorer,
  leakage: leakageScorer,
  marking: markingScorer,
  plan_check: planCheckScorer,
  code_exec: codeExecScorer,
};

/**
 * Builds a scorer from a parsed spec; throws CONFIG_INVALID for a bad regex, schema or grade list.
 * @example createScorer({ type: 'numeric', tolerance: 0.01, relative: false })
 */
export function createScorer(spec: ScorerSpec): Scorer {
  // TypeScript cannot correlate spec.type with the factory's parameter; SCORERS' type guarantees it.
  const factory = SCORERS[spec.type] as (s: ScorerSpec) => Scorer;
  return factory(spec);
}

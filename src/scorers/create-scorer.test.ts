import { describe, expect, it } from 'vitest';
import { ScorerSpecSchema } from '../task/task-spec.js';
import { SCORERS, createScorer } from './create-scorer.js';
import { NO_MODEL, makeTestState } from './make-test-state.js';

describe('createScorer', () => {
  it('has a factory for every scorer type in the task schema', () => {
    const types = ScorerSpecSchema.options.map((o) => o.shape.type.value).sort();
    expect(Object.keys(SCORERS).sort()).toEqual(types);
  });

  it('builds each scorer from a parsed spec, named for its type', async () => {
    const specs = [
      { type: 'exact' },
      { type: 'match' },
      { type: 'includes' },
      { type: 'regex', pattern: 'x' },
      { type: 'numeric' },
      { type: 'choice' },
      { type: 'json_schema', schema: { type: 'object' } },
      { type: 'model_graded', rubric: 'r' },
    ].map((s) => ScorerSpecSchema.parse(s));
    for (const spec of specs) {
      const scorer = createScorer(spec);
      expect(scorer.name).toBe(spec.type);
      expect(scorer.kind).toBe(spec.type === 'model_graded' ? 'continuous' : 'binary');
    }
    const match = createScorer(ScorerSpecSchema.parse({ type: 'match' }));
    expect((await match.score(makeTestState('The answer is 42.', { target: '42' }), NO_MODEL)).value).toBe(1);
  });
});

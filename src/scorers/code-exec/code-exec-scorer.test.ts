import { describe, expect, it } from 'vitest';
import { ScorerSpecSchema } from '../../task/task-spec.js';
import { NO_MODEL, makeTestState } from '../make-test-state.js';
import { createScorer } from '../create-scorer.js';

const scorer = (spec: Record<string, unknown> = {}) => createScorer(ScorerSpecSchema.parse({ type: 'code_exec', ...spec }));
const TESTS = 'assert add(2, 3) == 5\nassert add(-1, 1) == 0';
const score = (answer: string, tests = TESTS, spec: Record<string, unknown> = {}) =>
  scorer(spec).score(makeTestState(answer, { target: '', metadata: { tests } }), NO_MODEL);

describe('code_exec scorer', () => {
  it('scores a correct solution 1 and an incorrect one 0, with the failing assert in the explanation', async () => {
    const good = await score('Sure:\n```python\ndef add(a, b):\n    return a + b\n```');
    expect(good.value).toBe(1);
    expect(good.answer).toBe('def add(a, b):\n    return a + b\n');
    expect(good.explanation).toMatch(/^The code \(from the last ```python block\) passed the hidden tests/);
    expect(good.metadata).toMatchObject({ language: 'python', sandbox: 'bubblewrap', exitCode: 0 });

    const bad = await score('```python\ndef add(a, b):\n    return a - b\n```');
    expect(bad.value).toBe(0);
    expect(bad.explanation).toContain('failed the hidden tests (exit 1)');
    expect(bad.explanation).toContain('assert add(2, 3) == 5');
    expect(bad.explanation).toContain('AssertionError');
  });

  it('scores 0 for no code, no tests, a syntax error, and a program that never ends', async () => {
    expect((await score('')).explanation).toBe('The answer contains no code.');
    expect((await score('def add(a, b): return a + b', '')).explanation).toMatch(/no hidden tests/);
    const syntax = await score('```python\ndef add(a, b) return a + b\n```');
    expect(syntax.value).toBe(0);
    expect(syntax.explanation).toContain('SyntaxError');
    const slow = await score('```python\ndef add(a, b):\n    while True:\n        pass\n```', TESTS, { timeoutSeconds: 1 });
    expect(slow.value).toBe(0);
    expect(slow.explanation).toMatch(/stopped at the 1s (CPU|wall-clock) limit/);
  });

  it('runs JavaScript as CommonJS or as an ES module, with tests from the target', async () => {
    const tests = 'if (add(2, 3) !== 5) throw new Error("add(2, 3) should be 5");';
    const js = scorer({ language: 'javascript' });
    const state = (answer: string) => makeTestState(answer, { target: tests });
    expect((await js.score(state('```js\nfunction add(a, b) { return a + b }\nmodule.exports = { add };\n```'), NO_MODEL)).value).toBe(1);
    expect((await js.score(state('```javascript\nexport function add(a, b) { return a + b; }\n```'), NO_MODEL)).value).toBe(1);
    const wrong = await js.score(state('```javascript\nconst add = (a, b) => a * b;\n```'), NO_MODEL);
    expect(wrong.value).toBe(0);
    expect(wrong.explanation).toContain('add(2, 3) should be 5');
  });

  it('refuses to be built without bubblewrap unless unsandboxed is allowed, and then says so on every score', async () => {
    const saved = process.env['ASSAY_BWRAP'];
    process.env['ASSAY_BWRAP'] = '/nonexistent/bwrap';
    try {
      expect(() => scorer()).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
      const s = await scorer({ unsandboxed: true }).score(makeTestState('```python\ndef add(a, b):\n    return a + b\n```', { metadata: { tests: TESTS } }), NO_MODEL);
      expect(s.value).toBe(1);
      expect(s.explanation).toMatch(/^\[UNSANDBOXED\] /);
      expect(s.metadata).toMatchObject({ sandbox: 'none', warning: expect.stringMatching(/^UNSANDBOXED: /) });
    } finally {
      if (saved === undefined) delete process.env['ASSAY_BWRAP'];
      else process.env['ASSAY_BWRAP'] = saved;
    }
  });
});

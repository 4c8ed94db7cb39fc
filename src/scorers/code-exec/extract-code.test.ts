import { describe, expect, it } from 'vitest';
import { buildProgram, hiddenTests } from './build-program.js';
import { extractCode } from './extract-code.js';

describe('extractCode', () => {
  it('takes the last block in the language, over earlier ones and other languages', () => {
    const answer = 'First try:\n```python\ndef f(): return 0\n```\nUsage:\n```bash\npython f.py\n```\nFixed:\n```py\ndef f(): return 1\n```\nDone.';
    expect(extractCode(answer, 'python')).toEqual({ code: 'def f(): return 1\n', from: 'the last ```py block' });
  });

  it('falls back to an untagged block, then to any block, then to the whole answer', () => {
    expect(extractCode('```\nconst a = 1;\n```\n```text\nnote\n```', 'javascript')).toEqual({ code: 'const a = 1;\n', from: 'the last ``` block' });
    expect(extractCode('```ruby\nputs 1\n```', 'python').from).toBe('the last ```ruby block');
    expect(extractCode('  def f():\n    return 2\n', 'python')).toEqual({ code: 'def f():\n    return 2', from: 'the whole answer (no ``` block)' });
  });

  it('reads a block left open when the answer ran out of tokens, and ignores thinking', () => {
    expect(extractCode('<think>```python\nwrong\n```</think>Here:\n```js\nfunction g() {\n  return 1;', 'javascript')).toEqual({ code: 'function g() {\n  return 1;', from: 'the last ```js block' });
  });
});

describe('buildProgram and hiddenTests', () => {
  it('appends the tests to the code; JavaScript with import/export runs as an ES module', () => {
    expect(buildProgram('python', 'def f(): return 1', 'assert f() == 1')).toEqual({ files: { 'main.py': 'def f(): return 1\n\n\nassert f() == 1\n' }, command: ['main.py'] });
    expect(buildProgram('javascript', 'function f() {}', 'f();').command).toEqual(['main.js']);
    expect(buildProgram('javascript', 'export function f() {}', 'f();').command).toEqual(['main.mjs']);
    expect(buildProgram('javascript', "import { strict } from 'node:assert';\nconst f = 1;", '').command).toEqual(['main.mjs']);
    expect(buildProgram('javascript', 'const s = "export default";', '').command).toEqual(['main.js']);
  });

  it('reads tests from metadata, else from the target', () => {
    const base = { id: 'a', input: 'q', metadata: {}, label: 'U' };
    expect(hiddenTests({ ...base, target: '', metadata: { tests: 'assert 1' } })).toBe('assert 1');
    expect(hiddenTests({ ...base, target: '', metadata: { tests: ['assert 1', 'assert 2'] } })).toBe('assert 1\nassert 2');
    expect(hiddenTests({ ...base, target: ['assert 3', 'assert 4'] })).toBe('assert 3\nassert 4');
    expect(hiddenTests({ ...base, target: '' })).toBe('');
  });
});

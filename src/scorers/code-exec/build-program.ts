/** Puts the model's code and a sample's hidden tests into one program file for the sandbox. */
import type { Sample } from '../../dataset/sample.js';
import type { SandboxLanguage } from '../../sandbox/sandbox.js';

export interface Program {
  files: Record<string, string>;
  command: string[];
}

/** An ES module (import/export at the top level) must run as .mjs; everything else runs as CommonJS .js. */
const ESM = /^\s*(?:import\s*(?:[\w*{][^;\n]*\bfrom\s*)?['"]|export\s+(?:default\b|async\b|function\b|class\b|const\b|let\b|var\b|\{))/m;

/**
 * The tests run after the code in the same file, so they see its top-level names; a failing assert exits non-zero.
 * @example buildProgram('python', 'def f(): return 1', 'assert f() == 1') // { files: { 'main.py': … }, command: ['main.py'] }
 */
export function buildProgram(language: SandboxLanguage, code: string, tests: string): Program {
  if (language === 'python') {
    return { files: { 'main.py': `${code}\n\n\n${tests}\n` }, command: ['main.py'] };
  }
  const file = ESM.test(code) ? 'main.mjs' : 'main.js';
  // `;` ends a last statement the model left open, so the tests do not continue it.
  return { files: { [file]: `${code}\n;\n${tests}\n` }, command: [file] };
}

/** A sample's hidden tests: metadata `tests` (text or a list of lines), else its target(s). '' when it has none. */
export function hiddenTests(sample: Sample): string {
  const tests = sample.metadata['tests'];
  if (typeof tests === 'string') return tests;
  if (Array.isArray(tests) && tests.every((t) => typeof t === 'string')) return tests.join('\n');
  return Array.isArray(sample.target) ? sample.target.join('\n') : sample.target;
}

// The code suites: every hidden test passes its reference answer and fails a stub; `assay eval code` scores known answers right.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonOutput, runCli } from '../../../test/helpers/cli.js';
import { loadDataset } from '../../dataset/load-dataset.js';
import { parseAnswerKey } from '../../providers/mock/answer-key.js';
import { createScorer } from '../../scorers/create-scorer.js';
import { NO_MODEL, makeTestState } from '../../scorers/make-test-state.js';
import { SUITES } from '../registry.js';

const DIR = import.meta.dirname;
const reference = (language: string) => {
  const file = path.join(DIR, `reference-${language}.jsonl`);
  return parseAnswerKey(readFileSync(file, 'utf8'), file);
};

describe.each([
  ['code', 'python'],
  ['code-js', 'javascript'],
] as const)('suite %s', (name, language) => {
  it('has the items its card says, each with hidden tests that pass the reference answer and fail a stub', async () => {
    const suite = SUITES[name];
    const { task, baseDir } = await suite.load();
    expect(task.scorers).toEqual([{ type: 'code_exec', language, timeoutSeconds: 10, unsandboxed: false }]);
    expect(task.epochs.reducer).toBe('pass_at_k');
    const { samples, rejected } = await loadDataset(task.dataset, { baseDir });
    expect(rejected).toEqual([]);
    expect(samples).toHaveLength(suite.items);
    const answers = reference(language);
    expect(answers).toHaveLength(samples.length);
    const scorer = createScorer(task.scorers[0]!);
    for (const sample of samples) {
      const prompt = sample.input as string;
      const entry = String(sample.metadata['entry_point']);
      expect(prompt).toContain(entry);
      expect(String(sample.metadata['tests'])).not.toBe('');
      const answer = answers.find((a) => prompt.includes(a.match));
      expect(answer, `reference answer for ${sample.id}`).toBeDefined();
      const good = await scorer.score(makeTestState(answer!.response, sample), NO_MODEL);
      expect(good.value, `${sample.id}: ${good.explanation}`).toBe(1);
      const stub = language === 'python' ? `\`\`\`python\ndef ${entry}(*args, **kwargs):\n    return None\n\`\`\`` : `\`\`\`js\nfunction ${entry}() { return undefined; }\n\`\`\``;
      expect((await scorer.score(makeTestState(stub, sample), NO_MODEL)).value, `${sample.id} stub`).toBe(0);
    }
  });
});

describe('assay eval code', () => {
  it('scores the answers of mock/answer-key: three right, one wrong, sixteen unanswered → accuracy 3/20', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'assay-code-suite-'));
    try {
      const right = reference('python').filter((a) => ['def run_length_encode(', 'def word_frequencies(', 'def count_islands('].includes(a.match));
      expect(right).toHaveLength(3);
      const wrong = { match: 'def is_balanced(', response: '```python\ndef is_balanced(text):\n    return text.count("(") == text.count(")")\n```' };
      const answersFile = path.join(dir, 'answers.jsonl');
      writeFileSync(answersFile, [...right, wrong].map((a) => JSON.stringify(a)).join('\n'));
      const r = await runCli(['eval', 'code', '--model', 'mock/answer-key', '-M', `answers_file=${answersFile}`, '--output', 'json', '-q'], { env: { ASSAY_HOME: dir, ASSAY_DATABASE_URL: '' } });
      expect(r.code, r.stderr).toBe(0);
      const out = parseJsonOutput<{ status: string; samples: { total: number; completed: number; errored: number }; metrics: Record<string, Record<string, { value: number }>> }>(r);
      expect(out.status).toBe('completed');
      expect(out.samples).toEqual({ total: 20, completed: 20, errored: 0 });
      expect(out.metrics['code_exec']!['accuracy']!.value).toBeCloseTo(3 / 20, 12);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

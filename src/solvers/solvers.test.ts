// Each built-in solver, with a scripted generate that records what the model was sent.
import { describe, expect, it } from 'vitest';
import type { Sample } from '../dataset/sample.js';
import type { ChatMessage, ModelOutput } from '../model/types.js';
import { chainOfThoughtSolver } from './builtin/chain-of-thought.js';
import { fewShotSolver } from './builtin/few-shot.js';
import { generateSolver } from './builtin/generate.js';
import { multiTurnSolver } from './builtin/multi-turn.js';
import { multipleChoiceSolver } from './builtin/multiple-choice.js';
import { promptTemplateSolver } from './builtin/prompt-template.js';
import { selfCritiqueSolver } from './builtin/self-critique.js';
import { systemMessageSolver } from './builtin/system-message.js';
import { createSolvers } from './registry.js';
import type { SolverContext } from './solver.js';
import { initialState } from './state.js';
import { renderTemplate } from './template.js';

const sample = (over: Partial<Sample> = {}): Sample => ({ id: 's1', input: 'What is 2+2?', target: '4', metadata: { topic: 'arith' }, label: 'UNCLASSIFIED', ...over });

function scripted(replies: string[]) {
  const sent: Array<{ messages: ChatMessage[]; role?: string }> = [];
  const ctx: SolverContext = {
    async generate(messages, opts) {
      sent.push({ messages: messages.map((m) => ({ ...m })), role: opts?.role });
      const text = replies[sent.length - 1] ?? 'none';
      const out: ModelOutput = { text, finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 } };
      return out;
    },
  };
  return { ctx, sent };
}

describe('renderTemplate', () => {
  it('fills known names, dotted paths, and leaves unknown braces alone', () => {
    expect(renderTemplate('Q: {input} ({metadata.topic}) {"json": 1} {unknown}', { input: 'x', metadata: { topic: 't' } })).toBe('Q: x (t) {"json": 1} {unknown}');
  });
});

describe('built-in solvers', () => {
  it('system_message goes first, prompt_template rewrites the last user message, generate appends the answer', async () => {
    const { ctx, sent } = scripted(['4']);
    let state = initialState(sample(), 1);
    state = await systemMessageSolver('You answer {topic} questions.').solve(state, ctx);
    state = await promptTemplateSolver('Question: {input}\nAnswer:').solve(state, ctx);
    state = await generateSolver({ temperature: 0 }).solve(state, ctx);
    expect(sent[0]!.messages).toEqual([
      { role: 'system', content: 'You answer arith questions.' },
      { role: 'user', content: 'Question: What is 2+2?\nAnswer:' },
    ]);
    expect(state.messages.at(-1)).toEqual({ role: 'assistant', content: '4' });
    expect(state.output?.text).toBe('4');
  });

  it('multiple_choice letters the choices; without choices it leaves the prompt alone', async () => {
    const { ctx } = scripted([]);
    const withChoices = await multipleChoiceSolver().solve(initialState(sample({ choices: ['3', '4', '5'] }), 1), ctx);
    const prompt = withChoices.messages[0]!.content;
    expect(prompt).toContain('A) 3\nB) 4\nC) 5');
    expect(prompt).toContain('A, B, C');
    expect(prompt).toContain('What is 2+2?');
    const without = await multipleChoiceSolver().solve(initialState(sample(), 1), ctx);
    expect(without.messages[0]!.content).toBe('What is 2+2?');
  });

  it('chain_of_thought asks for reasoning and a final ANSWER line', async () => {
    const { ctx } = scripted([]);
    const s = await chainOfThoughtSolver().solve(initialState(sample(), 1), ctx);
    expect(s.messages[0]!.content.startsWith('What is 2+2?')).toBe(true);
    expect(s.messages[0]!.content).toContain('ANSWER: $ANSWER');
  });

  it('few_shot puts examples first and never shows a sample its own answer', async () => {
    const { ctx } = scripted([]);
    const examples = [sample({ id: 'e1', input: '1+1?', target: '2' }), sample({ id: 's1', input: 'What is 2+2?', target: '4' })];
    const s = await fewShotSolver(examples, 'Q: {input}\nA: {target}').solve(initialState(sample(), 1), ctx);
    expect(s.messages[0]!.content).toBe('Q: 1+1?\nA: 2\n\nWhat is 2+2?');
  });

  it('multi_turn sends each scripted turn after the previous answer', async () => {
    const { ctx, sent } = scripted(['first', 'second']);
    const s = await multiTurnSolver(['Are you sure about "{input}"?', 'Final answer?']).solve(initialState(sample(), 1), ctx);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.messages.at(-1)!.content).toBe('Are you sure about "What is 2+2?"?');
    expect(sent[1]!.messages.map((m) => m.role)).toEqual(['user', 'user', 'assistant', 'user']);
    expect(s.output?.text).toBe('second');
  });

  it('self_critique critiques the answer, then asks for an improved one', async () => {
    const { ctx, sent } = scripted(['5', 'The answer is wrong: 2+2 is 4.', 'ANSWER: 4']);
    let state = await generateSolver().solve(initialState(sample(), 1), ctx);
    state = await selfCritiqueSolver().solve(state, ctx);
    expect(sent[1]!.messages[0]!.content).toContain('[Answer]: 5');
    expect(sent[2]!.messages.at(-1)!.content).toContain('[Critique]: The answer is wrong: 2+2 is 4.');
    expect(state.store['critique']).toBe('The answer is wrong: 2+2 is 4.');
    expect(state.output?.text).toBe('ANSWER: 4');
  });

  it('createSolvers builds a chain from specs in order', async () => {
    const chain = await createSolvers([{ type: 'system_message', template: 'x' }, { type: 'generate' }], { baseDir: '.' });
    expect(chain.map((s) => s.name)).toEqual(['system_message', 'generate']);
  });

  it('chat-message inputs are kept as the starting conversation', () => {
    const s = initialState(sample({ input: [{ role: 'system', content: 'sys' }, { role: 'user', content: 'hi' }] }), 2);
    expect(s.messages).toEqual([{ role: 'system', content: 'sys' }, { role: 'user', content: 'hi' }]);
    expect(s.epoch).toBe(2);
  });
});

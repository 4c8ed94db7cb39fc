/** Test helper: a judge model that replies by rule and records every prompt it was sent. */
import type { ChatMessage, ModelOutput } from '../model/types.js';
import type { Generate } from '../solvers/task-state.js';
import type { JudgeCall } from './judge-call.js';

/** A JudgeCall that also keeps the prompts and roles it was called with. */
export interface FakeJudge extends JudgeCall {
  prompts: string[];
  roles: (string | undefined)[];
}

/** A judge whose reply is `reply`, or `reply(prompt)`. */
export function fakeJudge(reply: string | ((prompt: string) => string), role = 'judge'): FakeJudge {
  const prompts: string[] = [];
  const roles: (string | undefined)[] = [];
  const generate: Generate = async (messages: ChatMessage[], options): Promise<ModelOutput> => {
    const prompt = messages.map((m) => m.content).join('\n');
    prompts.push(prompt);
    roles.push(options?.role);
    const text = typeof reply === 'string' ? reply : reply(prompt);
    return { text, finishReason: 'stop', usage: { inputTokens: 10, outputTokens: 5 } };
  };
  return { generate, role, prompts, roles };
}

/** The text between the real (nonce-carrying) delimiters of section `name` in a judge prompt. */
export function sectionOf(prompt: string, name: string): string {
  const nonce = /<<<[A-Z]+ ([0-9a-f-]{36})>>>/.exec(prompt)![1]!;
  const start = prompt.indexOf(`<<<${name} ${nonce}>>>`);
  const end = prompt.indexOf(`<<<END ${name} ${nonce}>>>`);
  if (start < 0 || end < 0) throw new Error(`no ${name} section in the prompt`);
  return prompt.slice(start + `<<<${name} ${nonce}>>>`.length, end);
}

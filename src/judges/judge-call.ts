/** How a safety judge reaches its model: a Generate in a role, so scorers and `assay judge validate` share it. */
import { randomUUID } from 'node:crypto';
import type { Generate } from '../solvers/task-state.js';

/** The judge model: `generate` called in `role` (default role name: 'judge'). */
export interface JudgeCall {
  generate: Generate;
  role: string;
  signal?: AbortSignal;
}

/** What a judge replied, with the nonce its prompt's delimiters carried. */
export interface JudgeReply {
  reply: string;
  nonce: string;
}

/** Builds the prompt with a fresh nonce, sends it as one user message, and returns the reply text. */
export async function askJudge(buildPrompt: (nonce: string) => string, call: JudgeCall): Promise<JudgeReply> {
  const nonce = randomUUID();
  const out = await call.generate([{ role: 'user', content: buildPrompt(nonce) }], { role: call.role, signal: call.signal });
  return { reply: out.text, nonce };
}

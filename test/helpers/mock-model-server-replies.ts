/** Pure request → reply functions of the mock model server: OpenAI, Anthropic and a generic /generate. */
import { countWords } from '../../src/providers/shared/count-words.js';
import { findAnswer, type AnswerEntry } from '../../src/providers/mock/answer-key.js';

/** A reply the server writes as JSON with this status. */
export interface Reply {
  status: number;
  body: unknown;
}

interface Answer {
  text: string;
  truncated: boolean;
}

type Json = Record<string, unknown>;

/** The answer for `prompt`: the first answer-key match, else an echo; cut to `maxTokens` words when given. */
export function answerFor(entries: readonly AnswerEntry[], prompt: string, maxTokens: unknown): Answer {
  const full = findAnswer(entries, prompt) ?? prompt;
  if (typeof maxTokens !== 'number' || maxTokens <= 0) return { text: full, truncated: false };
  const words = full.trim().split(/\s+/);
  if (words.length <= maxTokens) return { text: full, truncated: false };
  return { text: words.slice(0, maxTokens).join(' '), truncated: true };
}

/** `POST /v1/chat/completions` (OpenAI): usage always, logprobs when `logprobs: true`. */
export function chatCompletionReply(entries: readonly AnswerEntry[], body: Json, id: number): Reply {
  const messages = readMessages(body['messages']);
  if (!messages) return badRequest('messages must be an array of {role, content}');
  const answer = answerFor(entries, lastUser(messages), body['max_tokens'] ?? body['max_completion_tokens']);
  const promptTokens = countWords(messages.map((m) => m.content).join(' '));
  const completionTokens = countWords(answer.text);
  return {
    status: 200,
    body: {
      id: `chatcmpl-mock-${id}`,
      object: 'chat.completion',
      created: 0,
      model: typeof body['model'] === 'string' ? body['model'] : 'mock',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: answer.text },
          finish_reason: answer.truncated ? 'length' : 'stop',
          logprobs: body['logprobs'] === true ? { content: fakeLogprobs(answer.text) } : null,
        },
      ],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    },
  };
}

/** `POST /v1/messages` (Anthropic): `system` is separate; content may be text or text blocks. */
export function anthropicMessageReply(entries: readonly AnswerEntry[], body: Json, id: number): Reply {
  const messages = readMessages(body['messages']);
  if (!messages) return badRequest('messages must be an array of {role, content}');
  const answer = answerFor(entries, lastUser(messages), body['max_tokens']);
  const system = typeof body['system'] === 'string' ? body['system'] : '';
  return {
    status: 200,
    body: {
      id: `msg_mock_${id}`,
      type: 'message',
      role: 'assistant',
      model: typeof body['model'] === 'string' ? body['model'] : 'mock',
      content: [{ type: 'text', text: answer.text }],
      stop_reason: answer.truncated ? 'max_tokens' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: countWords([system, ...messages.map((m) => m.content)].join(' ')), output_tokens: countWords(answer.text) },
    },
  };
}

/** `POST /generate`: `{prompt, max_tokens?}` → `{output, usage: {input_tokens, output_tokens}}`. */
export function generateReply(entries: readonly AnswerEntry[], body: Json): Reply {
  const prompt = body['prompt'];
  if (typeof prompt !== 'string') return badRequest('prompt must be a string');
  const answer = answerFor(entries, prompt, body['max_tokens']);
  return { status: 200, body: { output: answer.text, usage: { input_tokens: countWords(prompt), output_tokens: countWords(answer.text) } } };
}

/** `GET /v1/models`. */
export function modelsReply(): Reply {
  return { status: 200, body: { object: 'list', data: [{ id: 'mock', object: 'model', created: 0, owned_by: 'assay' }] } };
}

function readMessages(value: unknown): { role: string; content: string }[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: { role: string; content: string }[] = [];
  for (const item of value as unknown[]) {
    if (item === null || typeof item !== 'object') return undefined;
    const role: unknown = Reflect.get(item, 'role');
    const content = textOf(Reflect.get(item, 'content'));
    if (typeof role !== 'string' || content === undefined) return undefined;
    out.push({ role, content });
  }
  return out;
}

/** Plain string content, or the joined text of `[{type: 'text', text}]` blocks. */
function textOf(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  return (content as unknown[])
    .map((block) => (block !== null && typeof block === 'object' && typeof Reflect.get(block, 'text') === 'string' ? String(Reflect.get(block, 'text')) : ''))
    .join('');
}

function lastUser(messages: readonly { role: string; content: string }[]): string {
  return messages.findLast((m) => m.role === 'user')?.content ?? '';
}

/** One entry per word, with a deterministic logprob in (-1, 0). */
function fakeLogprobs(text: string): { token: string; logprob: number; bytes: null; top_logprobs: [] }[] {
  const words = text.trim() === '' ? [] : text.trim().split(/\s+/);
  return words.map((token, i) => ({ token, logprob: -((i % 9) + 1) / 10, bytes: null, top_logprobs: [] }));
}

function badRequest(message: string): Reply {
  return { status: 400, body: { error: { message, type: 'invalid_request_error' } } };
}

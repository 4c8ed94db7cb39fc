/** Deterministic scripted models for tests and demos, picked by name: `mock/echo`, `mock/answer-key`… */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { AssayError } from '../../errors/index.js';
import type { CallOptions, ChatMessage, GenerateRequest, ModelOutput, ModelProvider, ModelRef } from '../../model/index.js';
import { countWords } from '../shared/count-words.js';
import { lastUserText } from '../shared/last-user-text.js';
import { countArg } from '../shared/provider-args.js';
import { findAnswer, loadAnswerKey, type AnswerEntry } from './answer-key.js';

/** `-M` arguments of `mock/<behaviour>`; each behaviour reads the ones it needs. */
export const MockArgsSchema = z
  .object({
    /** mock/constant: the text to return. */
    text: z.string().optional(),
    /** mock/answer-key: JSONL file of {"match", "response"}. */
    answers_file: z.string().min(1).optional(),
    /** mock/answer-key: the answer when nothing matches (default ''). */
    default: z.string().optional(),
    /** mock/slow: how long to wait before echoing (default 1000). */
    delay_ms: countArg.optional(),
  })
  .strict();
export type MockArgs = z.output<typeof MockArgsSchema>;

interface Script {
  args: MockArgs;
  answers: readonly AnswerEntry[];
}
type Behaviour = (messages: readonly ChatMessage[], script: Script, signal: AbortSignal | undefined) => Promise<string>;

const REFUSAL = "I can't help with that.";

/** The scripted behaviours, by model name. */
export const MOCK_BEHAVIOURS = {
  echo: async (messages) => lastUserText(messages),
  constant: async (_messages, { args }) => args.text ?? '',
  'answer-key': async (messages, { args, answers }) => findAnswer(answers, lastUserText(messages)) ?? args.default ?? '',
  garbage: async () => {
    throw new AssayError('MODEL_BAD_RESPONSE', 'mock/garbage sent a response Assay cannot read (scripted failure).', {
      hint: 'mock/garbage always fails this way; it exists to test error handling.',
    });
  },
  error: async () => {
    throw new AssayError('MODEL_UNREACHABLE', 'mock/error could not be reached (scripted failure).', {
      hint: 'mock/error always fails this way; it exists to test error handling.',
    });
  },
  slow: async (messages, { args }, signal) => {
    try {
      await sleep(args.delay_ms ?? 1000, undefined, { signal });
    } catch {
      throw aborted();
    }
    return lastUserText(messages);
  },
  refuse: async () => REFUSAL,
} as const satisfies Record<string, Behaviour>;
export type MockBehaviour = keyof typeof MOCK_BEHAVIOURS;

/**
 * Creates `mock/<behaviour>`; an unknown behaviour is MODEL_REF_INVALID, a missing required -M is CONFIG_INVALID.
 *
 * @example await createMockProvider(parseModelRef('mock/constant'), { text: 'B' })
 */
export async function createMockProvider(ref: ModelRef, args: MockArgs, options: CallOptions = {}): Promise<ModelProvider> {
  const name = ref.model;
  if (!isBehaviour(name)) {
    throw new AssayError('MODEL_REF_INVALID', `mock/${name} is not a mock behaviour.`, {
      hint: `Use one of: ${Object.keys(MOCK_BEHAVIOURS).map((b) => `mock/${b}`).join(', ')}.`,
    });
  }
  if (name === 'constant' && args.text === undefined) throw missingArg('mock/constant', 'text');
  if (name === 'answer-key' && args.answers_file === undefined) throw missingArg('mock/answer-key', 'answers_file');
  const key = args.answers_file === undefined ? undefined : await loadAnswerKey(args.answers_file, options);
  const script: Script = { args, answers: key?.entries ?? [] };
  const cacheIdentity: Record<string, unknown> = {
    provider: ref.provider,
    model: name,
    ...(args.text !== undefined ? { text: args.text } : {}),
    ...(args.default !== undefined ? { default: args.default } : {}),
    ...(key ? { answers_sha256: createHash('sha256').update(key.text).digest('hex') } : {}),
  };
  const behaviour: Behaviour = MOCK_BEHAVIOURS[name];
  return {
    id: `${ref.provider}/${name}`,
    cacheIdentity,
    async generate({ messages }: GenerateRequest, { signal }: CallOptions = {}): Promise<ModelOutput> {
      if (signal?.aborted) throw aborted();
      const text = await behaviour(messages, script, signal);
      return {
        text,
        finishReason: 'stop',
        usage: { inputTokens: countWords(messages.map((m) => m.content).join(' ')), outputTokens: countWords(text) },
        model: name,
      };
    },
  };
}

function isBehaviour(name: string): name is MockBehaviour {
  return Object.hasOwn(MOCK_BEHAVIOURS, name);
}


function aborted(): AssayError {
  return new AssayError('ABORTED', 'The mock model call was cancelled.');
}

function missingArg(ref: string, arg: string): AssayError {
  return new AssayError('CONFIG_INVALID', `${ref} needs -M ${arg}=….`, { hint: `Add -M ${arg}=… to the model arguments.` });
}

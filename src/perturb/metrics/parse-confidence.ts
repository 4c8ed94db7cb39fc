/** Reads a model's confidence: a stated "CONFIDENCE: 80%" line, or the probability of its output from logprobs. */
import type { TokenLogprob } from '../../model/types.js';

/**
 * A prompt_template that asks for a stated confidence after the answer. The answer comes first, so use a scorer
 * that finds it anywhere (includes, regex, match with location any) rather than `match` at the end.
 */
export const CONFIDENCE_TEMPLATE = `{input}

After your answer, on a line of its own, say how confident you are that your answer is correct, as a percentage from 0 to 100, in the form "CONFIDENCE: <number>%".`;

/** The last "CONFIDENCE: <0–100>%" in `text`, as a probability in [0, 1]; undefined when absent or out of range. */
export function statedConfidence(text: string): number | undefined {
  const found = [...text.matchAll(/CONFIDENCE\s*[:=]\s*(\d{1,3}(?:\.\d+)?)\s*%?/gi)].at(-1);
  if (!found) return undefined;
  const value = Number(found[1]);
  return value >= 0 && value <= 100 ? value / 100 : undefined;
}

/** exp(Σ logprob): the probability the model gave its whole output. Meaningful for short answers (a letter, a word). */
export function logprobConfidence(logprobs: readonly TokenLogprob[] | undefined): number | undefined {
  if (!logprobs || logprobs.length === 0) return undefined;
  return Math.exp(logprobs.reduce((sum, t) => sum + t.logprob, 0));
}

/** Stated confidence when the output has one, else the logprob confidence, else undefined. */
export function confidenceOf(output: { text?: string; logprobs?: readonly TokenLogprob[] }): number | undefined {
  return statedConfidence(output.text ?? '') ?? logprobConfidence(output.logprobs);
}

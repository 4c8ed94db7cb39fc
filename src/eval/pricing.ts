/** Splits the pricing arguments (`-M input_cost_per_mtok=…`, `-M output_cost_per_mtok=…`) off a model reference. */
import { AssayError } from '../errors/index.js';
import type { ModelRef } from '../model/model-ref.js';
import type { Pricing } from './model-client.js';

const KEYS = { input: 'input_cost_per_mtok', output: 'output_cost_per_mtok' } as const;

export function splitPricing(ref: ModelRef): { ref: ModelRef; pricing?: Pricing } {
  const { [KEYS.input]: inp, [KEYS.output]: outp, ...args } = ref.args;
  if (inp === undefined && outp === undefined) return { ref };
  return { ref: { ...ref, args }, pricing: { inputPerMTok: toPrice(KEYS.input, inp), outputPerMTok: toPrice(KEYS.output, outp) } };
}

function toPrice(key: string, value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    throw new AssayError('CONFIG_INVALID', `-M ${key}=${value} is not a price.`, { hint: `Give a non-negative number of currency units per million tokens, e.g. -M ${key}=0.5.` });
  }
  return n;
}

/** A sample: one item of a dataset, as every solver and scorer sees it. */
import { z } from 'zod';
import { ChatMessageSchema } from '../model/types.js';

export const DEFAULT_LABEL = 'UNCLASSIFIED';

export const SampleSchema = z.object({
  id: z.string().min(1),
  /** Plain text, or chat messages. */
  input: z.union([z.string(), z.array(ChatMessageSchema).min(1)]),
  /** One target, or several acceptable ones. */
  target: z.union([z.string(), z.array(z.string())]).default(''),
  choices: z.array(z.string()).optional(),
  metadata: z.record(z.string(), z.unknown()).default({}),
  /** Classification label (normalised marking). */
  label: z.string().default(DEFAULT_LABEL),
});
export type Sample = z.infer<typeof SampleSchema>;

/** Returns the targets as a list. */
export function targetList(sample: Pick<Sample, 'target'>): string[] {
  return Array.isArray(sample.target) ? sample.target : sample.target === '' ? [] : [sample.target];
}

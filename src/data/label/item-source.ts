/** Where a task's items come from: an ingested dataset's chunks, an eval run's samples, or a JSONL file. */
import { z } from 'zod';

export const ItemSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dataset'), dataset: z.string().min(1), version: z.number().int().positive().optional() }),
  z.object({ type: z.literal('run'), runId: z.string().min(1) }),
  z.object({ type: z.literal('file'), path: z.string().min(1) }),
]);
export type ItemSource = z.infer<typeof ItemSourceSchema>;

/** An item that could not be made, with where it came from (file line, or sample id) and why. */
export interface ItemError {
  line?: number;
  id?: string;
  reason: string;
}

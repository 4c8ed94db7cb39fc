/** What an annotator sees of an item: plain text, or a prompt with two responses (pairwise). */
import { z } from 'zod';

/** Item content, stored sealed as JSON in `label_items.content`. */
export const ItemContentSchema = z.union([
  z.object({ prompt: z.string(), a: z.string(), b: z.string() }).strict(),
  z.object({ text: z.string() }).strict(),
]);
export type ItemContent = z.infer<typeof ItemContentSchema>;

/** Where an item came from: a dataset chunk, a run's sample, or a line of a JSONL file. */
export type ItemRef =
  | { type: 'chunk'; dataset: string; version?: number; chunkId: string; documentId: string }
  | { type: 'sample'; runId: string; sampleId: string; epoch: number }
  | { type: 'file'; path: string; line: number };

/** An item to label, with its security label (banner marking). */
export interface LabelItem {
  id: string;
  content: ItemContent;
  label: string;
  ref: ItemRef;
}

/** True when the content is a prompt with two responses. */
export function isPairContent(content: ItemContent): content is { prompt: string; a: string; b: string } {
  return 'prompt' in content;
}

/**
 * The item's text: what span offsets index into, and the prompt of a written response.
 * @example itemText({ text: 'hello' }) // 'hello'
 */
export function itemText(content: ItemContent): string {
  return isPairContent(content) ? content.prompt : content.text;
}

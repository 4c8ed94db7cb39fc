/** Reads the generator's reply: the first JSON object in it, checked against a zod schema. */
import { z } from 'zod';

export const GeneratedItemsSchema = z.object({
  items: z.array(z.object({ question: z.string().trim().min(5).max(2000), answer: z.string().trim().min(1).max(2000) })).max(50),
});
export type GeneratedItem = z.infer<typeof GeneratedItemsSchema>['items'][number];

/** The items in `reply`, or a reason why there are none (never throws: a bad reply is a counted rejection). */
export function parseGenerated(reply: string): { items: GeneratedItem[] } | { error: string } {
  const start = reply.indexOf('{');
  const end = reply.lastIndexOf('}');
  if (start < 0 || end <= start) return { error: 'the reply has no JSON object' };
  let value: unknown;
  try {
    value = JSON.parse(reply.slice(start, end + 1));
  } catch {
    return { error: 'the reply is not valid JSON' };
  }
  const parsed = GeneratedItemsSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { error: `the reply does not match {"items":[{"question","answer"}]}: ${issue.path.join('.') || 'value'}: ${issue.message}` };
  }
  return { items: parsed.data.items };
}

/** Applies non-overlapping span edits to a text, and rewrites a sample's prompt text. */
import type { Sample } from '../dataset/sample.js';

/** Replace `text.slice(start, end)` with `insert` (start = end inserts). */
export interface TextEdit {
  start: number;
  end: number;
  insert: string;
}

/** Applies edits right to left; an edit overlapping one already applied is dropped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let floor = Infinity;
  for (const e of ordered) {
    if (e.end > floor) continue;
    out = out.slice(0, e.start) + e.insert + out.slice(e.end);
    floor = e.start;
  }
  return out;
}

/**
 * A copy of `sample` whose prompt went through `rewrite`: the input text, or the last user message of a chat
 * input (earlier turns are context and stay as they are).
 */
export function rewriteSampleText(sample: Sample, rewrite: (text: string) => string): Sample {
  if (typeof sample.input === 'string') return { ...sample, input: rewrite(sample.input) };
  const last = sample.input.findLastIndex((m) => m.role === 'user');
  if (last < 0) return sample;
  const input = sample.input.map((m, i) => (i === last ? { ...m, content: rewrite(m.content) } : { ...m }));
  return { ...sample, input };
}

/** The prompt text a perturbation works on (see `rewriteSampleText`). */
export function sampleText(sample: Sample): string {
  if (typeof sample.input === 'string') return sample.input;
  return sample.input.findLast((m) => m.role === 'user')?.content ?? '';
}

/** Finds the JSON value in a model's answer: a ``` fenced block, the whole text, or the first {...} / [...] that parses. */

/** The parsed value and where it came from, or why nothing parsed. */
export type ExtractedJson = { ok: true; value: unknown; from: string } | { ok: false; reason: string };

const FENCE = /```[\w-]*[^\S\n]*\n?([\s\S]*?)```/;
const MAX_OPENERS = 50;

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Index of the bracket closing the one at `start`, skipping brackets inside strings; -1 if unbalanced. */
function closingIndex(text: string, start: number): number {
  const stack: string[] = [];
  let inString = false;
  let escaped = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') stack.push(ch === '{' ? '}' : ']');
    else if (ch === '}' || ch === ']') {
      if (stack.pop() !== ch) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

/**
 * @example extractJson('Here you go:\n```json\n{"a": 1}\n```') // { ok: true, value: { a: 1 }, from: 'a ``` fenced block' }
 */
export function extractJson(text: string): ExtractedJson {
  const fence = FENCE.exec(text);
  const [body, where] = fence ? [fence[1]!, 'a ``` fenced block'] : [text, 'the answer'];
  const whole = tryParse(body.trim());
  if (whole.ok) return { ok: true, value: whole.value, from: `the whole of ${where}` };
  let openers = 0;
  for (let i = 0; i < body.length && openers < MAX_OPENERS; i++) {
    if (body[i] !== '{' && body[i] !== '[') continue;
    openers++;
    const end = closingIndex(body, i);
    if (end < 0) continue;
    const parsed = tryParse(body.slice(i, end + 1));
    if (parsed.ok) return { ok: true, value: parsed.value, from: `a ${body[i]}…${body[end]} block in ${where}` };
  }
  return { ok: false, reason: `no JSON object or array in ${where} parses` };
}

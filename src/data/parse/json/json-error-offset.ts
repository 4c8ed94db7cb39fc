/**
 * Where a JSON text first goes wrong. Node 20's `JSON.parse` names a position for some errors and not others
 * ("Unexpected token '}', … is not valid JSON"), so on failure this small scanner finds the offset itself.
 * Iterative (a stack of open brackets), so deep nesting cannot overflow it.
 */

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** The end of the string starting at `i` (just past its closing quote), or `-1 - offset` of the first bad character. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const ch = text[j]!;
    if (ch === '"') return j + 1;
    if (ch < ' ') return -1 - j;
    if (ch === '\\') {
      const next = text[j + 1] ?? '';
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return -1 - j;
        j += 5;
      } else if (ESCAPES.has(next)) j += 1;
      else return -1 - j;
    }
  }
  return -1 - text.length;
}

/** Length of the scalar (number, true, false, null) at `i`, or 0 when there is none. */
function scalarLength(text: string, i: number): number {
  for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return word.length;
  NUMBER.lastIndex = i;
  return NUMBER.exec(text)?.[0].length ?? 0;
}

type State = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'after';

/**
 * The offset of the first syntax error in `text`, or -1 when it is valid JSON.
 * @example jsonErrorOffset('{"a": }') // 6
 */
export function jsonErrorOffset(text: string): number {
  const open: string[] = [];
  let state: State = 'value';
  let i = 0;
  for (;;) {
    while (i < text.length && WS.has(text[i]!)) i++;
    if (i >= text.length) return state === 'after' && open.length === 0 ? -1 : text.length;
    const ch = text[i]!;
    if (state === 'after') {
      const top = open.at(-1);
      if (top === undefined) return i;
      if (ch === ',') [i, state] = [i + 1, top === '{' ? 'key' : 'value'];
      else if ((ch === '}' && top === '{') || (ch === ']' && top === '[')) [i, state] = [i + 1, (open.pop(), 'after')];
      else return i;
    } else if (state === 'colon') {
      if (ch !== ':') return i;
      [i, state] = [i + 1, 'value'];
    } else if (state === 'key' || state === 'keyOrEnd') {
      if (state === 'keyOrEnd' && ch === '}') [i, state] = [i + 1, (open.pop(), 'after')];
      else if (ch !== '"') return i;
      else {
        const end = stringEnd(text, i);
        if (end < 0) return -1 - end;
        [i, state] = [end, 'colon'];
      }
    } else if (state === 'valueOrEnd' && ch === ']') [i, state] = [i + 1, (open.pop(), 'after')];
    else if (ch === '{' || ch === '[') [i, state] = [i + 1, (open.push(ch), ch === '{' ? 'keyOrEnd' : 'valueOrEnd')];
    else if (ch === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return -1 - end;
      [i, state] = [end, 'after'];
    } else {
      const length = scalarLength(text, i);
      if (length === 0) return i;
      [i, state] = [i + length, 'after'];
    }
  }
}

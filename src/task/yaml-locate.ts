/** Finds where a key path sits in a parsed YAML document, for file:line:column messages. */
import { isMap, isNode, isScalar, isSeq, type Document, type LineCounter } from 'yaml';

type Key = string | number;

export interface YamlPosition {
  line: number;
  column: number;
}

/**
 * The position of `path` in `doc`: a mapping value is reported at its key; a missing key at the nearest
 * existing parent. An unknown key is thus reported at the key itself.
 */
export function locate(doc: Document, path: readonly Key[], lineCounter: LineCounter): YamlPosition {
  let node: unknown = doc.contents;
  let offset = startOf(node) ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(key));
      if (!pair) break;
      offset = startOf(pair.key) ?? startOf(pair.value) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key] !== undefined) {
      node = node.items[key];
      offset = startOf(node) ?? offset;
    } else {
      break;
    }
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

function startOf(node: unknown): number | undefined {
  return isNode(node) ? node.range?.[0] : undefined;
}

/**
 * A JSON value to blocks: every non-empty string becomes `path: text` (JSONPath-style paths, `$.items[2].body`),
 * and an array of flat objects (scalar values only) becomes a table (keys as the header row) under a title naming
 * its path. Numbers, booleans and nulls outside such tables carry no prose and are left out.
 */
import { tableBlock, tablePieces, type Block } from '../html/index.js';
import { pathBlock } from './path-text.js';

/** Rows per table element, the repeated header included (as for XLSX). */
export const MAX_JSON_TABLE_ROWS = 200;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: Json) => v === null || typeof v !== 'object';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The path of `key` under `parent`: `.name` for identifiers, `["odd key"]` otherwise, `[3]` for array items.
 * @example childPath('$', 'items') // '$.items'
 * @example childPath('$.items', 2) // '$.items[2]'
 */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** Rows of an array of flat objects (header = keys in first-seen order), or null when it is not one. */
export function flatRows(items: readonly Json[]): string[][] | null {
  if (items.length === 0 || !items.every((it) => isObject(it) && Object.values(it).every(isScalar))) return null;
  const header = [...new Set(items.flatMap((it) => Object.keys(it as JsonObject)))];
  if (header.length === 0) return null;
  const cell = (v: Json | undefined) => (v === null || v === undefined ? '' : String(v));
  return [header, ...items.map((it) => header.map((k) => cell((it as JsonObject)[k])))];
}

/**
 * Blocks for `value` found at `root`, in document order (an explicit stack, so deep nesting cannot overflow).
 * @example flattenJson({ title: 'Plan', tags: ['a'] }, '$').map((b) => b.text) // ['$.title: Plan', '$.tags[0]: a']
 */
export function flattenJson(value: unknown, root: string): Block[] {
  const blocks: Block[] = [];
  const stack: Array<{ value: Json; path: string }> = [{ value: value as Json, path: root }];
  while (stack.length) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.trim() !== '') blocks.push(pathBlock(path, v));
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      const rows = flatRows(v);
      if (rows) {
        if (path !== root || root !== '$') blocks.push({ type: 'title', text: path, level: 1 });
        blocks.push(...tablePieces(rows, MAX_JSON_TABLE_ROWS).map(tableBlock));
        continue;
      }
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i]!, path: childPath(path, i) });
      continue;
    }
    const entries = Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], path: childPath(path, entries[i]![0]) });
  }
  return blocks;
}

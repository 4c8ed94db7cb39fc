/** Checks an annotation value against its task's kind (and, for spans, the item text); one parser per kind. */
import { z } from 'zod';
import { itemText, type ItemContent } from './label-item.js';
import { PAIRWISE_VALUES, type KindSpec, type TaskKind, type TaskKindSpec } from './task-kind.js';

/** One typed span of the item text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  type: string;
}

/** The value type of each kind. */
export interface KindValues {
  classification: string;
  multi_label: string[];
  span: Span[];
  rating: number;
  pairwise: (typeof PAIRWISE_VALUES)[number];
  free_text: string;
}
export type AnnotationValue = KindValues[TaskKind];

/** A checked, canonical value, or why it is not one. */
export type ValueResult = { ok: true; value: AnnotationValue } | { ok: false; reason: string };

const ok = (value: AnnotationValue): ValueResult => ({ ok: true, value });
const bad = (reason: string): ValueResult => ({ ok: false, reason });

const SpanSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive(), type: z.string(), text: z.string().optional() }).strict();

type Parser<K extends TaskKind> = (spec: KindSpec<K>, raw: unknown, content: ItemContent) => ValueResult;

/** Kind → value parser; a kind without one fails to compile. */
const VALUE_PARSERS: { [K in TaskKind]: Parser<K> } = {
  classification: (spec, raw) =>
    typeof raw === 'string' && spec.choices.includes(raw) ? ok(raw) : bad(`expected one of ${spec.choices.map((c) => JSON.stringify(c)).join(', ')}, got ${JSON.stringify(raw)}`),
  multi_label: (spec, raw) => {
    if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string')) return bad(`expected an array of choices, got ${JSON.stringify(raw)}`);
    const unknown = (raw as string[]).find((x) => !spec.choices.includes(x));
    if (unknown !== undefined) return bad(`"${unknown}" is not one of ${spec.choices.join(', ')}`);
    if (new Set(raw).size !== raw.length) return bad('a choice appears twice');
    return ok(spec.choices.filter((c) => (raw as string[]).includes(c)));
  },
  span: (spec, raw, content) => {
    const parsed = z.array(SpanSchema).safeParse(raw);
    if (!parsed.success) return bad(`expected [{start, end, type}] with integer offsets, got ${JSON.stringify(raw)}`);
    const text = itemText(content);
    const seen = new Set<string>();
    for (const [i, s] of parsed.data.entries()) {
      if (!spec.entityTypes.includes(s.type)) return bad(`span ${i}: type "${s.type}" is not one of ${spec.entityTypes.join(', ')}`);
      if (s.start >= s.end || s.end > text.length) return bad(`span ${i}: [${s.start}, ${s.end}) is not inside the item text (length ${text.length})`);
      if (s.text !== undefined && text.slice(s.start, s.end) !== s.text) return bad(`span ${i}: the text at [${s.start}, ${s.end}) is ${JSON.stringify(text.slice(s.start, s.end))}, not ${JSON.stringify(s.text)}`);
      const key = `${s.start}:${s.end}:${s.type}`;
      if (seen.has(key)) return bad(`span ${i}: duplicate of an earlier span`);
      seen.add(key);
    }
    return ok(parsed.data.map(({ start, end, type }) => ({ start, end, type })).sort((x, y) => x.start - y.start || x.end - y.end || x.type.localeCompare(y.type)));
  },
  rating: (spec, raw) => {
    if (typeof raw !== 'number' || !Number.isFinite(raw)) return bad(`expected a number from ${spec.min} to ${spec.max}, got ${JSON.stringify(raw)}`);
    if (raw < spec.min || raw > spec.max) return bad(`${raw} is outside ${spec.min}..${spec.max}`);
    const steps = (raw - spec.min) / spec.step;
    if (Math.abs(steps - Math.round(steps)) > 1e-9) return bad(`${raw} is not on the scale ${spec.min}..${spec.max} in steps of ${spec.step}`);
    return ok(raw);
  },
  pairwise: (_spec, raw) => ((PAIRWISE_VALUES as readonly unknown[]).includes(raw) ? ok(raw as KindValues['pairwise']) : bad(`expected "a", "b" or "tie", got ${JSON.stringify(raw)}`)),
  free_text: (spec, raw) => {
    if (typeof raw !== 'string' || raw.trim() === '') return bad('expected a non-empty written response');
    return raw.length > spec.maxLength ? bad(`the response has ${raw.length} characters; the task allows ${spec.maxLength}`) : ok(raw);
  },
};

/**
 * Checks `raw` against the task kind and returns the canonical value (multi-label choices in choice order, spans sorted).
 * @example parseAnnotationValue({ kind: 'rating', min: 1, max: 5, step: 1 }, 4, { text: '' }) // { ok: true, value: 4 }
 */
export function parseAnnotationValue(spec: TaskKindSpec, raw: unknown, content: ItemContent): ValueResult {
  const parser = VALUE_PARSERS[spec.kind] as Parser<TaskKind>;
  return parser(spec as KindSpec<TaskKind>, raw, content);
}

/** Field mapping: turns one source record into a Sample, or says which field is wrong. */
import { z } from 'zod';
import { ChatMessageSchema, type ChatMessage } from '../model/types.js';
import type { FieldMap } from '../task/task-spec.js';
import { describe } from './dataset-reader.js';
import { getField, rootColumn } from './field-path.js';
import { DEFAULT_LABEL, type Sample } from './sample.js';

/** A mapped sample, or the field (column) at fault and why. */
export type MappedRow = { ok: true; sample: Sample } | { ok: false; field: string; reason: string };

type Step<T> = { ok: true; value: T } | { ok: false; reason: string };

const ChatSchema = z.array(ChatMessageSchema).min(1);

/**
 * Maps `record` (1-based `row`) through `fields`. Unmapped `id`, `target` and `choices` come from columns of
 * those names when the row has them; otherwise `id` is the row number.
 */
export function rowToSample(record: Record<string, unknown>, fields: FieldMap, row: number): MappedRow {
  const cols = {
    input: fields.input,
    target: fields.target ?? (Object.hasOwn(record, 'target') ? 'target' : undefined),
    choices: fields.choices ?? (Object.hasOwn(record, 'choices') ? 'choices' : undefined),
    id: fields.id ?? (Object.hasOwn(record, 'id') ? 'id' : undefined),
    label: fields.label,
  };
  const input = toInput(getField(record, cols.input));
  if (!input.ok) return { ok: false, field: cols.input, reason: `input ${input.reason}` };
  const id = cols.id === undefined ? { ok: true as const, value: String(row) } : toId(getField(record, cols.id));
  if (!id.ok) return { ok: false, field: cols.id ?? 'id', reason: `id ${id.reason}` };
  const target = cols.target === undefined ? { ok: true as const, value: '' } : toTarget(getField(record, cols.target));
  if (!target.ok) return { ok: false, field: cols.target ?? 'target', reason: `target ${target.reason}` };
  const choices = cols.choices === undefined ? { ok: true as const, value: undefined } : toChoices(getField(record, cols.choices));
  if (!choices.ok) return { ok: false, field: cols.choices ?? 'choices', reason: `choices ${choices.reason}` };
  const label = cols.label === undefined ? { ok: true as const, value: DEFAULT_LABEL } : toLabel(getField(record, cols.label));
  if (!label.ok) return { ok: false, field: cols.label ?? 'label', reason: `label ${label.reason}` };

  const used = Object.values(cols).filter((c): c is string => c !== undefined);
  const sample: Sample = {
    id: id.value,
    input: input.value,
    target: target.value,
    metadata: metadataOf(record, fields.metadata, used),
    label: label.value,
  };
  if (choices.value !== undefined) sample.choices = choices.value;
  return { ok: true, sample };
}

function toInput(value: unknown): Step<string | ChatMessage[]> {
  if (value === undefined || value === null) return { ok: false, reason: 'is missing' };
  if (typeof value === 'string') {
    if (value.trim() === '') return { ok: false, reason: 'is empty' };
    const chat = value.trimStart().startsWith('[') ? parseJson(value) : undefined;
    const parsed = chat === undefined ? undefined : ChatSchema.safeParse(chat);
    return { ok: true, value: parsed?.success ? parsed.data : value };
  }
  if (Array.isArray(value)) {
    const parsed = ChatSchema.safeParse(value);
    if (parsed.success) return { ok: true, value: parsed.data };
    return { ok: false, reason: 'is an array but not chat messages (a non-empty list of {role, content})' };
  }
  return { ok: false, reason: `must be text or chat messages, got ${describe(value)}` };
}

function toId(value: unknown): Step<string> {
  if (value === undefined || value === null || value === '') return { ok: false, reason: 'is missing' };
  if (typeof value === 'string') return { ok: true, value };
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value: String(value) };
  return { ok: false, reason: `must be a string or number, got ${describe(value)}` };
}

function toTarget(value: unknown): Step<string | string[]> {
  if (value === undefined || value === null) return { ok: false, reason: 'is missing' };
  if (typeof value === 'string') return { ok: true, value };
  if (typeof value === 'number') return { ok: true, value: String(value) };
  const list = Array.isArray(value) ? toStrings(value) : undefined;
  if (list) return { ok: true, value: list };
  return { ok: false, reason: `must be a string, number or list of strings, got ${describe(value)}` };
}

function toChoices(value: unknown): Step<string[]> {
  if (value === undefined || value === null) return { ok: false, reason: 'is missing' };
  const raw = typeof value === 'string' ? parseJson(value) : value;
  const list = Array.isArray(raw) ? toStrings(raw) : undefined;
  if (!list) return { ok: false, reason: `must be a list of strings or a JSON array string, got ${describe(value)}` };
  if (list.length === 0) return { ok: false, reason: 'is empty' };
  return { ok: true, value: list };
}

function toLabel(value: unknown): Step<string> {
  if (value === undefined || value === null || value === '') return { ok: true, value: DEFAULT_LABEL };
  if (typeof value === 'string') return { ok: true, value };
  return { ok: false, reason: `must be a string, got ${describe(value)}` };
}

function toStrings(items: unknown[]): string[] | undefined {
  const out: string[] = [];
  for (const item of items) {
    if (typeof item === 'string') out.push(item);
    else if (typeof item === 'number') out.push(String(item));
    else return undefined;
  }
  return out;
}

function metadataOf(record: Record<string, unknown>, spec: FieldMap['metadata'], used: string[]): Record<string, unknown> {
  if (spec === undefined) return {};
  if (spec === true) {
    const mapped = new Set(used.map((p) => rootColumn(record, p)));
    return Object.fromEntries(Object.entries(record).filter(([k, v]) => !mapped.has(k) && v !== undefined));
  }
  const out: Record<string, unknown> = {};
  for (const key of spec) {
    const value = getField(record, key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

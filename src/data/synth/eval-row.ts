/** A kept item as a row of an Assay eval dataset (`assay eval items.jsonl` runs it). */
import type { QaItem } from '../dataset/dataset-types.js';

/** `{id, input, target, metadata}`; the cited chunk ids and the label travel in metadata. */
export function qaItemToEvalRow(item: QaItem): { id: string; input: string; target: string; metadata: Record<string, unknown> } {
  return {
    id: item.id,
    input: item.question,
    target: item.answer,
    metadata: { citations: item.citations, label: item.label, source: item.source, ...item.metadata },
  };
}

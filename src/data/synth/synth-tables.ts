/** Kysely types of the synth tables (migration 0006). */
import type { Generated } from 'kysely';

export interface SynthSetsTable {
  id: string;
  dataset: string;
  version: number;
  created_at: string;
  created_by: string;
  /** JSON text. */
  settings: string;
  /** JSON text. */
  stats: string;
  label: Generated<string>;
}

export interface SynthItemsTable {
  set_id: string;
  id: string;
  ord: number;
  /** `kept` or `rejected`. */
  status: string;
  reason: string | null;
  /** Sealed (FieldCipher). */
  question: string;
  /** Sealed (FieldCipher). */
  answer: string;
  /** JSON text: chunk ids. */
  citations: string;
  /** JSON text: {path, sha256, page?}. */
  source: string;
  /** JSON text. */
  metadata: string;
  label: string;
}

export type SynthTables = {
  synth_sets: SynthSetsTable;
  synth_items: SynthItemsTable;
};

/** Kysely types of the labelling tables (migration 0005), added to the Store's db with `withTables`. */
import type { Generated } from 'kysely';

export interface LabelTasksTable {
  id: string;
  name: string;
  kind: string;
  /** JSON text: the TaskKindSpec plus instructions. */
  spec: string;
  /** JSON text: where the items came from. */
  source: string;
  per_item: number;
  /** JSON text: the annotator ids named at creation. */
  annotators: string;
  created_by: string;
  created_at: string;
  /** Roll-up of the items' labels. */
  label: Generated<string>;
}

export interface LabelItemsTable {
  task_id: string;
  id: string;
  ord: number;
  /** Sealed (FieldCipher) JSON of the ItemContent. */
  content: string;
  /** JSON text: the ItemRef. */
  ref: string;
  label: string;
}

export interface LabelAssignmentsTable {
  task_id: string;
  item_id: string;
  annotator: string;
  assigned_at: string;
  label: string;
}

/** Append-only: a changed mind is a new row with the next revision; the highest revision wins. */
export interface LabelAnnotationsTable {
  id: string;
  task_id: string;
  item_id: string;
  annotator: string;
  revision: number;
  /** Sealed (FieldCipher) JSON of the value. */
  value: string;
  /** Who entered it: the annotator, or the admin who imported it. */
  entered_by: string;
  created_at: string;
  label: string;
}

/** Append-only reviews: accept or reject one annotation, or set the item's final value. */
export interface LabelReviewsTable {
  id: string;
  task_id: string;
  item_id: string;
  /** Per item, 1, 2, 3…; later reviews override earlier ones. */
  revision: number;
  annotation_id: string | null;
  reviewer: string;
  decision: string;
  /** Sealed (FieldCipher) JSON of the final value, for `set`. */
  value: string | null;
  note: string;
  created_at: string;
  label: string;
}

export type LabelTables = {
  label_tasks: LabelTasksTable;
  label_items: LabelItemsTable;
  label_assignments: LabelAssignmentsTable;
  label_annotations: LabelAnnotationsTable;
  label_reviews: LabelReviewsTable;
};

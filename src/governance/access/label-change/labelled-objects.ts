/**
 * The typed map of object types whose label may be lowered by a reviewed downgrade: how to read each one's current
 * label and how to apply a new one. Add a type by adding an entry (a table with an id column and a label column needs
 * only `labelledTable`).
 */
import { sql, type Kysely } from 'kysely';
import { dominates } from '../../../markings/index.js';
import type { Database } from '../../../store/schema.js';
import { effectiveLabel } from '../runs/run-labels.js';

/** Reads and relabels one object type; `db` may be a transaction. */
export interface LabelledObjectType {
  /** The object's current (effective) label, or undefined when there is no such object. */
  currentLabel(db: Kysely<Database>, id: string): Promise<string | undefined>;
  /** Gives the object `label`; returns false when the object is gone. */
  applyLabel(db: Kysely<Database>, id: string, label: string): Promise<boolean>;
}

/** An object that is one row of `table`, found by `idColumn`, labelled by its `label` column. */
export function labelledTable(table: string, idColumn = 'id'): LabelledObjectType {
  return {
    async currentLabel(db, id) {
      const r = await sql<{ label: string }>`select label from ${sql.table(table)} where ${sql.ref(idColumn)} = ${id}`.execute(db);
      return r.rows[0]?.label;
    },
    async applyLabel(db, id, label) {
      const r = await sql`update ${sql.table(table)} set label = ${label} where ${sql.ref(idColumn)} = ${id}`.execute(db);
      return Number(r.numAffectedRows ?? 0) > 0;
    },
  };
}

/** Rows that belong to the object: in `table`, found by `fk`; `rollup`: their labels count toward the object's. */
export interface ChildRows {
  table: string;
  fk: string;
  rollup?: boolean;
}

/**
 * An object stored as a parent row plus child rows (a run and its samples, a labelling task and its items). Its label
 * is the roll-up of the parent row and the `rollup` children. Lowering it sets the parent to the new label and every
 * child row whose label the new label does not dominate (rows already at or below it keep theirs).
 */
export function labelledParent(table: string, idColumn: string, children: readonly ChildRows[]): LabelledObjectType {
  const own = labelledTable(table, idColumn);
  const childLabels = async (db: Kysely<Database>, c: ChildRows, id: string) =>
    (await sql<{ label: string }>`select distinct label from ${sql.table(c.table)} where ${sql.ref(c.fk)} = ${id}`.execute(db)).rows.map((r) => r.label);
  return {
    async currentLabel(db, id) {
      const label = await own.currentLabel(db, id);
      if (label === undefined) return undefined;
      const parts = [label];
      for (const c of children.filter((x) => x.rollup)) parts.push(...(await childLabels(db, c, id)));
      return effectiveLabel([...new Set(parts)]);
    },
    async applyLabel(db, id, label) {
      if (!(await own.applyLabel(db, id, label))) return false;
      for (const c of children) {
        for (const l of (await childLabels(db, c, id)).filter((x) => !dominates(label, x))) {
          await sql`update ${sql.table(c.table)} set label = ${label} where ${sql.ref(c.fk)} = ${id} and label = ${l}`.execute(db);
        }
      }
      return true;
    },
  };
}

/** A run: the run row, its samples (which count toward its label) and their scores, calls and metrics. */
const run = labelledParent('runs', 'id', [
  { table: 'sample_results', fk: 'run_id', rollup: true },
  { table: 'scores', fk: 'run_id' },
  { table: 'model_calls', fk: 'run_id' },
  { table: 'metrics', fk: 'run_id' },
]);

/** Object type → how to relabel it. `dataset` and `chunk` are not here yet (see the note on `document`). */
export const LABELLED_OBJECTS = {
  run,
  label_task: labelledParent('label_tasks', 'id', [
    { table: 'label_items', fk: 'task_id', rollup: true },
    { table: 'label_assignments', fk: 'task_id' },
    { table: 'label_annotations', fk: 'task_id' },
    { table: 'label_reviews', fk: 'task_id' },
  ]),
  // An ingested document and its chunks. Dataset and version labels are high-water marks and stay as they are
  // (over-classified, never under): relabel those through their own module when it supports it.
  document: labelledParent('ds_documents', 'id', [
    { table: 'ds_chunks', fk: 'document_id', rollup: true },
    { table: 'ds_version_documents', fk: 'document_id' },
  ]),
} as const satisfies Record<string, LabelledObjectType>;

export type LabelledObjectName = keyof typeof LABELLED_OBJECTS;

/** True when `value` names a type in LABELLED_OBJECTS. */
export function isLabelledObjectName(value: unknown): value is LabelledObjectName {
  return typeof value === 'string' && Object.hasOwn(LABELLED_OBJECTS, value);
}

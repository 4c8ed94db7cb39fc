/** Kysely types of `label_change_requests` (migration 0007). */
import type { Generated } from 'kysely';

/** The closed set of request states. */
export const LABEL_CHANGE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type LabelChangeStatus = (typeof LABEL_CHANGE_STATUSES)[number];

/** One request; `approved_by`/`approved_at` name the reviewer who approved or rejected it. */
export interface LabelChangeRequestsTable {
  id: string;
  object_type: string;
  object_id: string;
  from_label: string;
  to_label: string;
  reason: string;
  requested_by: string;
  requested_at: string;
  approved_by: string | null;
  approved_at: string | null;
  status: string;
  label: Generated<string>;
}

/** The table as Kysely sees it (a type alias, for `withTables`). */
export type LabelChangeTables = { label_change_requests: LabelChangeRequestsTable };

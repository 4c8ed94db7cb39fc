/** The input every report format renders: one run with its sample results and metrics. */
import type { MetricRecord, RunRecord, SampleResultRecord } from '../store/records.js';

/** Everything a report needs, as read from the Store. */
export interface ReportData {
  run: RunRecord;
  /** One record per sample × epoch. */
  results: SampleResultRecord[];
  /** Overall rows have groupKey ''; the rest are per-group breakdowns. */
  metrics: MetricRecord[];
  /** ISO time stamp printed in the report; left out when absent, so equal data renders byte-identically. */
  generatedAt?: string;
}

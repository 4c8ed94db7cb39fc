/** Renders a run as pretty-printed JSON in the documented JsonReport shape. */
import type { ReportData } from '../report-data.js';
import { buildJsonReport } from './json-report.js';

/**
 * Renders the JSON report (two-space indent, trailing newline).
 * @example JSON.parse(renderJson(data)).metrics.exact.accuracy.value
 */
export function renderJson(data: ReportData): string {
  return `${JSON.stringify(buildJsonReport(data), null, 2)}\n`;
}

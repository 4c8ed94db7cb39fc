/** Statistics for eval results: error bars, paired comparisons and grouped metrics. */
export { summarize, wilson, type Summary, type SummarizeOptions } from './summarize.js';
export { pairedDifference, type PairedDifference, type PairedDifferenceOptions } from './paired-difference.js';
export { computeMetrics, MISSING_GROUP, type MetricsInput } from './compute-metrics.js';
export { groupBy } from './group-by.js';
export { studentTQuantile, studentTUpperTail } from './student-t.js';
export { tTestPValue } from './t-test-p-value.js';
export { normalQuantile, normalUpperTail } from './normal.js';
export * from './agreement.js';

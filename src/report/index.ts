/** Run reports: HTML, Markdown, JSON and JUnit XML renderings of one run. */
export { renderReport, isReportFormat, REPORT_FORMATS, REPORT_RENDERERS, REPORT_EXTENSIONS, type ReportFormat, type ReportRenderer } from './render-report.js';
export type { ReportData } from './report-data.js';
export { buildJsonReport, JSON_REPORT_VERSION, type JsonReport, type JsonSample, type JsonMetric, type JsonGroupMetric, type JsonCall } from './json/json-report.js';
export { renderHtml } from './html/render-html.js';
export { renderMarkdown, type MarkdownOptions } from './markdown/render-markdown.js';
export { renderJson } from './json/render-json.js';
export { renderJunit } from './junit/render-junit.js';
export { classificationLevel, CLASSIFICATION_LEVELS, type ClassificationLevel } from './html/classification-banner.js';

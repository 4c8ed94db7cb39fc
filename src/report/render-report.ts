/** The report formats, as a typed const map of renderers, and the one entry point that picks among them. */
import { AssayError } from '../errors/index.js';
import { renderHtml } from './html/render-html.js';
import { renderJson } from './json/render-json.js';
import { renderJunit } from './junit/render-junit.js';
import { renderMarkdown } from './markdown/render-markdown.js';
import type { ReportData } from './report-data.js';

/** Every report format, in the order `--help` lists them. */
export const REPORT_FORMATS = ['html', 'md', 'json', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A report renderer: pure, synchronous, returns the whole file. */
export type ReportRenderer = (data: ReportData) => string;

/** Renderer per format; the `satisfies` makes the compiler fail when a format lacks one. */
export const REPORT_RENDERERS = {
  html: renderHtml,
  md: (data) => renderMarkdown(data),
  json: renderJson,
  junit: renderJunit,
} as const satisfies Record<ReportFormat, ReportRenderer>;

/** File extension per format, for writing reports to disk. */
export const REPORT_EXTENSIONS = { html: '.html', md: '.md', json: '.json', junit: '.xml' } as const satisfies Record<ReportFormat, string>;

/** Runtime guard for a format given on the command line or in an API request. */
export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && (REPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * Renders a run's report in one format.
 * @example renderReport({ run, results, metrics }, 'html')
 */
export function renderReport(data: ReportData, format: ReportFormat): string {
  if (!isReportFormat(format)) {
    throw new AssayError('USAGE', `Unknown report format "${String(format)}".`, { hint: `Use one of: ${REPORT_FORMATS.join(', ')}.` });
  }
  return REPORT_RENDERERS[format](data);
}

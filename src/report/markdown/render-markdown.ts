/** Renders a run as Markdown: summary, metrics, group breakdowns, errored and failing samples. */
import type { MetricRecord, SampleResultRecord } from '../../store/records.js';
import type { ReportData } from '../report-data.js';
import { answerOf, formatCi, formatNumber, groupBreakdowns, isFailing, overallMetrics, sampleCounts, sortedResults } from '../report-view.js';
import { escapeMarkdown as md, fencedBlock } from './escape-markdown.js';

/** How many samples the Markdown lists show. */
export interface MarkdownOptions {
  /** Failing samples (score < 1) to show in full; default 20. */
  maxFailing?: number;
  /** Errored samples to list; default 50. */
  maxErrored?: number;
}

const METRIC_HEAD = ['Value', 'Stderr', '95% CI', 'n'];

/**
 * Renders the Markdown report; every cell and line of model text is escaped.
 * @example renderMarkdown(data, { maxFailing: 5 })
 */
export function renderMarkdown(data: ReportData, options: MarkdownOptions = {}): string {
  const { run } = data;
  const results = sortedResults(data.results);
  const counts = sampleCounts(results);
  const banner = `**Classification: ${md(run.label)}**`;
  const out: string[] = [banner, '', `# Assay report: ${md(run.task)}`, ''];
  const summary: [string, string][] = [
    ['Run', run.id],
    ['Task', run.task],
    ['Model', run.model],
    ['Status', run.status],
    ['Label', run.label],
    ['Created', run.createdAt],
    ['Finished', run.finishedAt ?? '—'],
    ['Samples', `${counts.samples} (${counts.records} sample × epoch records)`],
    ['Completed', String(counts.completed)],
    ['Errored', String(counts.errored)],
  ];
  if (run.error) summary.push(['Run error', run.error]);
  if (data.generatedAt) summary.push(['Generated', data.generatedAt]);
  out.push(table(['Field', 'Value'], summary), '');

  out.push('## Metrics', '');
  const overall = overallMetrics(data.metrics);
  out.push(overall.length ? table(['Scorer', 'Metric', ...METRIC_HEAD], overall.map((m) => [m.scorer, m.metric, ...metricCells(m)])) : '_No metrics._', '');

  for (const [key, rows] of groupBreakdowns(data.metrics)) {
    out.push(`## Breakdown by ${md(key)}`, '');
    out.push(table(['Group', 'Scorer', 'Metric', ...METRIC_HEAD], rows.map((m) => [m.groupValue, m.scorer, m.metric, ...metricCells(m)])), '');
  }

  out.push(...erroredSection(results, options.maxErrored ?? 50));
  out.push(...failingSection(results, options.maxFailing ?? 20));
  out.push(banner, '');
  return out.join('\n');
}

function metricCells(m: MetricRecord): string[] {
  return [formatNumber(m.value), formatNumber(m.stderr), formatCi(m.ciLow, m.ciHigh), String(m.n)];
}

/** A GFM table; every cell is escaped, so `|` and line breaks in model text cannot add cells or rows. */
function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(md).join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

function erroredSection(results: SampleResultRecord[], max: number): string[] {
  const errored = results.filter((r) => r.status === 'error');
  if (errored.length === 0) return [];
  const out = [`## Errored samples (${errored.length})`, ''];
  for (const r of errored.slice(0, max)) {
    const err = r.error ? `${md(r.error.code)}: ${md(r.error.message)}` : 'unknown error';
    out.push(`- **${md(r.sampleId)}** (epoch ${r.epoch}): ${err}`);
  }
  if (errored.length > max) out.push(`- … and ${errored.length - max} more`);
  out.push('');
  return out;
}

function failingSection(results: SampleResultRecord[], max: number): string[] {
  const failing = results.filter(isFailing);
  if (failing.length === 0) return [];
  const shown = failing.slice(0, max);
  const out = [`## Failing samples (${shown.length} of ${failing.length})`, ''];
  for (const r of shown) {
    out.push(`### ${md(r.sampleId)} (epoch ${r.epoch})`, '');
    const target = Array.isArray(r.sample.target) ? r.sample.target.join(' / ') : r.sample.target;
    if (target !== '') out.push(`- **Target**: ${md(target)}`);
    for (const s of r.scores) out.push(`- **${md(s.scorer)}**: ${formatNumber(s.value)}${s.explanation ? ` — ${md(s.explanation)}` : ''}`);
    out.push('', '**Answer**', '', fencedBlock(answerOf(r)), '');
  }
  return out;
}

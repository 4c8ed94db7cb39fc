/** HTML for the metrics: the overall table with a chart per scorer, and each group-by key's breakdown. */
import type { MetricRecord } from '../../store/records.js';
import { formatCi, formatNumber, groupBreakdowns, overallMetrics } from '../report-view.js';
import { escapeHtml as h } from './escape-html.js';
import { intervalChart, type IntervalPoint } from './interval-chart.js';

/** The `Metrics` and `Breakdowns` sections. */
export function metricsSection(metrics: readonly MetricRecord[]): string {
  const overall = overallMetrics(metrics);
  const out = ['<section id="metrics"><h2>Metrics</h2>'];
  if (overall.length === 0) out.push('<p class="muted">No metrics were recorded.</p>');
  else {
    out.push(metricTable(overall, false));
    const charts = [...partition(overall, (m) => m.scorer)].map(([scorer, rows]) =>
      chartBox(scorer, rows.map((m) => point(m.metric, m)), rows.every(isProportion)),
    );
    out.push(`<div class="charts">${charts.join('')}</div>`);
  }
  out.push('</section>');
  const groups = groupBreakdowns(metrics);
  if (groups.size > 0) {
    out.push('<section id="groups"><h2>Breakdowns</h2>');
    for (const [key, rows] of groups) {
      out.push(`<h3>By ${h(key)}</h3>`, metricTable(rows, true));
      const charts = [...partition(rows, (m) => `${m.scorer}\u0000${m.metric}`)].map(([, series]) => {
        const first = series[0]!;
        return chartBox(`${first.scorer} · ${first.metric} by ${key}`, series.map((m) => point(m.groupValue, m)), series.every(isProportion));
      });
      out.push(`<div class="charts">${charts.join('')}</div>`);
    }
    out.push('</section>');
  }
  return out.join('\n');
}

function metricTable(rows: readonly MetricRecord[], grouped: boolean): string {
  const head = `${grouped ? '<th>Group</th>' : ''}<th>Scorer</th><th>Metric</th><th class="num">Value</th><th class="num">Stderr</th><th class="num">95% CI</th><th class="num">n</th>`;
  const body = rows.map(
    (m) =>
      `<tr>${grouped ? `<td>${h(m.groupValue)}</td>` : ''}<td>${h(m.scorer)}</td><td>${h(m.metric)}</td><td class="num">${formatNumber(m.value)}</td>` +
      `<td class="num">${formatNumber(m.stderr)}</td><td class="num">${formatCi(m.ciLow, m.ciHigh)}</td><td class="num">${m.n}</td></tr>`,
  );
  return `<table><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function chartBox(title: string, points: IntervalPoint[], unitInterval: boolean): string {
  return `<div class="chart-box"><h4>${h(title)}</h4>${intervalChart(points, { title, unitInterval })}</div>`;
}

function point(label: string, m: MetricRecord): IntervalPoint {
  return { label, value: m.value, low: m.ciLow, high: m.ciHigh, n: m.n };
}

/** Accuracy is a proportion, drawn on a fixed 0–1 axis; means are scaled to their data. */
function isProportion(m: MetricRecord): boolean {
  return m.metric === 'accuracy';
}

function partition<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item)) ?? [];
    list.push(item);
    out.set(key(item), list);
  }
  return out;
}

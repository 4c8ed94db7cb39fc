/** Hand-built inline SVG: one row per item, a dot for the value and a whisker for its confidence interval. */
import { formatCi, formatNumber } from '../report-view.js';
import { escapeHtml as h } from './escape-html.js';

/** One row of the chart. */
export interface IntervalPoint {
  label: string;
  value: number;
  low: number | null;
  high: number | null;
  n: number;
}

/** What to draw and on which scale. */
export interface IntervalChartOptions {
  title: string;
  /** Fixed 0–1 axis (proportions such as accuracy); otherwise scaled to the data. */
  unitInterval: boolean;
}

const WIDTH = 720;
const LEFT = 190;
const RIGHT = 70;
const ROW = 24;
const TOP = 8;
const AXIS = 28;
const LABEL_CHARS = 28;

/**
 * Renders the chart as an `<svg>` element (no xmlns needed inline in HTML); every label is escaped.
 * @example intervalChart([{ label: 'accuracy', value: 0.8, low: 0.7, high: 0.9, n: 100 }], { title: 'exact', unitInterval: true })
 */
export function intervalChart(points: readonly IntervalPoint[], options: IntervalChartOptions): string {
  const [min, max, step] = options.unitInterval ? [0, 1, 0.2] : domain(points);
  const plot = WIDTH - LEFT - RIGHT;
  const x = (v: number) => LEFT + ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * plot;
  const height = TOP + points.length * ROW + AXIS;
  const axisY = TOP + points.length * ROW;
  const parts: string[] = [];
  for (const t of ticks(min, max, step)) {
    const tx = x(t).toFixed(1);
    parts.push(`<line class="grid" x1="${tx}" x2="${tx}" y1="${TOP}" y2="${axisY}"/>`);
    parts.push(`<text class="tick" x="${tx}" y="${axisY + 16}" text-anchor="middle">${round(t)}</text>`);
  }
  points.forEach((p, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const short = p.label.length > LABEL_CHARS ? `${p.label.slice(0, LABEL_CHARS - 1)}…` : p.label;
    const tip = `${p.label}: ${formatNumber(p.value)} ${formatCi(p.low, p.high)} n=${p.n}`;
    parts.push(`<g class="row"><title>${h(tip)}</title>`);
    parts.push(`<text class="label" x="${LEFT - 8}" y="${y + 4}" text-anchor="end">${h(short)}</text>`);
    if (p.low !== null && p.high !== null && Number.isFinite(p.low) && Number.isFinite(p.high)) {
      const [x1, x2] = [x(p.low).toFixed(1), x(p.high).toFixed(1)];
      parts.push(`<line class="whisker" x1="${x1}" x2="${x2}" y1="${y}" y2="${y}"/>`);
      parts.push(`<line class="whisker" x1="${x1}" x2="${x1}" y1="${y - 5}" y2="${y + 5}"/>`);
      parts.push(`<line class="whisker" x1="${x2}" x2="${x2}" y1="${y - 5}" y2="${y + 5}"/>`);
    }
    if (Number.isFinite(p.value)) parts.push(`<circle class="dot" cx="${x(p.value).toFixed(1)}" cy="${y}" r="4.5"/>`);
    parts.push(`<text class="value" x="${WIDTH - RIGHT + 8}" y="${y + 4}">${formatNumber(p.value)}</text></g>`);
  });
  parts.push(`<line class="axis" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${axisY}" y2="${axisY}"/>`);
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${h(options.title)}"><title>${h(options.title)}</title>${parts.join('')}</svg>`;
}

/** The data's range (values and interval ends) widened to round numbers, and the tick step. */
function domain(points: readonly IntervalPoint[]): [number, number, number] {
  const vs = points.flatMap((p) => [p.value, p.low, p.high]).filter((v): v is number => v !== null && Number.isFinite(v));
  if (vs.length === 0) return [0, 1, 0.2];
  let lo = vs.reduce((a, b) => Math.min(a, b));
  let hi = vs.reduce((a, b) => Math.max(a, b));
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep(hi - lo);
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step];
}

function niceStep(span: number): number {
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

function ticks(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) out.push(t);
  return out;
}

function round(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

/** Groups a page's pdf.js text items into lines by baseline, in reading order, with boxes in top-left points. */
import type { PageViewport } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api.js';

/** One line of text on a page. */
export interface PageLine {
  text: string;
  /** [x0, y0, x1, y1] in points, origin top-left. */
  bbox: [number, number, number, number];
  /** The largest font size on the line, in points. */
  size: number;
}

interface Placed {
  text: string;
  x0: number;
  x1: number;
  top: number;
  baseline: number;
  size: number;
}

function place(item: TextItem, viewport: PageViewport): Placed {
  const [a, b, c, d, e, f] = item.transform as number[];
  const size = Math.hypot(c ?? 0, d ?? 0) || Math.hypot(a ?? 0, b ?? 0) || item.height;
  const [x0, baseline] = viewport.convertToViewportPoint(e ?? 0, f ?? 0) as [number, number];
  const [x1, top] = viewport.convertToViewportPoint((e ?? 0) + item.width, (f ?? 0) + size) as [number, number];
  return { text: item.str, x0: Math.min(x0, x1), x1: Math.max(x0, x1), top: Math.min(top, baseline), baseline: Math.max(top, baseline), size };
}

/** Joins a line's items left to right, adding a space where pdf.js left a visible gap and none is in the text. */
function joinLine(items: Placed[]): PageLine {
  items.sort((p, q) => p.x0 - q.x0);
  let text = '';
  let prev: Placed | undefined;
  for (const item of items) {
    const gap = prev ? item.x0 - prev.x1 : 0;
    if (prev && gap > 0.15 * item.size && !/\s$/.test(text) && !/^\s/.test(item.text)) text += ' ';
    text += item.text;
    prev = item;
  }
  const bbox: PageLine['bbox'] = [
    Math.min(...items.map((i) => i.x0)),
    Math.min(...items.map((i) => i.top)),
    Math.max(...items.map((i) => i.x1)),
    Math.max(...items.map((i) => i.baseline)),
  ];
  return { text: text.replace(/\s+/g, ' ').trim(), bbox: bbox.map((v) => Math.round(v * 100) / 100) as PageLine['bbox'], size: Math.max(...items.map((i) => i.size)) };
}

/**
 * Lines top to bottom: items whose baselines lie within 40% of a font size of each other share a line.
 * @example pageLines(await page.getTextContent(), page.getViewport({ scale: 1 }))[0] // { text: 'SECRET//NOFORN', … }
 */
export function pageLines(content: TextContent, viewport: PageViewport): PageLine[] {
  const placed = content.items
    .filter((i): i is TextItem => 'str' in i && i.str.trim() !== '')
    .map((i) => place(i, viewport))
    .sort((p, q) => p.baseline - q.baseline || p.x0 - q.x0);
  const lines: PageLine[] = [];
  let current: Placed[] = [];
  for (const item of placed) {
    const anchor = current[0];
    if (anchor && Math.abs(item.baseline - anchor.baseline) > 0.4 * Math.min(item.size, anchor.size)) {
      lines.push(joinLine(current));
      current = [];
    }
    current.push(item);
  }
  if (current.length) lines.push(joinLine(current));
  return lines.filter((l) => l.text !== '');
}

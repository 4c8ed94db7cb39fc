/** Turns a page's lines into typed blocks: header/footer bands, titles, list items and paragraphs. */
import type { ElementType } from '../../elements/index.js';
import { isListStart } from '../shared/index.js';
import type { PageLine } from './page-lines.js';

/** Share of the page height at the top (header) and bottom (footer) where lines are page furniture (banners live there). */
export const BAND = 0.08;
/** A title's font is at least this much larger than the body's. */
const TITLE_RATIO = 1.15;
/** Titles are short. */
const TITLE_MAX_CHARS = 200;
/** A gap between line tops larger than this many font sizes starts a new paragraph. */
const PARAGRAPH_GAP = 1.6;

/** One block of a page, before it becomes an element. */
export interface PageBlock {
  type: ElementType;
  text: string;
  bbox: [number, number, number, number];
  /** Font size in points (titles get a heading level from it). */
  size: number;
}

function union(lines: PageLine[]): PageBlock['bbox'] {
  return [
    Math.min(...lines.map((l) => l.bbox[0])),
    Math.min(...lines.map((l) => l.bbox[1])),
    Math.max(...lines.map((l) => l.bbox[2])),
    Math.max(...lines.map((l) => l.bbox[3])),
  ];
}

const isTitleSize = (size: number, body: number) => size >= body * TITLE_RATIO && size >= body + 1;

/** Whether `line` continues the paragraph that ends with `prev` (`first` is the paragraph's first line). */
function continues(line: PageLine, prev: PageLine, first: PageLine, body: number): boolean {
  if (Math.abs(line.size - prev.size) > 1) return false;
  if (line.bbox[1] - prev.bbox[1] > PARAGRAPH_GAP * Math.max(line.size, prev.size)) return false;
  if (isListStart(line.text)) return false;
  // A list item goes on only with indented lines; a title only while it stays title-sized.
  if (isListStart(first.text)) return line.bbox[0] > first.bbox[0] + 1;
  return isTitleSize(line.size, body) === isTitleSize(first.size, body);
}

function classify(lines: PageLine[], body: number): ElementType {
  const first = lines[0]!;
  const text = lines.map((l) => l.text).join(' ');
  if (isTitleSize(first.size, body) && text.length <= TITLE_MAX_CHARS) return 'title';
  return isListStart(first.text) ? 'list_item' : 'narrative_text';
}

/**
 * Blocks top to bottom. Each line in the top or bottom `BAND` of the page is its own `header`/`footer` block;
 * the rest are grouped into paragraphs by font size and vertical gap, then typed against the body font size.
 * @example pageBlocks(lines, { height: 792, bodySize: 11 }).map((b) => b.type) // ['header', 'title', 'narrative_text', …]
 */
export function pageBlocks(lines: PageLine[], page: { height: number; bodySize: number }): PageBlock[] {
  const blocks: PageBlock[] = [];
  let para: PageLine[] = [];
  const flush = () => {
    if (para.length) blocks.push({ type: classify(para, page.bodySize), text: para.map((l) => l.text).join('\n'), bbox: union(para), size: para[0]!.size });
    para = [];
  };
  for (const line of lines) {
    const middle = (line.bbox[1] + line.bbox[3]) / 2;
    const band = middle < BAND * page.height ? 'header' : middle > (1 - BAND) * page.height ? 'footer' : null;
    if (band) {
      flush();
      blocks.push({ type: band, text: line.text, bbox: line.bbox, size: line.size });
      continue;
    }
    const prev = para[para.length - 1];
    if (prev && !continues(line, prev, para[0]!, page.bodySize)) flush();
    para.push(line);
  }
  flush();
  return blocks;
}

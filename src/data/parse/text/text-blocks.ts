/** Splits plain text into typed blocks: banner lines, headings, list items and paragraphs (split on blank lines). */
import { findMarkings } from '../../../markings/index.js';
import type { ElementType } from '../../elements/index.js';
import { isListStart, markdownHeading, setextLevel } from '../shared/index.js';

/** One block of text and what it is. */
export interface TextBlock {
  type: ElementType;
  text: string;
  /** 1-based line of the block's first line. */
  line: number;
  /** Heading depth, for titles. */
  level?: number;
}

interface Line {
  text: string;
  number: number;
}

/** Banner lines are short, start with a capital or `/`, and are upper case or contain a `/`; prose is skipped cheaply. */
function mayBeBanner(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 400 && /^[A-Z/]/.test(t) && (t.includes('/') || !/[a-z]/.test(t));
}

/**
 * How many lines the banner starting on `lines[i]` covers (1, or 2 when an extractor split it after a `/`), or 0.
 * Only candidate lines go to `findMarkings`, which keeps a large file's cost near one pass over its lines.
 */
function bannerAt(lines: Line[], i: number): number {
  const line = lines[i]!.text;
  if (!mayBeBanner(line)) return 0;
  const next = lines[i + 1]?.text;
  const text = line.trimEnd().endsWith('/') && next !== undefined ? `${line}\n${next}` : line;
  const banner = findMarkings(text).find((f) => f.kind === 'banner' && f.line === 1);
  if (!banner) return 0;
  return text.slice(banner.start, banner.end).split('\n').length;
}

/**
 * Blocks in order. A line that is only a banner marking is its own block (`header`, or `footer` when nothing but
 * banners follows it), so it is never merged into prose; `#` headings and setext headings become `title`.
 * @example textBlocks('SECRET\n\n# Plan\nBody.').map((b) => b.type) // ['header', 'title', 'narrative_text']
 */
export function textBlocks(text: string): TextBlock[] {
  const lines: Line[] = text.split('\n').map((t, i) => ({ text: t.replace(/\s+$/, ''), number: i + 1 }));
  const blocks: TextBlock[] = [];
  let para: Line[] = [];
  let paraType: ElementType = 'narrative_text';
  const flush = () => {
    if (para.length) blocks.push({ type: paraType, text: para.map((l) => l.text).join('\n'), line: para[0]!.number });
    para = [];
    paraType = 'narrative_text';
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const banner = bannerAt(lines, i);
    if (banner > 0) {
      flush();
      const covered = lines.slice(i, i + banner);
      blocks.push({ type: 'header', text: covered.map((l) => l.text.trim()).join('\n'), line: line.number });
      i += banner - 1;
      continue;
    }
    if (line.text.trim() === '') {
      flush();
      continue;
    }
    const heading = markdownHeading(line.text);
    const underline = para.length === 0 ? setextLevel(lines[i + 1]?.text ?? '') : null;
    if (heading || underline) {
      flush();
      blocks.push({ type: 'title', text: heading ? heading.text : line.text.trim(), line: line.number, level: heading ? heading.level : underline! });
      if (!heading) i += 1;
      continue;
    }
    if (isListStart(line.text)) {
      flush();
      paraType = 'list_item';
    }
    para.push(line);
  }
  flush();
  markFooters(blocks);
  return blocks;
}

/** Banner blocks after the last non-banner block are footers. */
function markFooters(blocks: TextBlock[]): void {
  for (let i = blocks.length - 1; i >= 0 && blocks[i]!.type === 'header'; i--) blocks[i]!.type = 'footer';
}

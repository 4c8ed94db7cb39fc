/** Banner lines in markup text: kept as blocks of their own, and the first/last ones marked as header/footer. */
import { findMarkings } from '../../../markings/index.js';
import type { ElementType } from '../../elements/index.js';
import type { Block } from './block.js';

/**
 * True when `text` is nothing but one banner marking (possibly broken over two lines, or after `CLASSIFICATION:`).
 * @example isBannerOnly('SECRET//NOFORN') // true
 * @example isBannerOnly('Secret plans were made.') // false
 */
export function isBannerOnly(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 500) return false;
  const found = findMarkings(trimmed).filter((f) => f.kind === 'banner');
  if (found.length !== 1) return false;
  const f = found[0]!;
  return trimmed.slice(0, f.start).replace(/^\s*(?:CLASSIFICATION|CLASS)\s*:\s*/i, '') === '' && trimmed.slice(f.end).trim() === '';
}

/**
 * Splits a multi-line block so that each banner line (a `<br>`-separated `SECRET//NOFORN` in a paragraph) is a
 * block of its own; the other lines stay together with the block's type.
 * @example splitBannerLines('narrative_text', 'SECRET\nBody.').map((b) => b.text) // ['SECRET', 'Body.']
 */
export function splitBannerLines(type: ElementType, text: string): Block[] {
  if (!text.includes('\n')) return [{ type, text }];
  const banners = findMarkings(text).filter((f) => f.kind === 'banner');
  if (banners.length === 0) return [{ type, text }];
  const lines = text.split('\n');
  const out: Block[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length) out.push({ type, text: pending.join('\n') });
    pending = [];
  };
  let next = 0;
  for (const f of banners) {
    const first = f.line - 1;
    const last = first + f.text.split('\n').length - 1;
    if (first < next) continue;
    pending.push(...lines.slice(next, first));
    flush();
    out.push({ type: 'narrative_text', text: lines.slice(first, last + 1).join('\n') });
    next = last + 1;
  }
  pending.push(...lines.slice(next));
  flush();
  return out.filter((b) => b.text.trim() !== '');
}

const MOVABLE: ReadonlySet<ElementType> = new Set(['narrative_text', 'title', 'list_item', 'other']);

/**
 * Marks the leading run of banner-only blocks as `header` and the trailing run as `footer`, in place, so a page's
 * banner (an HTML banner `div`, a typed banner line at the top of a Word body) is document furniture.
 * @example markBannerFurniture(blocks) // [{ type: 'header', text: 'SECRET' }, …, { type: 'footer', text: 'SECRET' }]
 */
export function markBannerFurniture(blocks: Block[]): void {
  const banner = (b: Block) => MOVABLE.has(b.type) && isBannerOnly(b.text);
  let i = 0;
  for (; i < blocks.length && banner(blocks[i]!); i++) blocks[i] = { type: 'header', text: blocks[i]!.text };
  for (let j = blocks.length - 1; j >= i && banner(blocks[j]!); j--) blocks[j] = { type: 'footer', text: blocks[j]!.text };
}

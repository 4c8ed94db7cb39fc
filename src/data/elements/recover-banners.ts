/** Reads banner lines the strict marking reader misses in OCR text and page furniture, and words the warnings. */
import { findMarkings } from '../../markings/index.js';
import type { Element } from './element.js';
import type { ElementType } from './element-types.js';
import { readNearBanner } from './near-banner.js';
import { neverLower } from './never-lower.js';

/** Element types that come from OCR or are page furniture: their banner lines are also read leniently. */
const NOISY_TYPES: ReadonlySet<ElementType> = new Set(['image_text', 'header', 'footer']);

/** A banner line read leniently: its 1-based line in the element, the label, and the repairs that read it. */
export interface Recovered {
  line: number;
  raw: string;
  label: string;
  repairs: string[];
}

/**
 * The lines of a header, footer or one-line OCR element that the strict reader missed or read with errors, and a
 * confident lenient parse reads (never lower than the strict reading).
 */
export function recoverBanners(e: Element): Recovered[] {
  if (!NOISY_TYPES.has(e.type)) return [];
  const lines = e.text.split('\n');
  if (e.type === 'image_text' && lines.length > 1) return [];
  const out: Recovered[] = [];
  lines.forEach((raw, i) => {
    const strict = findMarkings(raw).find((f) => f.kind === 'banner');
    if (strict?.result.valid) return;
    const near = readNearBanner(raw);
    if (near) out.push({ line: i + 1, raw: raw.trim(), label: neverLower(strict?.result.normalised ?? null, near.label), repairs: near.repairs });
  });
  return out;
}

/** One warning per distinct noisy line, naming its pages, so a reviewer can check the scan. */
export function recoveryWarnings(recovered: ReadonlyMap<Element, Recovered[]>): string[] {
  const seen = new Map<string, { r: Recovered; path: string; count: number; pages: Set<number> }>();
  for (const [e, list] of recovered) {
    for (const r of list) {
      const key = `${r.raw}\u0000${r.label}`;
      const entry = seen.get(key) ?? { r, path: e.source.path, count: 0, pages: new Set<number>() };
      entry.count += 1;
      if (e.page !== undefined) entry.pages.add(e.page);
      seen.set(key, entry);
    }
  }
  return [...seen.values()].map(({ r, path, count, pages }) => {
    const fixes = r.repairs.length ? ` (${r.repairs.join('; ')})` : '';
    const where = pages.size ? `, page${pages.size > 1 ? 's' : ''} ${[...pages].sort((a, b) => a - b).join(', ')}` : '';
    return `${path}: noisy marking "${r.raw}" read leniently as ${r.label}${fixes} in ${count} element${count > 1 ? 's' : ''}${where}; check it against the original.`;
  });
}


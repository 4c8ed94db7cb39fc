/** Cleans labelled elements before chunking: boilerplate lines of paged documents out (markings kept), text normalised. */
import { dehyphenate, isMarkingLine, normalizeText, removeBoilerplate } from '../clean/index.js';
import type { Element } from '../elements/index.js';

/** The cleaned elements and the lineage steps that were applied. */
export interface CleanResult {
  elements: Element[];
  transformations: string[];
  /** Elements dropped as running headers, footers or page numbers. */
  boilerplate: number;
}

/** Ids of elements that removeBoilerplate judges running headers/footers/page numbers (never a marking line). */
function boilerplateIds(elements: readonly Element[]): Set<string> {
  const pages = [...new Set(elements.flatMap((e) => (e.page === undefined ? [] : [e.page])))].sort((a, b) => a - b);
  if (pages.length < 3) return new Set();
  const onPage = pages.map((p) => elements.filter((e) => e.page === p && e.type !== 'table' && e.type !== 'page_break'));
  // One line per element, so a removed line is a removed element.
  const { removed } = removeBoilerplate(onPage.map((els) => els.map((e) => e.text.replace(/\s*\n\s*/g, ' ')).join('\n')));
  const ids = new Set<string>();
  for (const r of removed) {
    const e = onPage[r.page]?.[r.line];
    if (e && !isMarkingLine(e.text)) ids.add(e.id);
  }
  return ids;
}

/**
 * Normalises (NFC, whitespace) and de-hyphenates element text (tables keep their cells as they are), drops running
 * boilerplate of documents with three or more pages, and drops elements left empty.
 * @example cleanElements(labelElements(parsed.elements)).elements
 */
export function cleanElements(elements: readonly Element[]): CleanResult {
  const drop = boilerplateIds(elements);
  const out: Element[] = [];
  for (const e of elements) {
    if (drop.has(e.id) || e.type === 'page_break') continue;
    const text = e.type === 'table' ? e.text : dehyphenate(normalizeText(e.text));
    if (text.trim() === '') continue;
    out.push(text === e.text ? e : { ...e, text });
  }
  const transformations = ['clean:normalize(NFC)', 'clean:dehyphenate'];
  if (drop.size > 0) transformations.push('clean:boilerplate');
  return { elements: out, transformations, boilerplate: drop.size };
}

/** Assigns each element its marking: its own portion mark, else the document banner; and rolls a document up. */
import { findMarkings, parseMarking, renderMarking, type FoundMarking, type Marking } from '../../markings/index.js';
import type { Element } from './element.js';
import { recoverBanners, recoveryWarnings, type Recovered } from './recover-banners.js';
import { rollupLabels } from './rollup-labels.js';

/** Options for `labelElements`. */
export interface LabelOptions {
  /** The document banner, when known from outside the text (overrides banners found in headers and footers). */
  banner?: string;
}

/** Labelled elements, and what the labeller had to guess (one line per noisy marking read leniently). */
export interface LabelledDocument {
  elements: Element[];
  warnings: string[];
}

const isWholeBanner = (e: Element, f: FoundMarking) => f.kind === 'banner' && f.text.trim() === e.text.trim();

/** The document banner: the roll-up of banner lines in headers, footers and elements that are only a banner. */
function findBanner(elements: readonly Element[], recovered: ReadonlyMap<Element, Recovered[]>): string {
  const banners: string[] = [];
  for (const e of elements) {
    const lenient = recovered.get(e) ?? [];
    const furniture = e.type === 'header' || e.type === 'footer';
    for (const f of findMarkings(e.text)) {
      if (lenient.some((r) => r.line === f.line)) continue;
      if (f.kind === 'banner' && f.result.normalised && (furniture || isWholeBanner(e, f))) banners.push(f.result.normalised);
    }
    banners.push(...lenient.map((r) => r.label));
  }
  return rollupLabels(banners);
}

/** The element's own marking: a banner line that is the whole element, or a portion mark at its start (or a title's end). */
function ownMarking(e: Element, banner: Marking | null, recovered: readonly Recovered[]): string | null {
  if (!e.text.trim().includes('\n') && recovered[0]) return recovered[0].label;
  const found = findMarkings(e.text);
  const whole = found.find((f) => isWholeBanner(e, f));
  if (whole?.result.normalised) return whole.result.normalised;
  const lead = e.text.length - e.text.trimStart().length;
  const tail = e.text.trimEnd().length;
  const portion = found.find((f) => f.kind === 'portion' && (f.start === lead || (e.type === 'title' && f.end === tail)));
  if (!portion) return null;
  const parsed = parseMarking(portion.text, { form: 'portion', lenient: true, banner });
  return parsed.marking ? renderMarking(parsed.marking, 'banner') : null;
}

/**
 * Labels elements like `labelElements` and says which markings it recovered from OCR-noisy header, footer and
 * `image_text` lines (`SECRET/NOFORN`, `TOP SECRET//Sl//NOFORN`) with a lenient parse. A lenient read is used
 * only when it is confident (the whole line is a marking, no unknown words, no prose) and never lowers a label.
 * @example labelDocument(elements).warnings // ['scan.pdf: noisy marking "SECRET/NOFORN" read leniently as SECRET//NOFORN …']
 */
export function labelDocument(elements: readonly Element[], options: LabelOptions = {}): LabelledDocument {
  const recovered = new Map<Element, Recovered[]>();
  for (const e of elements) {
    const found = recoverBanners(e);
    if (found.length) recovered.set(e, found);
  }
  const banner = options.banner !== undefined ? (parseMarking(options.banner, { form: 'any', lenient: true }).normalised ?? options.banner) : findBanner(elements, recovered);
  const bannerMarking = banner ? parseMarking(banner, { form: 'banner', lenient: true }).marking : null;
  const labelled = elements.map((e) => ({ ...e, label: ownMarking(e, bannerMarking, recovered.get(e) ?? []) ?? banner }));
  return { elements: labelled, warnings: recoveryWarnings(recovered) };
}

/**
 * Returns copies of `elements` with `label` set to the element's own marking in banner form, or else the document
 * banner, or '' when the document is unmarked ('' means unknown, never UNCLASSIFIED). See `labelDocument` for the
 * warnings about markings read leniently.
 * @example labelElements(elements).map((e) => e.label) // ['SECRET//NOFORN', 'UNCLASSIFIED', …]
 */
export function labelElements(elements: readonly Element[], options: LabelOptions = {}): Element[] {
  return labelDocument(elements, options).elements;
}

/**
 * The document's label: the roll-up of its elements' labels ('' when none is marked).
 * @example documentLabel(labelElements(elements)) // 'SECRET//NOFORN'
 */
export function documentLabel(elements: readonly Element[]): string {
  return rollupLabels(elements.map((e) => e.label));
}

// labelDocument on OCR-like elements: noisy banners in headers, footers and image_text lines are recovered with a
// warning, prose never becomes a marking, and a lenient read never lowers a label.
import { describe, expect, it } from 'vitest';
import { createElement } from './element-id.js';
import type { ElementType } from './element-types.js';
import { documentLabel, labelDocument, labelElements } from './label-elements.js';
import { neverLower } from './never-lower.js';

const source = { path: 'scan.pdf', sha256: 'd'.repeat(64) };
const page = (items: Array<[ElementType, string]>, n = 1, from = 0) =>
  items.map(([type, text], i) => createElement({ type, text, index: from + i, page: n, source }));

describe('labelDocument on OCR text', () => {
  it('recovers a banner that lost a slash in the page header and footer, and says so once', () => {
    const elements = [
      ...page([['header', 'SECRET/NOFORN'], ['image_text', 'Exercise Report'], ['image_text', '(U) Short and unclassified.'], ['image_text', 'More text.'], ['footer', 'SECRET/NOFORN']]),
      ...page([['header', 'SECRET/NOFORN'], ['image_text', 'Findings'], ['footer', 'SECRET/NOFORN']], 2, 5),
    ];
    const { elements: labelled, warnings } = labelDocument(elements);
    expect(labelled.map((e) => e.label)).toEqual(['SECRET//NOFORN', 'SECRET//NOFORN', 'UNCLASSIFIED', 'SECRET//NOFORN', 'SECRET//NOFORN', 'SECRET//NOFORN', 'SECRET//NOFORN', 'SECRET//NOFORN']);
    expect(warnings).toEqual(['scan.pdf: noisy marking "SECRET/NOFORN" read leniently as SECRET//NOFORN ("/" → "//") in 4 elements, pages 1, 2; check it against the original.']);
  });

  it('reads l for I and 0 for O in a banner that is an image_text line', () => {
    const { elements, warnings } = labelDocument(page([['image_text', 'TOP SECRET//Sl//NOFORN'], ['image_text', 'Body text with no mark.']]));
    expect(elements.map((e) => e.label)).toEqual(['TOP SECRET//SI//NOFORN', 'TOP SECRET//SI//NOFORN']);
    expect(warnings[0]).toMatch(/"TOP SECRET\/\/Sl\/\/NOFORN" read leniently as TOP SECRET\/\/SI\/\/NOFORN \("Sl" → "SI"\)/);
    const fouo = labelDocument(page([['header', 'UNCLASSIFlED//F0UO'], ['image_text', 'Routine text.']]));
    expect(documentLabel(fouo.elements)).toBe('UNCLASSIFIED//FOUO');
  });

  it('recovers banners the strict reader misses entirely (edge specks, a page number, 5 for S)', () => {
    for (const noisy of ['| SECRET//NOFORN .', 'SECRET//NOFORN Page 2 of 9', '5ECRET//NOFORN']) {
      const { elements, warnings } = labelDocument(page([['footer', noisy], ['image_text', 'Text.']]));
      expect(elements.map((e) => e.label)).toEqual(['SECRET//NOFORN', 'SECRET//NOFORN']);
      expect(warnings).toHaveLength(1);
    }
  });

  it('never makes a marking out of prose that mentions secrets', () => {
    const prose = page([
      ['image_text', 'The secret plan was discussed at length.'],
      ['image_text', 'SECRET plans were discussed'],
      ['header', 'Secret Santa sign-up'],
      ['footer', 'Confidential'],
      ['image_text', 'SECRET SQUIRREL'],
    ]);
    const { elements, warnings } = labelDocument(prose);
    expect(elements.map((e) => e.label)).toEqual(['', '', '', '', '']);
    expect(warnings).toEqual([]);
  });

  it('reads nothing leniently outside headers, footers and image_text', () => {
    const { elements, warnings } = labelDocument(page([['narrative_text', 'TOP SECRET//Sl//NOFORN'], ['narrative_text', 'Body.']]));
    expect(warnings).toEqual([]);
    expect(elements[0]!.label).toBe('TOP SECRET//SL//NOFORN'); // the strict reader's reading, unchanged
  });

  it('leaves clean text alone: same labels as before, no warnings', () => {
    const clean = page([['header', 'SECRET//NOFORN'], ['narrative_text', '(C) A note.'], ['narrative_text', 'Plain.'], ['footer', 'SECRET//NOFORN']]);
    const { elements, warnings } = labelDocument(clean);
    expect(elements.map((e) => e.label)).toEqual(['SECRET//NOFORN', 'CONFIDENTIAL', 'SECRET//NOFORN', 'SECRET//NOFORN']);
    expect(warnings).toEqual([]);
    expect(labelElements(clean)).toEqual(elements);
  });

  it('never lowers: a higher banner elsewhere still wins, and portion marks keep their own label', () => {
    const els = page([['header', 'UNCLASSIFIED/FOUO'], ['image_text', '(S//NF) A secret paragraph.'], ['footer', 'TOP SECRET//NOFORN']]);
    const { elements } = labelDocument(els);
    expect(elements.map((e) => e.label)).toEqual(['UNCLASSIFIED//FOUO', 'SECRET//NOFORN', 'TOP SECRET//NOFORN']);
    expect(documentLabel(elements)).toBe('TOP SECRET//NOFORN');
  });
});

describe('neverLower', () => {
  it('takes the repaired reading when it is as strict, else rolls both up', () => {
    expect(neverLower(null, 'SECRET//NOFORN')).toBe('SECRET//NOFORN');
    expect(neverLower('TOP SECRET//SL//NOFORN', 'TOP SECRET//SI//NOFORN')).toBe('TOP SECRET//SI//NOFORN');
    expect(neverLower('SECRET//NOFORN', 'SECRET')).toBe('SECRET//NOFORN');
    expect(neverLower('TOP SECRET', 'SECRET//NOFORN')).toBe('TOP SECRET//NOFORN');
    expect(neverLower('SECRET//NOFORN', 'SECRET//REL TO USA, GBR')).toBe('SECRET//NOFORN');
  });
});

import { describe, expect, it } from 'vitest';
import { createElement, type ElementInput } from './element-id.js';
import type { ElementType } from './element-types.js';
import { documentLabel, labelElements } from './label-elements.js';
import { rollupLabels } from './rollup-labels.js';

const source = { path: 'memo.txt', sha256: 'c'.repeat(64) };
const make = (items: Array<[ElementType, string]>, extra: Partial<ElementInput> = {}) =>
  items.map(([type, text], index) => createElement({ type, text, index, source, ...extra }));

describe('labelElements', () => {
  it('takes each portion mark at the start of the text, and a title\'s trailing mark', () => {
    const els = labelElements(
      make([
        ['header', 'SECRET//NOFORN'],
        ['title', 'Plan (U)'],
        ['narrative_text', '(S//NF) The plan is secret.'],
        ['narrative_text', '(C) A confidential note with (S) inside it later.'],
        ['narrative_text', 'No mark here, so the banner applies.'],
      ]),
    );
    expect(els.map((e) => e.label)).toEqual(['SECRET//NOFORN', 'UNCLASSIFIED', 'SECRET//NOFORN', 'CONFIDENTIAL', 'SECRET//NOFORN']);
    expect(documentLabel(els)).toBe('SECRET//NOFORN');
  });

  it('resolves a portion REL against the banner, and takes a given banner over found ones', () => {
    const els = labelElements(make([['narrative_text', '(S//REL) Shared.'], ['narrative_text', 'Unmarked.']]), { banner: 'SECRET//REL TO USA, GBR' });
    expect(els.map((e) => e.label)).toEqual(['SECRET//REL TO USA, GBR', 'SECRET//REL TO USA, GBR']);
  });

  it("leaves an unmarked document's labels empty (unknown, not UNCLASSIFIED)", () => {
    const els = labelElements(make([['narrative_text', 'Secret plans are discussed.']]));
    expect(els[0]!.label).toBe('');
    expect(documentLabel(els)).toBe('');
  });

  it('does not mutate its input', () => {
    const input = make([['narrative_text', '(U) Fine.']]);
    labelElements(input);
    expect(input[0]!.label).toBe('');
  });
});

describe('rollupLabels', () => {
  it('joins labels and ignores unmarked ones', () => {
    expect(rollupLabels(['UNCLASSIFIED', '', 'SECRET//NOFORN', 'CONFIDENTIAL//REL TO USA, FVEY'])).toBe('SECRET//NOFORN');
    expect(rollupLabels(['', ''])).toBe('');
  });

  it('refuses a roll-up that would lower an input (a NATO marking beside a US one)', () => {
    expect(() => rollupLabels(['COSMIC TOP SECRET//BOHEMIA', 'SECRET'])).toThrow(/without lowering "COSMIC TOP SECRET\/\/BOHEMIA"/);
  });
});

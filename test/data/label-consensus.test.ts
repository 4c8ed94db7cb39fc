// Labelling rules without a database: value checks per kind, consensus per kind, balanced assignment, agreement plumbing.
import { describe, expect, it } from 'vitest';
import { agreementStats, consensusOf, parseAnnotationValue, planAssignments, spanOverlap, TaskKindSchema, CheckedTaskKindSchema } from '../../src/data/label/index.js';

const text = { text: 'Alice met Bob in Paris.' };

describe('annotation values are checked against the task kind', () => {
  it('classification and multi-label take only the choices; multi-label comes back in choice order', () => {
    const cls = { kind: 'classification' as const, choices: ['pos', 'neg'] };
    expect(parseAnnotationValue(cls, 'pos', text)).toEqual({ ok: true, value: 'pos' });
    expect(parseAnnotationValue(cls, 'meh', text)).toMatchObject({ ok: false, reason: expect.stringContaining('"pos", "neg"') });
    const ml = { kind: 'multi_label' as const, choices: ['a', 'b', 'c'] };
    expect(parseAnnotationValue(ml, ['c', 'a'], text)).toEqual({ ok: true, value: ['a', 'c'] });
    expect(parseAnnotationValue(ml, ['a', 'a'], text).ok).toBe(false);
    expect(parseAnnotationValue(ml, ['z'], text).ok).toBe(false);
  });

  it('spans must lie inside the item text, have a known type and match the quoted text when given', () => {
    const span = { kind: 'span' as const, entityTypes: ['PER', 'LOC'] };
    expect(parseAnnotationValue(span, [{ start: 17, end: 22, type: 'LOC', text: 'Paris' }, { start: 0, end: 5, type: 'PER' }], text)).toEqual({
      ok: true,
      value: [{ start: 0, end: 5, type: 'PER' }, { start: 17, end: 22, type: 'LOC' }],
    });
    expect(parseAnnotationValue(span, [{ start: 20, end: 40, type: 'LOC' }], text)).toMatchObject({ ok: false, reason: expect.stringContaining('length 23') });
    expect(parseAnnotationValue(span, [{ start: 0, end: 5, type: 'ORG' }], text).ok).toBe(false);
    expect(parseAnnotationValue(span, [{ start: 0, end: 5, type: 'PER', text: 'Bob' }], text)).toMatchObject({ ok: false, reason: expect.stringContaining('"Alice"') });
  });

  it('ratings stay on the scale; pairwise is a, b or tie; free text is non-empty', () => {
    const rating = CheckedTaskKindSchema.parse({ kind: 'rating', min: 1, max: 5, step: 0.5 });
    expect(parseAnnotationValue(rating, 4.5, text).ok).toBe(true);
    expect(parseAnnotationValue(rating, 4.25, text).ok).toBe(false);
    expect(parseAnnotationValue(rating, 6, text).ok).toBe(false);
    expect(CheckedTaskKindSchema.safeParse({ kind: 'rating', min: 5, max: 1 }).success).toBe(false);
    expect(parseAnnotationValue({ kind: 'pairwise' }, 'tie', text).ok).toBe(true);
    expect(parseAnnotationValue({ kind: 'pairwise' }, 'c', text).ok).toBe(false);
    const free = TaskKindSchema.parse({ kind: 'free_text' });
    expect(parseAnnotationValue(free, '  ', text).ok).toBe(false);
  });
});

describe('consensus rules', () => {
  const cls = { kind: 'classification' as const, choices: ['x', 'y', 'z'] };
  it('classification and pairwise: plurality wins, a tie for the top is unresolved (never random)', () => {
    expect(consensusOf(cls, ['x', 'y', 'x'], 'majority')).toMatchObject({ status: 'resolved', value: 'x', detail: { votes: { x: 2, y: 1 } } });
    expect(consensusOf(cls, ['x', 'y'], 'majority')).toMatchObject({ status: 'unresolved', detail: { tied: ['x', 'y'] } });
    expect(consensusOf({ kind: 'pairwise' }, ['a', 'b', 'b'], 'majority')).toMatchObject({ status: 'resolved', value: 'b' });
    expect(consensusOf(cls, [], 'majority').status).toBe('unannotated');
  });

  it('multi-label: each choice kept when more than half chose it; exactly half is unresolved', () => {
    const ml = { kind: 'multi_label' as const, choices: ['a', 'b', 'c'] };
    expect(consensusOf(ml, [['a', 'b'], ['a'], ['a', 'c']], 'majority')).toMatchObject({ status: 'resolved', value: ['a'] });
    expect(consensusOf(ml, [['a', 'b'], ['a']], 'majority')).toMatchObject({ status: 'unresolved', detail: { tied: ['b'] } });
  });

  it('rating: mean or median', () => {
    const r = { kind: 'rating' as const, min: 1, max: 5, step: 1 };
    expect(consensusOf(r, [1, 2, 5], 'mean')).toMatchObject({ value: 8 / 3, detail: { mean: 8 / 3, median: 2 } });
    expect(consensusOf(r, [1, 2, 5, 4], 'median').value).toBe(3);
  });

  it('spans: kept when a majority marked the same span, exactly or overlapping by half or more', () => {
    const s = { kind: 'span' as const, entityTypes: ['PER', 'LOC'] };
    const votes = [
      [{ start: 0, end: 5, type: 'PER' }, { start: 17, end: 22, type: 'LOC' }],
      [{ start: 0, end: 5, type: 'PER' }, { start: 16, end: 22, type: 'LOC' }],
      [{ start: 10, end: 13, type: 'PER' }, { start: 17, end: 23, type: 'LOC' }],
    ];
    expect(consensusOf(s, votes, 'exact').value).toEqual([{ start: 0, end: 5, type: 'PER' }]);
    expect(consensusOf(s, votes, 'overlap').value).toEqual([
      { start: 0, end: 5, type: 'PER' },
      { start: 17, end: 22, type: 'LOC' },
    ]);
    expect(spanOverlap({ start: 0, end: 10, type: 'A' }, { start: 5, end: 15, type: 'A' })).toBeCloseTo(1 / 3);
  });

  it('free text needs review unless two or more responses are the same', () => {
    const f = TaskKindSchema.parse({ kind: 'free_text' });
    expect(consensusOf(f, ['one answer'], 'auto').status).toBe('needs_review');
    expect(consensusOf(f, ['same  answer', 'same answer'], 'auto')).toMatchObject({ status: 'resolved', value: 'same  answer' });
  });
});

describe('assignment', () => {
  it('round-robin with k per item keeps every load within one of the others', () => {
    const items = Array.from({ length: 7 }, (_, i) => ({ id: `i${i}` }));
    const plan = planAssignments(items, ['a', 'b', 'c'], 2, () => true);
    expect([...plan.byItem.values()].slice(0, 3)).toEqual([['a', 'b'], ['c', 'a'], ['b', 'c']]);
    const load = ['a', 'b', 'c'].map((a) => [...plan.byItem.values()].filter((w) => w.includes(a)).length);
    expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(1);
    expect(load.reduce((s, x) => s + x, 0)).toBe(14);
    expect(plan.shortfalls).toEqual([]);
  });

  it('skips annotators who are not eligible for an item and reports the shortfall', () => {
    const plan = planAssignments([{ id: 'u' }, { id: 'ts' }], ['low', 'high'], 2, (a, item) => item.id !== 'ts' || a === 'high');
    expect(plan.byItem.get('ts')).toEqual(['high']);
    expect(plan.shortfalls).toEqual([{ itemId: 'ts', wanted: 2, got: 1 }]);
  });
});

describe('agreement plumbing', () => {
  it('Cohen needs exactly two raters; Fleiss needs a fixed number per item; alpha handles missing values', () => {
    const units = new Map([
      ['1', new Map([['a', 'y'], ['b', 'y'], ['c', 'n']])],
      ['2', new Map([['a', 'n'], ['b', 'n']])],
    ]);
    const s = agreementStats(units, ['y', 'n'], { level: 'nominal' });
    expect(s.cohensKappa).toMatchObject({ value: null, reason: expect.stringContaining('exactly 2') });
    expect(s.fleissKappa).toMatchObject({ value: null, n: 2, reason: expect.stringContaining('2, 3') });
    expect(s.krippendorffAlpha.n).toBe(2);
    expect(s.krippendorffAlpha.values).toBe(5);
    expect(s.krippendorffAlpha.value).not.toBeNull();
  });
});

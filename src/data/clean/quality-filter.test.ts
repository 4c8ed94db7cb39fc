import { describe, expect, it } from 'vitest';
import { checkQuality, QUALITY_REASONS } from './quality-filter.js';

describe('checkQuality', () => {
  it('passes ordinary prose', () => {
    const r = checkQuality('The committee met on 12 May and agreed the budget for next year.');
    expect(r.ok).toBe(true);
    expect(r.reasons).toEqual([]);
    expect(r.stats.words).toBe(13);
  });

  it('reports every failed check with its value and limit', () => {
    const r = checkQuality('#### $$$$ @@@@');
    expect(r.ok).toBe(false);
    expect(r.reasons.map((x) => x.code)).toEqual(['too-short', 'low-alpha', 'high-symbol']);
    expect(r.reasons[0]).toEqual({ code: 'too-short', value: 3, limit: 5 });
    expect(r.reasons[1]!.value).toBe(0);
    expect(r.reasons[2]!.value).toBe(1);
    expect(r.reasons.every((x) => QUALITY_REASONS.includes(x.code))).toBe(true);
  });

  it('flags repeated lines', () => {
    const text = ['click here to subscribe now', 'click here to subscribe now', 'click here to subscribe now', 'real content line'].join('\n');
    const r = checkQuality(text);
    expect(r.stats.repeatedLineRatio).toBe(0.5);
    expect(r.reasons).toEqual([{ code: 'repeated-lines', value: 0.5, limit: 0.3 }]);
    expect(checkQuality(text, { maxRepeatedLineRatio: 0.5 }).ok).toBe(true);
  });

  it('honours custom thresholds', () => {
    expect(checkQuality('one two three', { minWords: 3 }).ok).toBe(true);
  });
});

// Classification authority blocks: the CAB vectors of §5.4 in the data-engine reference, and finding blocks in text.
import { describe, expect, it } from 'vitest';
import { findCabs, isDate8, parseCab } from './parse-cab.js';

const BASE = 'Classified By: J. Smith, Director, Office of Examples';

describe('parseCab', () => {
  it.each([
    [`${BASE}\nDerived From: Example SCG, dated 20200101\nDeclassify On: 20451231`],
    [`${BASE}\nReason: 1.4(a) and 1.4(c)\nDeclassify On: 25X1, 20600101`],
    [`${BASE}\nDerived From: Multiple Sources\nDeclassify On: 50X1-HUM`],
    [`${BASE}\nOffice of Examples\nClassification Reason: 1.4(b), 1.4(d), and 1.4(g)\nDeclassify On: Completion of the operation`],
    [`${BASE}\nDerived From: Multiple Sources\nDeclassify On: N/A to RD portions. See source list for NSI portions.`],
  ])('valid: %s', (text) => {
    const r = parseCab(text);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it.each([
    [`${BASE}\nDerived From: Multiple Sources\nDeclassify On: OADR`, 'E_CAB_LEGACY'],
    [`${BASE}\nDerived From: Multiple Sources\nDeclassify On: X3`, 'E_CAB_LEGACY'],
    [`${BASE}\nDerived From: Multiple Sources\nDeclassify On: 2045-12-31`, 'E_CAB_DATEFMT'],
    [`${BASE}\nDerived From: Multiple Sources\nDeclassify On: 20450231`, 'E_CAB_DATE'],
    [`${BASE}\nReason: 1.4(a)\nDeclassify On: 25X1, 20450231`, 'E_CAB_DATE'],
    [`${BASE}\nReason: national security\nDeclassify On: 20451231`, 'E_CAB_REASON'],
    ['Derived From: Multiple Sources\nDeclassify On: 20451231', 'E_CAB_BY'],
    [`${BASE}\nDeclassify On: 20451231`, 'E_CAB_SOURCE'],
    [`${BASE}\nDerived From: Multiple Sources`, 'E_CAB_DECLASS'],
  ])('invalid: %s → %s', (text, code) => {
    const r = parseCab(text);
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => e.code)).toEqual([code]);
  });

  it('reads the fields and the agency line', () => {
    const r = parseCab(`${BASE}\nOffice of Examples\nReason: 1.4(c)\nDeclassify On: 20451231`);
    expect(r.cab).toEqual({ classifiedBy: 'J. Smith, Director, Office of Examples', agencyOffice: 'Office of Examples', reason: '1.4(c)', derivedFrom: null, declassifyOn: '20451231' });
    expect(parseCab(`${BASE}\nReason: 1.4(z)\nDeclassify On: 20451231`).errors[0]!.position).toBe(BASE.length + 9);
  });

  it('checks calendar dates', () => {
    expect(isDate8('20240229')).toBe(true);
    expect(isDate8('20230229')).toBe(false);
    expect(isDate8('20241301')).toBe(false);
  });
});

describe('findCabs', () => {
  it('finds each block with its offsets', () => {
    const doc = `SECRET\n\nBody text.\n\n${BASE}\nDerived From: Multiple Sources\nDeclassify On: 20451231\n\nMore text.`;
    const found = findCabs(doc);
    expect(found).toHaveLength(1);
    expect(found[0]!.start).toBe(doc.indexOf('Classified By'));
    expect(found[0]!.text.endsWith('20451231')).toBe(true);
    expect(found[0]!.result.valid).toBe(true);
  });
});

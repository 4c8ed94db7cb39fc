// A document's classification property is checked against its visible markings: mismatches are warned about and
// the label is the roll-up of both, never lower than what the document shows.
import { describe, expect, it } from 'vitest';
import { checkPropertyLabel, propertyMarkings } from './property-label.js';

const check = (value: string, visible: string) => checkPropertyLabel({ properties: { 'custom.Classification': value }, visible, path: 'a.docx' });

describe('propertyMarkings', () => {
  it('reads classification-named custom properties leniently and skips labelling tools and non-markings', () => {
    const found = propertyMarkings({
      'custom.Classification': 'Secret',
      'custom.Security Classification': 'S//NF',
      'custom.MSIP_Label_0_Name': 'Secret',
      'custom.Project': 'SECRET',
      'custom.ClassificationMarking': 'see cover sheet',
      title: 'TOP SECRET',
    });
    expect(found).toEqual([
      { key: 'custom.Classification', value: 'Secret', label: 'SECRET' },
      { key: 'custom.Security Classification', value: 'S//NF', label: 'SECRET//NOFORN' },
    ]);
  });
});

describe('checkPropertyLabel', () => {
  it('says nothing when the property agrees with the banners', () => {
    expect(check('SECRET//NOFORN', 'SECRET//NOFORN')).toEqual({ label: 'SECRET//NOFORN', fromProperties: 'SECRET//NOFORN', warnings: [] });
  });

  it('warns when the property is lower, and keeps the visible label', () => {
    const r = check('UNCLASSIFIED', 'SECRET//NOFORN');
    expect(r.label).toBe('SECRET//NOFORN');
    expect(r.warnings).toEqual([
      'a.docx: property custom.Classification = "UNCLASSIFIED" names a lower classification (UNCLASSIFIED) than the document\'s markings (SECRET//NOFORN); the label stays SECRET//NOFORN. Fix the property or check the markings.',
    ]);
  });

  it('warns when the property is higher, and raises the label to the roll-up of both', () => {
    const r = check('TOP SECRET//SI', 'SECRET//NOFORN');
    expect(r.label).toBe('TOP SECRET//SI//NOFORN');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/names a higher classification \(TOP SECRET\/\/SI\) than the document's markings \(SECRET\/\/NOFORN\); labelled as the roll-up of both/);
  });

  it('labels a document with no visible marking from the property, with a warning', () => {
    const r = check('CONFIDENTIAL', '');
    expect(r.label).toBe('CONFIDENTIAL');
    expect(r.warnings[0]).toMatch(/shows no marking; labelled CONFIDENTIAL from the property/);
  });

  it('warns about a property that differs without being higher or lower, and rolls both up', () => {
    const r = check('SECRET//ORCON', 'SECRET//PROPIN');
    expect(r.warnings).toEqual(['a.docx: property custom.Classification = "SECRET//ORCON" (SECRET//ORCON) differs from the document\'s markings (SECRET//PROPIN); labelled as the roll-up of both. A reviewer should check.']);
    expect(r.label).toBe('SECRET//ORCON/PROPIN');
    expect(check('SECRET//REL TO USA, GBR', 'SECRET//ORCON').warnings[0]).toMatch(/names a lower classification/);
  });

  it('passes the visible label through when no property names a classification', () => {
    expect(checkPropertyLabel({ properties: { title: 'Plan' }, visible: 'SECRET', path: 'a.docx' })).toEqual({ label: 'SECRET', fromProperties: '', warnings: [] });
  });
});

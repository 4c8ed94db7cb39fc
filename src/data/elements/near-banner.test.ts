// OCR-garbled banner lines are read when the reading is sure, and prose never is.
import { describe, expect, it } from 'vitest';
import { readNearBanner } from './near-banner.js';

const NOISY: Array<[string, string]> = [
  ['SECRET/NOFORN', 'SECRET//NOFORN'],
  ['SECRET//NOF0RN', 'SECRET//NOFORN'],
  ['SECRET NOFORN', 'SECRET//NOFORN'],
  ['S E C R E T // N O F O R N', 'SECRET//NOFORN'],
  ['5ECRET//NOFORN', 'SECRET//NOFORN'],
  ['| SECRET//NOFORN .', 'SECRET//NOFORN'],
  ['SECRET//NOFORN Page 2 of 9', 'SECRET//NOFORN'],
  ['TOP SECRET//Sl//NOFORN', 'TOP SECRET//SI//NOFORN'],
  ['TOP SECRET//S|//NOFORN', 'TOP SECRET//SI//NOFORN'],
  ['T0P SECRET//SI//N0FORN', 'TOP SECRET//SI//NOFORN'],
  ['UNCLASSIFIED/FOUO', 'UNCLASSIFIED//FOUO'],
  ['UNCLASSIFIED // FOUO', 'UNCLASSIFIED//FOUO'],
  ['UNCLASSIFlED//F0UO', 'UNCLASSIFIED//FOUO'],
  ['UNCLASSlFIED//FOR OFFlCIAL USE ONLY', 'UNCLASSIFIED//FOUO'],
  ['SECRET//REL TO USA GBR', 'SECRET//REL TO USA, GBR'],
];

describe('readNearBanner', () => {
  it.each(NOISY)('%j → %s, saying what it repaired', (text, label) => {
    const read = readNearBanner(text);
    expect(read?.label).toBe(label);
    expect(read!.repairs.length).toBeGreaterThan(0);
  });

  it('names each repair', () => {
    expect(readNearBanner('TOP SECRET//Sl//NOFORN')!.repairs).toEqual(['"Sl" → "SI"']);
    expect(readNearBanner('SECRET/NOFORN')!.repairs).toEqual(['"/" → "//"']);
    expect(readNearBanner('UNCLASSIFlED//F0UO')!.repairs).toEqual(['"UNCLASSIFlED" → "UNCLASSIFIED"', '"F0UO" → "FOUO"']);
  });

  it('reads a clean banner with no repairs', () => {
    expect(readNearBanner('TOP SECRET//SI-G ABCD//NOFORN')).toEqual({ label: 'TOP SECRET//SI-G ABCD//NOFORN', repairs: [] });
  });

  it.each([
    'The secret plan was discussed.',
    'SECRET plans were discussed',
    'Secret',
    'Confidential',
    'SECRET SQUIRREL',
    'TOP SECRET//SL//NOFORN', // an unknown control is a guess, not a reading
    'SECRET//NOFORN//SI', // out of order: an error even leniently
    '(S//NF) A portion-marked paragraph.',
    '(S//NF)',
    'Exercise Report',
    '1. Numbered item one',
    '- First bullet item',
    '',
    `SECRET//${'X'.repeat(200)}`,
  ])('never reads %j as a marking', (text) => {
    expect(readNearBanner(text)).toBeNull();
  });
});

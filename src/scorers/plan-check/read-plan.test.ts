import { describe, expect, it } from 'vitest';
import { readPlan } from './read-plan.js';

describe('readPlan', () => {
  it('reads the lines after the last PLAN: marker up to a blank line, cleaning numbering and emphasis', () => {
    const answer = ['Let me think. PLAN: is what you want.', 'A plan: first', '', '**PLAN:**', '', '1. move C onto table', '2) **move B onto C**.', '- Step 3: move A onto B', '', 'This works because…'].join('\n');
    expect(readPlan(answer)).toEqual([
      { index: 1, line: 6, text: 'move C onto table' },
      { index: 2, line: 7, text: 'move B onto C' },
      { index: 3, line: 8, text: 'move A onto B' },
    ]);
  });

  it('takes a step on the marker line itself and stops at END', () => {
    expect(readPlan('PLAN: go to Mill\ngo to Harbor\nEND\ngo to Depot').map((s) => s.text)).toEqual(['go to Mill', 'go to Harbor']);
  });

  it('without a marker, every non-blank line is a step', () => {
    expect(readPlan('\nstandup at 09:00\n\nreview at 10:00\n')).toEqual([
      { index: 1, line: 2, text: 'standup at 09:00' },
      { index: 2, line: 4, text: 'review at 10:00' },
    ]);
  });

  it('finds no steps in an empty answer or after a bare marker', () => {
    expect(readPlan('')).toEqual([]);
    expect(readPlan('reasoning\nPLAN:\n\n')).toEqual([]);
  });
});

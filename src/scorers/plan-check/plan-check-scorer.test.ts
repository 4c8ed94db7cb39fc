import { describe, expect, it } from 'vitest';
import { AssayError } from '../../errors/index.js';
import { NO_MODEL, makeTestState } from '../make-test-state.js';
import { planCheckScorer } from './plan-check-scorer.js';

const scorer = planCheckScorer({ type: 'plan_check' });
const score = (answer: string, problem: unknown) => scorer.score(makeTestState(answer, { metadata: { problem } }), NO_MODEL);
const plan = (...steps: string[]) => `PLAN:\n${steps.join('\n')}`;

describe('plan_check: blocks', () => {
  // A on the table with B on it; C alone. Goal: one stack C, B, A (C at the bottom).
  const problem = { kind: 'blocks', initial: [['A', 'B'], ['C']], goal: [['C', 'B', 'A']], maxSteps: 3 };

  it('passes a legal plan that reaches the goal, reading numbering, "from" and case loosely', async () => {
    const s = await score('I will unstack first.\nPLAN:\n1. move B onto C\n2. Move a from table onto b.', problem);
    expect(s).toMatchObject({ value: 1, answer: 'move B onto C\nMove a from table onto b', metadata: { kind: 'blocks', steps: 2 } });
    expect(s.explanation).toBe('Valid blocks plan: 2 legal moves reach the goal (limit 3).');
  });

  it.each([
    [plan('move A onto C'), 'step 1 "move A onto C": A is not clear (another block is on it)'],
    [plan('move B onto A'), 'step 1 "move B onto A": B is already on A'],
    [plan('move D onto table'), 'step 1 "move D onto table": there is no block D'],
    [plan('move B from C onto table'), 'step 1 "move B from C onto table": B is on A, not on C'],
    [plan('move B onto B'), 'step 1 "move B onto B": a block cannot be moved onto itself'],
    [plan('move C onto B', 'move C onto A'), 'step 2 "move C onto A": A is not clear (another block is on it)'],
    [plan('put B on C'), 'step 1 "put B on C": not of the form "move <block> onto <block or table>"'],
    [plan('move B onto table'), 'goal not reached: B should be on C but is on the table'],
  ])('fails %j with the first violation', async (answer, violation) => {
    const s = await score(answer, problem);
    expect(s.value).toBe(0);
    expect(s.metadata?.['violation']).toBe(violation);
    expect(s.explanation).toContain(violation);
  });

  it('fails a plan that works but is too long, and one that leaves a block on the goal top', async () => {
    const long = await score(plan('move B onto table', 'move B onto C', 'move A onto B', 'move A onto table'), { ...problem, maxSteps: 3 });
    expect(long.metadata?.['violation']).toBe('the plan has 4 moves; at most 3 are allowed');
    const covered = await score(plan('move B onto A'), { kind: 'blocks', initial: [['A'], ['B']], goal: [['A']] });
    expect(covered.value).toBe(0);
    expect(covered.metadata?.['violation']).toBe('goal not reached: nothing should be on A');
  });

  it('explains an empty plan', async () => {
    const s = await score('I am not sure.\nPLAN:\n', problem);
    expect(s.value).toBe(0);
    expect(s.explanation).toContain('no steps found');
  });
});

describe('plan_check: schedule', () => {
  const problem = {
    kind: 'schedule',
    day: { start: '09:00', end: '12:00' },
    meetings: [
      { name: 'standup', duration: 30, attendees: ['Ana', 'Ben'] },
      { name: 'review', duration: 60, attendees: ['Ben', 'Cai'] },
      { name: 'oneone', duration: 30, attendees: ['Ana', 'Cai'] },
    ],
    busy: { Cai: [['09:00', '10:00']] },
    before: [['standup', 'review']],
  };

  it('passes a schedule that keeps every rule; touching intervals do not clash', async () => {
    const s = await score(plan('standup at 09:00', 'review at 10:00-11:00', 'oneone at 11:00'), problem);
    expect(s.value).toBe(1);
    expect(s.explanation).toBe('Valid schedule plan: all 3 meetings fit: standup 09:00-09:30, review 10:00-11:00, oneone 11:00-11:30.');
  });

  it.each([
    [['standup at 08:30'], 'step 1 "standup at 08:30": standup (08:30-09:00) is outside the day 09:00-12:00'],
    [['standup at 11:45'], 'step 1 "standup at 11:45": standup (11:45-12:15) is outside the day 09:00-12:00'],
    [['oneone at 09:30'], 'step 1 "oneone at 09:30": Cai is busy 09:00-10:00, during oneone (09:30-10:00)'],
    [['review at 10:00', 'oneone at 10:30'], 'step 2 "oneone at 10:30": Cai would be in oneone (10:30-11:00) and review (10:00-11:00) at once'],
    [['review at 10:00', 'standup at 11:00'], 'step 2 "standup at 11:00": standup must end (11:30) no later than review starts (10:00)'],
    [['standup at 09:00', 'standup at 10:00'], 'step 2 "standup at 10:00": standup is already scheduled'],
    [['lunch at 11:00'], 'step 1 "lunch at 11:00": there is no meeting called lunch'],
    [['standup at 09:00-10:00'], 'step 1 "standup at 09:00-10:00": standup lasts 30 minutes, so it ends at 09:30, not 10:00'],
    [['standup at 25:00'], 'step 1 "standup at 25:00": 25:00 is not a time of day'],
    [['standup sometime'], 'step 1 "standup sometime": not of the form "<meeting> at HH:MM"'],
    [['standup at 09:00', 'review at 10:00'], 'oneone is not scheduled'],
  ])('fails %j with the first violation', async (steps, violation) => {
    const s = await score(plan(...steps), problem);
    expect(s.value).toBe(0);
    expect(s.metadata?.['violation']).toBe(violation);
  });
});

describe('plan_check: route', () => {
  const problem = {
    kind: 'route',
    start: 'Depot',
    goal: 'Harbor',
    roads: [['Depot', 'Mill', 4], ['Mill', 'Harbor', 5], ['Depot', 'Bridge', 1], ['Bridge', 'Harbor', 1], ['Mill', 'Old Farm', 2], ['Old Farm', 'Harbor', 2]],
    mustVisit: ['Old Farm'],
    avoid: ['Bridge'],
    maxCost: 9,
  };

  it('passes a route along roads through the required place within budget, names compared case-insensitively', async () => {
    const s = await score(plan('go to Mill', 'go to old farm', 'Go to Harbor'), problem);
    expect(s.value).toBe(1);
    expect(s.explanation).toBe('Valid route plan: 3 roads from Depot to Harbor, total cost 8 (limit 9).');
  });

  it.each([
    [['go to Bridge', 'go to Harbor'], 'step 1 "go to Bridge": Bridge must be avoided'],
    [['go to Harbor'], 'step 1 "go to Harbor": there is no road from Depot to Harbor'],
    [['go to Depot'], 'step 1 "go to Depot": the route is already at Depot'],
    [['go to Castle'], 'step 1 "go to Castle": there is no place called Castle'],
    [['go to Mill', 'go to Harbor'], 'the route never passes Old Farm'],
    [['go to Mill', 'go to Old Farm'], 'the route ends at Old Farm, not at the goal Harbor'],
    [['go to Mill', 'go to Old Farm', 'go to Mill', 'go to Old Farm', 'go to Harbor'], 'step 4 "go to Old Farm": the total cost reaches 10, over the limit of 9'],
    [['drive to Mill'], 'step 1 "drive to Mill": not of the form "go to <place>"'],
  ])('fails %j with the first violation', async (steps, violation) => {
    const s = await score(plan(...steps), problem);
    expect(s.value).toBe(0);
    expect(s.metadata?.['violation']).toBe(violation);
  });
});

describe('plan_check: bad problems', () => {
  it('throws DATASET_INVALID naming the sample and field when metadata.problem is missing or malformed', async () => {
    for (const problem of [undefined, { kind: 'chess' }, { kind: 'blocks', initial: [['A']], goal: [['Z']] }]) {
      const err = await score('PLAN:\nmove A onto table', problem).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AssayError);
      expect((err as AssayError).code).toBe('DATASET_INVALID');
      expect((err as AssayError).message).toContain('Sample s1: metadata.problem');
    }
  });
});

/** Scheduling plans: `<meeting> at HH:MM`, every meeting once, inside the day, around busy times and each other. */
import { clockMinutes, formatClock, type ScheduleProblem } from './plan-problem.js';
import { stepViolation, type PlanChecker } from './plan-verdict.js';

/** The step syntax, as the prompt states it; an end time ("at 09:00-09:30") is optional and, when given, must fit. */
export const SCHEDULE_STEP = '<meeting> at HH:MM';

const STEP = /^([a-z][a-z0-9_-]*)\s*(?::|\s)\s*(?:at\s+)?(\d{1,2}):(\d{2})(?:\s*(?:-|–|to)\s*(\d{1,2}):(\d{2}))?$/i;

interface Placed {
  name: string;
  start: number;
  end: number;
  attendees: readonly string[];
}

function span(start: number, end: number): string {
  return `${formatClock(start)}-${formatClock(end)}`;
}

function overlaps(a0: number, a1: number, b0: number, b1: number): boolean {
  return a0 < b1 && b0 < a1;
}

/**
 * Checks each line in order: a known meeting, not already placed, a real time, inside the working day, no attendee
 * busy, no attendee in an earlier-placed overlapping meeting, and no `before` rule broken with an earlier-placed
 * meeting; then that every meeting was placed. Intervals are half-open, so 10:00-10:30 and 10:30-11:00 do not clash.
 */
export const checkSchedulePlan: PlanChecker<ScheduleProblem> = (problem, steps) => {
  const meetings = new Map(problem.meetings.map((m) => [m.name.toLowerCase(), m]));
  const dayStart = clockMinutes(problem.day.start);
  const dayEnd = clockMinutes(problem.day.end);
  const placed: Placed[] = [];
  if (steps.length === 0) return { ok: false, violation: `no steps found; write one "${SCHEDULE_STEP}" per line after "PLAN:"` };
  for (const step of steps) {
    const m = STEP.exec(step.text);
    if (!m) return stepViolation(step, `not of the form "${SCHEDULE_STEP}"`);
    const meeting = meetings.get(m[1]!.toLowerCase());
    if (!meeting) return stepViolation(step, `there is no meeting called ${m[1]}`);
    if (placed.some((p) => p.name === meeting.name)) return stepViolation(step, `${meeting.name} is already scheduled`);
    const [h, min] = [Number(m[2]), Number(m[3])];
    if (h > 23 || min > 59) return stepViolation(step, `${m[2]}:${m[3]} is not a time of day`);
    const start = h * 60 + min;
    const end = start + meeting.duration;
    if (m[4] !== undefined && Number(m[4]) * 60 + Number(m[5]) !== end) {
      return stepViolation(step, `${meeting.name} lasts ${meeting.duration} minutes, so it ends at ${formatClock(end)}, not ${m[4]}:${m[5]}`);
    }
    if (start < dayStart || end > dayEnd) return stepViolation(step, `${meeting.name} (${span(start, end)}) is outside the day ${problem.day.start}-${problem.day.end}`);
    for (const person of meeting.attendees) {
      const busy = (problem.busy[person] ?? []).find(([b0, b1]) => overlaps(start, end, clockMinutes(b0), clockMinutes(b1)));
      if (busy) return stepViolation(step, `${person} is busy ${busy[0]}-${busy[1]}, during ${meeting.name} (${span(start, end)})`);
    }
    for (const other of placed) {
      const shared = meeting.attendees.find((p) => other.attendees.includes(p));
      if (shared && overlaps(start, end, other.start, other.end)) {
        return stepViolation(step, `${shared} would be in ${meeting.name} (${span(start, end)}) and ${other.name} (${span(other.start, other.end)}) at once`);
      }
    }
    for (const [a, b] of problem.before) {
      const first = a.toLowerCase();
      const second = b.toLowerCase();
      const self = meeting.name.toLowerCase();
      const otherName = self === first ? second : self === second ? first : undefined;
      const other = otherName === undefined ? undefined : placed.find((p) => p.name.toLowerCase() === otherName);
      if (!other) continue;
      const [earlier, later] = self === first ? [{ name: meeting.name, end }, other] : [other, { name: meeting.name, start }];
      if (earlier.end > later.start) return stepViolation(step, `${a} must end (${formatClock(earlier.end)}) no later than ${b} starts (${formatClock(later.start)})`);
    }
    placed.push({ name: meeting.name, start, end, attendees: meeting.attendees });
  }
  const missing = problem.meetings.find((m) => !placed.some((p) => p.name === m.name));
  if (missing) return { ok: false, violation: `${missing.name} is not scheduled` };
  return { ok: true, summary: `all ${placed.length} meetings fit: ${placed.map((p) => `${p.name} ${span(p.start, p.end)}`).join(', ')}` };
};

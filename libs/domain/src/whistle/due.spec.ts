import { describe, expect, it } from 'vitest';
import { EVERY_DAY_WORKING } from '../work-calendar/calendar-file';
import { workCalendar } from '../work-calendar/work-calendar';
import { parseWorkingHours } from '../work-calendar/working-hours';
import { whistleDueAt } from './due';
import type { RaisedWhistle } from './state';

const hours = parseWorkingHours('09:00-12:00,13:30-17:30');
if (!hours.ok) throw new Error(hours.error);
const calendar = workCalendar(EVERY_DAY_WORKING, hours.value, 'Asia/Shanghai');
const limits = { accept: { amount: 2, unit: 'h' }, arrive: { amount: 1, unit: 'd' }, resolve: { amount: 5, unit: 'd' } } as const;
// 11:30 Beijing time on 2 March 2026; the accept deadline 14:30 the same day, after the lunch break.
const ACCEPT_BY = '2026-03-02T06:30:00.000Z';

function whistle(status: RaisedWhistle['status'], acceptBy: string | null): RaisedWhistle {
  return { status, deadlines: { acceptBy, arriveBy: null, resolveBy: null } } as RaisedWhistle;
}

describe('whistleDueAt', () => {
  it('counts the working time left to the step in progress, lunch break excluded, with the step’s limit', () => {
    expect(whistleDueAt(whistle('dispatched', ACCEPT_BY), new Date('2026-03-02T03:30:00.000Z'), calendar, limits)).toEqual({
      step: 'accept',
      by: ACCEPT_BY,
      workingMsLeft: 90 * 60_000,
      workingMsAllowed: 2 * 3_600_000,
    });
  });

  it('is negative by the working time a deadline has passed', () => {
    const due = whistleDueAt(whistle('dispatched', ACCEPT_BY), new Date('2026-03-02T07:30:00.000Z'), calendar, limits);
    expect(due?.workingMsLeft).toBe(-60 * 60_000);
  });

  it('is null when no timed step is in progress', () => {
    expect(whistleDueAt(whistle('awaiting-dispatch', null), new Date(ACCEPT_BY), calendar, limits)).toBeNull();
    expect(whistleDueAt(whistle('closed', ACCEPT_BY), new Date(ACCEPT_BY), calendar, limits)).toBeNull();
  });
});

import { decisionDueAt, isDecisionOverdue } from './decision-due';
import { china } from './testing/work-calendars';

const calendar = china();

describe('decision due', () => {
  it('counts working days from the filing instant: rest days do not count', () => {
    // Monday 10:00 in China + 10 working days: two weekends skipped.
    expect(decisionDueAt('2026-12-07T02:00:00.000Z', { days: 10 }, calendar)).toBe('2026-12-21T02:00:00.000Z');
  });

  it('skips the National Day holiday and counts its adjusted working Saturday', () => {
    // Tuesday 29 September 10:00: the 30th, then 8 and 9 October (1–7 are the holiday), then Saturday the 10th (a working day).
    expect(decisionDueAt('2026-09-29T02:00:00.000Z', { days: 3 }, calendar)).toBe('2026-10-09T02:00:00.000Z');
    expect(decisionDueAt('2026-09-29T02:00:00.000Z', { days: 4 }, calendar)).toBe('2026-10-10T02:00:00.000Z');
  });

  it('counts a plain duration as plain time (seconds in tests)', () => {
    expect(decisionDueAt('2026-12-05T02:00:00.000Z', { ms: 5000 }, calendar)).toBe('2026-12-05T02:00:05.000Z');
  });

  it('is overdue from the due instant on', () => {
    const filedAt = '2026-12-07T02:00:00.000Z';
    expect(isDecisionOverdue(filedAt, { days: 10 }, calendar, '2026-12-21T01:59:59.999Z')).toBe(false);
    expect(isDecisionOverdue(filedAt, { days: 10 }, calendar, '2026-12-21T02:00:00.000Z')).toBe(true);
  });
});

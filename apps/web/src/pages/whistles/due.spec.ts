import { describe, expect, it } from 'vitest';
import { byDeadline, dueFlag, durationParts } from './due';

const HOUR = 3_600_000;
const due = (workingMsLeft: number, workingMsAllowed: number) => ({
  step: 'resolve' as const,
  by: '2026-03-02T06:00:00.000Z',
  workingMsLeft,
  workingMsAllowed,
});

describe('dueFlag', () => {
  it('is red once the deadline has passed, or a step is recorded overdue', () => {
    expect(dueFlag({ due: due(-1000, 40 * HOUR), overdue: [] })).toBe('overdue');
    expect(dueFlag({ due: null, overdue: ['accept'] })).toBe('overdue');
  });

  it('is amber within a quarter of the limit, or under two working hours', () => {
    expect(dueFlag({ due: due(10 * HOUR, 40 * HOUR), overdue: [] })).toBe('soon');
    expect(dueFlag({ due: due(10 * HOUR + 1, 40 * HOUR), overdue: [] })).toBe('ok');
    expect(dueFlag({ due: due(2 * HOUR - 1, 4 * HOUR), overdue: [] })).toBe('soon');
    expect(dueFlag({ due: due(3 * HOUR, 4 * HOUR), overdue: [] })).toBe('ok');
  });

  it('has nothing to flag without a timed step', () => {
    expect(dueFlag({ due: null, overdue: [] })).toBe('ok');
  });
});

describe('durationParts', () => {
  it('gives hours and minutes, or minutes and seconds under an hour, of a time left or past', () => {
    expect(durationParts(26 * HOUR + 5 * 60_000 + 59_000)).toEqual({ unit: 'hours', hours: 26, minutes: 5 });
    expect(durationParts(-(3 * 60_000 + 7_500))).toEqual({ unit: 'minutes', minutes: 3, seconds: 7 });
  });
});

describe('byDeadline', () => {
  it('puts the nearest deadline first and whistles without one last', () => {
    const list = [{ due: null }, { due: due(1, 1) }, { due: { ...due(1, 1), by: '2026-03-01T00:00:00.000Z' } }];
    expect(list.sort(byDeadline).map((item) => item.due?.by ?? null)).toEqual([
      '2026-03-01T00:00:00.000Z',
      '2026-03-02T06:00:00.000Z',
      null,
    ]);
  });
});

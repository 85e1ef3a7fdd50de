import { formatWorkingLimit, parseWorkingLimit, workingLimitMs } from './working-limit';
import { ALL_DAY, parseWorkingHours } from './working-hours';
import { hours } from '../testing/work-calendars';

const HOUR = 3_600_000;

describe('working hours (WORK_HOURS)', () => {
  it('reads periods of a working day and the length of a working day', () => {
    expect(hours('09:00-12:00,13:30-17:30')).toEqual({
      periods: [
        { startMs: 9 * HOUR, endMs: 12 * HOUR },
        { startMs: 13.5 * HOUR, endMs: 17.5 * HOUR },
      ],
      dayMs: 7 * HOUR,
    });
    expect(hours('00:00-24:00')).toEqual(ALL_DAY);
    expect(hours(' 08:00-12:00 , 12:00-16:00 ').periods).toEqual([{ startMs: 8 * HOUR, endMs: 16 * HOUR }]);
  });

  it('refuses periods out of order, overlapping, reversed or not HH:MM', () => {
    const error = (text: string) => {
      const parsed = parseWorkingHours(text);
      return parsed.ok ? undefined : parsed.error;
    };
    expect(error('17:00-09:00')).toBe('"17:00-09:00" ends before it starts');
    expect(error('09:00-12:00,11:00-13:00')).toMatch(/starts before the period before it ends/);
    expect(error('13:00-14:00,09:00-10:00')).toMatch(/starts before the period before it ends/);
    for (const bad of ['9:00-12:00', '09:00', '09:00-24:30', '25:00-26:00', '09:60-10:00', '09:00-10:00-11:00', 'abc'])
      expect(error(bad)).toMatch(/is not a period HH:MM-HH:MM/);
    expect(error('')).toMatch(/no working period/);
  });
});

describe('time limits', () => {
  it('reads seconds, minutes, hours and working days', () => {
    expect(parseWorkingLimit('2h')).toEqual({ ok: true, value: { amount: 2, unit: 'h' } });
    expect(parseWorkingLimit(' 5d ')).toEqual({ ok: true, value: { amount: 5, unit: 'd' } });
    expect(parseWorkingLimit('30m')).toEqual({ ok: true, value: { amount: 30, unit: 'm' } });
    expect(parseWorkingLimit('10s')).toEqual({ ok: true, value: { amount: 10, unit: 's' } });
  });

  it('refuses anything else', () => {
    for (const bad of ['0h', '-1h', '1.5d', '2 h', 'h', '2', '2w', '3ms', '', '1234567d']) expect(parseWorkingLimit(bad).ok).toBe(false);
    expect(parseWorkingLimit('2x')).toEqual({
      ok: false,
      error: '"2x" is not a time limit like 30m, 2h, 1d (a whole number and s, m, h or d)',
    });
  });

  it('counts a day as the working hours of one working day', () => {
    expect(workingLimitMs({ amount: 1, unit: 'd' }, hours('09:00-12:00,13:30-17:30'))).toBe(7 * HOUR);
    expect(workingLimitMs({ amount: 5, unit: 'd' }, ALL_DAY)).toBe(120 * HOUR);
    expect(workingLimitMs({ amount: 2, unit: 'h' }, hours('09:00-10:00'))).toBe(2 * HOUR);
    expect(workingLimitMs({ amount: 30, unit: 'm' }, ALL_DAY)).toBe(0.5 * HOUR);
    expect(formatWorkingLimit({ amount: 5, unit: 'd' })).toBe('5d');
  });
});

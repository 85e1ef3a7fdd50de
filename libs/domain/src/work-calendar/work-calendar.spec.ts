import {
  addWorkingDays,
  addWorkingHours,
  addWorkingTime,
  calendarDay,
  isWorkingDay,
  isWorkingTime,
  nextWorkingDay,
  workingTimeBetween,
} from './work-calendar';
import { deadlineAfter } from './working-limit';
import { china, cst, everyDay } from '../testing/work-calendars';

const HOUR = 3_600_000;
const cal = china();
const after = (wall: string, limit: { amount: number; unit: 's' | 'm' | 'h' | 'd' }) => deadlineAfter(cal, cst(wall), limit);
const days = (amount: number) => ({ amount, unit: 'd' as const });
const hoursOf = (amount: number) => ({ amount, unit: 'h' as const });

describe('working days', () => {
  it('rests on weekends and public holidays, works on weekdays and adjusted working days (调休)', () => {
    expect(calendarDay(cal, '2026-02-13')).toEqual({ date: '2026-02-13', kind: 'working', working: true });
    expect(calendarDay(cal, '2026-02-14')).toEqual({ date: '2026-02-14', kind: 'adjusted-working', working: true, name: '春节' });
    expect(calendarDay(cal, '2026-02-17')).toEqual({ date: '2026-02-17', kind: 'holiday', working: false, name: '春节' });
    expect(calendarDay(cal, '2026-03-07')).toEqual({ date: '2026-03-07', kind: 'weekend', working: false });
    expect(calendarDay(cal, '2025-10-06')).toMatchObject({ kind: 'holiday', name: '中秋' });
  });

  it('knows the 2026 Spring Festival: 02-15 to 02-23 off, Saturdays 02-14 and 02-28 worked', () => {
    const worked = ['2026-02-12', '2026-02-13', '2026-02-14', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28'];
    for (let day = 12; day <= 28; day++) {
      const date = `2026-02-${String(day).padStart(2, '0')}`;
      expect([date, isWorkingDay(cal, date)]).toEqual([date, worked.includes(date)]);
    }
  });

  it('knows the 2025 Spring Festival: 01-28 to 02-04 off, Sunday 01-26 and Saturday 02-08 worked', () => {
    expect(isWorkingDay(cal, '2025-01-25')).toBe(false);
    expect(isWorkingDay(cal, '2025-01-26')).toBe(true);
    expect(['2025-01-28', '2025-02-03', '2025-02-04'].some((d) => isWorkingDay(cal, d))).toBe(false);
    expect(isWorkingDay(cal, '2025-02-05')).toBe(true);
    expect(isWorkingDay(cal, '2025-02-08')).toBe(true);
    expect(isWorkingDay(cal, '2025-02-09')).toBe(false);
  });

  it('finds the next working day across a golden week', () => {
    expect(nextWorkingDay(cal, '2026-09-30')).toBe('2026-10-08');
    expect(nextWorkingDay(cal, '2026-09-30', 3)).toBe('2026-10-10');
    expect(nextWorkingDay(cal, '2026-09-18')).toBe('2026-09-20');
  });

  it('treats a year outside the data by its weekends only', () => {
    expect(isWorkingDay(cal, '2030-01-01')).toBe(true);
    expect(isWorkingDay(cal, '2030-01-05')).toBe(false);
  });
});

describe('deadlines in working time', () => {
  it('lands a deadline set on the Friday before the 2026 Spring Festival on the adjusted Saturday, and after the holiday', () => {
    expect(after('2026-02-13 16:00', days(1))).toEqual(cst('2026-02-14 16:00'));
    expect(after('2026-02-13 16:00', days(2))).toEqual(cst('2026-02-24 16:00'));
    expect(after('2026-02-13 16:00', days(5))).toEqual(cst('2026-02-27 16:00'));
    expect(after('2026-02-13 16:00', days(6))).toEqual(cst('2026-02-28 16:00'));
    expect(after('2026-02-14 17:00', hoursOf(2))).toEqual(cst('2026-02-24 10:30'));
  });

  it('counts the adjusted working Sunday before the 2025 Spring Festival', () => {
    expect(after('2025-01-24 16:00', days(1))).toEqual(cst('2025-01-26 16:00'));
    expect(after('2025-01-27 16:00', days(1))).toEqual(cst('2025-02-05 16:00'));
  });

  it('skips the National Day golden week and counts its adjusted working days', () => {
    expect(after('2025-09-30 16:00', days(1))).toEqual(cst('2025-10-09 16:00'));
    expect(after('2025-09-26 17:00', hoursOf(2))).toEqual(cst('2025-09-28 10:30'));
    expect(after('2026-09-24 16:00', days(1))).toEqual(cst('2026-09-28 16:00'));
    expect(after('2026-09-18 16:00', days(1))).toEqual(cst('2026-09-20 16:00'));
    expect(after('2026-09-30 10:00', days(1))).toEqual(cst('2026-10-08 10:00'));
    expect(workingTimeBetween(cal, cst('2026-09-30 00:00'), cst('2026-10-11 00:00'))).toBe(4 * 7 * HOUR);
  });

  it('stops for lunch', () => {
    expect(after('2026-03-02 11:00', hoursOf(2))).toEqual(cst('2026-03-02 14:30'));
    expect(after('2026-03-02 12:30', hoursOf(1))).toEqual(cst('2026-03-02 14:30'));
    expect(workingTimeBetween(cal, cst('2026-03-02 11:00'), cst('2026-03-02 14:00'))).toBe(1.5 * HOUR);
  });

  it('ends a limit used up at the end of a period there, not after the break', () => {
    expect(after('2026-03-02 10:00', hoursOf(2))).toEqual(cst('2026-03-02 12:00'));
    expect(after('2026-03-02 08:00', days(1))).toEqual(cst('2026-03-02 17:30'));
  });

  it('starts counting at the next working hour when started before, after or outside them', () => {
    expect(after('2026-03-02 07:00', hoursOf(1))).toEqual(cst('2026-03-02 10:00'));
    expect(after('2026-03-02 18:00', hoursOf(1))).toEqual(cst('2026-03-03 10:00'));
    expect(after('2026-03-07 10:00', days(1))).toEqual(cst('2026-03-09 17:30'));
    expect(after('2026-10-03 10:00', hoursOf(2))).toEqual(cst('2026-10-08 11:00'));
  });

  it('makes one working day the working hours of one day (16:00 to 16:00), not 24 working hours', () => {
    expect(after('2026-03-02 16:00', days(1))).toEqual(cst('2026-03-03 16:00'));
    expect(addWorkingDays(cal, cst('2026-03-02 16:00'), 1)).toEqual(addWorkingHours(cal, cst('2026-03-02 16:00'), 7));
    expect(addWorkingHours(cal, cst('2026-03-02 16:00'), 24)).toEqual(cst('2026-03-06 10:30'));
  });

  it('crosses a year boundary into the next year’s holidays and adjusted working days', () => {
    expect(after('2025-12-31 16:00', days(1))).toEqual(cst('2026-01-04 16:00'));
    expect(after('2026-12-31 17:00', hoursOf(1))).toEqual(cst('2027-01-04 09:30'));
    expect(workingTimeBetween(cal, cst('2025-12-31 09:00'), cst('2026-01-05 09:00'))).toBe(2 * 7 * HOUR);
  });

  it('measures working time backwards as negative (how far past a deadline)', () => {
    expect(workingTimeBetween(cal, cst('2026-03-03 10:00'), cst('2026-03-02 17:00'))).toBe(-1.5 * HOUR);
    expect(workingTimeBetween(cal, cst('2026-03-02 10:00'), cst('2026-03-02 10:00'))).toBe(0);
  });

  it('gives back the start for a limit of nothing and refuses a negative one', () => {
    expect(addWorkingTime(cal, cst('2026-03-07 10:00'), 0)).toEqual(cst('2026-03-07 10:00'));
    expect(() => addWorkingTime(cal, cst('2026-03-02 10:00'), -1)).toThrow(RangeError);
  });

  it('tells working hours from breaks and evenings', () => {
    expect(isWorkingTime(cal, cst('2026-03-02 09:00'))).toBe(true);
    expect(isWorkingTime(cal, cst('2026-03-02 12:30'))).toBe(false);
    expect(isWorkingTime(cal, cst('2026-03-02 17:30'))).toBe(false);
    expect(isWorkingTime(cal, cst('2026-02-14 10:00'))).toBe(true);
    expect(isWorkingTime(cal, cst('2026-02-16 10:00'))).toBe(false);
  });
});

describe('time zones', () => {
  it('reads the day of an instant in the county’s zone, not in UTC', () => {
    const allDay = china('00:00-24:00');
    // 23:00 on the adjusted working Saturday in Beijing, and 01:00 on the first holiday (both still 02-14 in UTC).
    expect(isWorkingTime(allDay, new Date('2026-02-14T15:00:00Z'))).toBe(true);
    expect(isWorkingTime(allDay, new Date('2026-02-14T17:00:00Z'))).toBe(false);
    expect(workingTimeBetween(allDay, new Date('2026-02-14T00:00:00Z'), new Date('2026-02-15T00:00:00Z'))).toBe(16 * HOUR);
  });

  it('places working hours in the configured zone', () => {
    const berlin = china(undefined, 'Europe/Berlin');
    expect(deadlineAfter(berlin, new Date('2026-03-02T08:00:00Z'), hoursOf(1))).toEqual(new Date('2026-03-02T09:00:00Z'));
    const fixed = china(undefined, 'Etc/GMT-8');
    expect(deadlineAfter(fixed, cst('2026-02-13 16:00'), days(1))).toEqual(cst('2026-02-14 16:00'));
  });

  it('counts the real length of a day when the clocks change', () => {
    const berlin = everyDay('Europe/Berlin');
    expect(workingTimeBetween(berlin, new Date('2026-03-28T23:00:00Z'), new Date('2026-03-29T22:00:00Z'))).toBe(23 * HOUR);
    expect(workingTimeBetween(berlin, new Date('2026-10-24T22:00:00Z'), new Date('2026-10-25T23:00:00Z'))).toBe(25 * HOUR);
  });

  it('runs limits of seconds on plain time with the every-day calendar', () => {
    const t = new Date('2026-02-17T03:04:05.678Z');
    expect(deadlineAfter(everyDay(), t, { amount: 10, unit: 's' })).toEqual(new Date(t.getTime() + 10_000));
    expect(deadlineAfter(everyDay(), t, days(1))).toEqual(new Date(t.getTime() + 24 * HOUR));
  });
});

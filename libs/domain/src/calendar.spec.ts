import { addDays, compareDates, daysBetween, isAfter, isBefore, isValidDate, isoWeekday, laterOf } from './calendar';

describe('calendar', () => {
  it.each(['2025-03-01', '2024-02-29', '2000-02-29', '2025-12-31'])('accepts %s', (date) => {
    expect(isValidDate(date)).toBe(true);
  });

  it.each(['2025-02-29', '1900-02-29', '2025-13-01', '2025-04-31', '2025-4-1', '2025-03-01T00:00:00Z', '', 20250301, null, undefined])(
    'rejects %p',
    (date) => {
      expect(isValidDate(date)).toBe(false);
    },
  );

  it('compares dates', () => {
    expect(compareDates('2025-03-01', '2025-03-02')).toBeLessThan(0);
    expect(compareDates('2025-03-01', '2025-03-01')).toBe(0);
    expect(isBefore('2024-12-31', '2025-01-01')).toBe(true);
    expect(isAfter('2025-01-01', '2024-12-31')).toBe(true);
    expect(() => compareDates('2025-03-01', 'tomorrow')).toThrow(RangeError);
  });

  it('takes the later of two dates', () => {
    expect(laterOf('2025-03-01', '2025-04-01')).toBe('2025-04-01');
    expect(laterOf('2025-04-01', '2025-03-01')).toBe('2025-04-01');
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -180)).toBe('2024-09-02');
    expect(() => addDays('2025-03-01', 0.5)).toThrow(RangeError);
  });

  it('counts days between dates', () => {
    expect(daysBetween('2025-03-01', '2025-08-28')).toBe(180);
    expect(daysBetween('2025-03-01', '2025-03-01')).toBe(0);
    expect(daysBetween('2025-03-02', '2025-03-01')).toBe(-1);
  });

  it('names the ISO day of the week, Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-02-16')).toBe(1);
    expect(isoWeekday('2026-02-14')).toBe(6);
    expect(isoWeekday('2026-02-15')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-28')).toBe(7);
  });
});

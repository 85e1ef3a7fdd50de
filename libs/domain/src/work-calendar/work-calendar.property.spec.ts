import fc from 'fast-check';
import { addDays } from '../calendar';
import { localWallTime } from './time-zone';
import {
  addWorkingDays,
  addWorkingTime,
  isWorkingDay,
  isWorkingTime,
  nextWorkingDay,
  workingTimeBetween,
  type WorkCalendar,
} from './work-calendar';
import { china, everyDay } from '../testing/work-calendars';

const HOUR = 3_600_000;

/** Calendars of different shapes: China's default hours; other hours; all-day hours in zones with daylight saving. */
const calendars: readonly [string, WorkCalendar][] = [
  ['China, 09:00-12:00,13:30-17:30', china()],
  ['China, 08:30-12:00,14:00-18:00,19:00-20:15', china('08:30-12:00,14:00-18:00,19:00-20:15')],
  ['China’s holidays, all day, Europe/Berlin', china('00:00-24:00', 'Europe/Berlin')],
  [
    'China’s holidays, 00:00-01:30,01:45-03:00,23:00-24:00, America/New_York',
    china('00:00-01:30,01:45-03:00,23:00-24:00', 'America/New_York'),
  ],
];

/** Instants from just before the data (2024) to just after it (2028), to the millisecond. */
const instant = fc.integer({ min: Date.UTC(2024, 11, 1), max: Date.UTC(2028, 1, 1) }).map((ms) => new Date(ms));
/** Working time up to about twenty working days. */
const workingTime = fc.integer({ min: 0, max: 140 * HOUR });

describe.each(calendars)('working time in %s', (_name, cal) => {
  it('measures back what it adds: workingTimeBetween(t, addWorkingTime(t, d)) = d', () => {
    fc.assert(fc.property(instant, workingTime, (t, d) => workingTimeBetween(cal, t, addWorkingTime(cal, t, d)) === d));
  });

  it('ends as early as possible, inside working hours or at their end', () => {
    fc.assert(
      fc.property(
        instant,
        workingTime.filter((d) => d > 0),
        (t, d) => {
          const end = addWorkingTime(cal, t, d);
          const justBefore = new Date(end.getTime() - 1);
          return end > t && isWorkingTime(cal, justBefore) && workingTimeBetween(cal, t, justBefore) === d - 1;
        },
      ),
    );
  });

  it('is additive: adding a then b is adding a + b', () => {
    fc.assert(
      fc.property(instant, workingTime, workingTime, (t, a, b) => {
        const stepwise = addWorkingTime(cal, addWorkingTime(cal, t, a), b);
        return stepwise.getTime() === addWorkingTime(cal, t, a + b).getTime();
      }),
    );
  });

  it('is monotonic in the limit and in the start', () => {
    fc.assert(
      fc.property(instant, instant, workingTime, workingTime, (s, u, a, b) => {
        const [t1, t2] = s <= u ? [s, u] : [u, s];
        const [d1, d2] = a <= b ? [a, b] : [b, a];
        return addWorkingTime(cal, t1, d1) <= addWorkingTime(cal, t1, d2) && addWorkingTime(cal, t1, d1) <= addWorkingTime(cal, t2, d1);
      }),
    );
  });

  it('splits at any instant between, never exceeds elapsed time, and turns its sign when reversed', () => {
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const ac = workingTimeBetween(cal, a, c);
        return (
          ac === workingTimeBetween(cal, a, b) + workingTimeBetween(cal, b, c) &&
          ac >= 0 &&
          ac <= c.getTime() - a.getTime() &&
          workingTimeBetween(cal, c, a) === -ac
        );
      }),
      { numRuns: 50 },
    );
  });
});

describe('working days of limit', () => {
  const cal = china();
  /**
   * A working day of 2025–2027 and a minute strictly inside its working hours. (From the very start of a
   * period the working time is used up as early as the end of the period before: 1d from 09:00 ends at 17:30.)
   */
  const workingMoment = fc
    .record({ day: fc.integer({ min: 0, max: 3 * 365 - 20 }), minute: fc.integer({ min: 1, max: 7 * 60 - 1 }).filter((m) => m !== 180) })
    .map(({ day, minute }) => ({ date: addDays('2025-01-01', day), minute }))
    .filter(({ date }) => isWorkingDay(cal, date))
    .map(({ date, minute }) => {
      // 09:00-12:00 then 13:30-17:30 in China (UTC+8).
      const local = minute < 180 ? 9 * 60 + minute : 13 * 60 + 30 + (minute - 180);
      return { date, t: new Date(Date.parse(`${date}T00:00:00+08:00`) + local * 60_000) };
    });

  it('ends N working days later at the same time of day, on the N-th next working day', () => {
    fc.assert(
      fc.property(workingMoment, fc.integer({ min: 1, max: 10 }), ({ date, t }, n) => {
        const end = localWallTime('Asia/Shanghai', addWorkingDays(cal, t, n).getTime());
        const start = localWallTime('Asia/Shanghai', t.getTime());
        return end.date === nextWorkingDay(cal, date, n) && end.msOfDay === start.msOfDay;
      }),
    );
  });

  it('is plain time on the every-day calendar with all-day hours', () => {
    const plain = everyDay();
    fc.assert(fc.property(instant, workingTime, (t, d) => addWorkingTime(plain, t, d).getTime() === t.getTime() + d));
  });
});

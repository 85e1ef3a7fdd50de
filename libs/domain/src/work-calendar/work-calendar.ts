import { addDays, isoWeekday } from '../calendar';
import { type CalendarData, type CalendarYear } from './calendar-file';
import { instantAt, localWallTime } from './time-zone';
import type { WorkingHours } from './working-hours';

/**
 * The Chinese working calendar: which days are working days (weekends rest unless they are adjusted
 * working days, 调休; public holidays rest), the working hours of a working day, in the county's zone.
 * Working time is the time inside working hours of working days; a limit of `1d` is the working time
 * of one working day, so one day from 16:00 on a working day ends at 16:00 on the next working day.
 */
export interface WorkCalendar {
  readonly data: CalendarData;
  readonly hours: WorkingHours;
  /** IANA zone of the working hours (TZ_COUNTY, `Asia/Shanghai` by default). */
  readonly timeZone: string;
}

export type DayKind = 'working' | 'weekend' | 'holiday' | 'adjusted-working';

export interface CalendarDay {
  readonly date: string;
  readonly kind: DayKind;
  readonly working: boolean;
  /** The holiday a holiday or adjusted working day belongs to (春节, 国庆节, …). */
  readonly name?: string;
}

/** How well the data knows a year: its notice, its statutory days only, or nothing (weekends only). */
export type YearCoverage = 'listed' | 'provisional' | 'weekends-only';

export function workCalendar(data: CalendarData, hours: WorkingHours, timeZone: string): WorkCalendar {
  return { data, hours, timeZone };
}

function yearOf(calendar: WorkCalendar, date: string): CalendarYear | undefined {
  const years = calendar.data.years;
  const year = date.slice(0, 4);
  return Object.hasOwn(years, year) ? years[year] : undefined;
}

export function yearCoverage(calendar: WorkCalendar, year: number): YearCoverage {
  const entry = yearOf(calendar, `${String(year).padStart(4, '0')}-01-01`);
  return entry === undefined ? 'weekends-only' : entry.provisional ? 'provisional' : 'listed';
}

/** What a date (YYYY-MM-DD, in the county's calendar) is. */
export function calendarDay(calendar: WorkCalendar, date: string): CalendarDay {
  const year = yearOf(calendar, date);
  if (year && Object.hasOwn(year.holidays, date)) return { date, kind: 'holiday', working: false, name: year.holidays[date] };
  if (year && Object.hasOwn(year.workingDays, date)) return { date, kind: 'adjusted-working', working: true, name: year.workingDays[date] };
  return calendar.data.weekend.includes(isoWeekday(date))
    ? { date, kind: 'weekend', working: false }
    : { date, kind: 'working', working: true };
}

export function isWorkingDay(calendar: WorkCalendar, date: string): boolean {
  return calendarDay(calendar, date).working;
}

/** The first working day after `date` (`n` = 1), or the n-th. */
export function nextWorkingDay(calendar: WorkCalendar, date: string, n = 1): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`nextWorkingDay needs a whole n ≥ 1, got ${n}`);
  let day = date;
  for (let found = 0, scanned = 0; found < n; scanned++) {
    if (scanned > SEARCH_DAYS) throw new RangeError(`No working day within ${SEARCH_DAYS} days after ${date}`);
    day = addDays(day, 1);
    if (isWorkingDay(calendar, day)) found++;
  }
  return day;
}

/** How far ahead a search for working time goes before the calendar is declared to have none (ten years). */
const SEARCH_DAYS = 3660;
const CACHED_DAYS = 4096;
const periodCache = new WeakMap<WorkCalendar, Map<string, readonly (readonly [number, number])[]>>();

/** The working periods of a date as instants (epoch ms), [start, end); none on a rest day. */
function periodsOn(calendar: WorkCalendar, date: string): readonly (readonly [number, number])[] {
  let cache = periodCache.get(calendar);
  if (!cache) periodCache.set(calendar, (cache = new Map()));
  let periods = cache.get(date);
  if (!periods) {
    periods = isWorkingDay(calendar, date)
      ? calendar.hours.periods
          .map((p) => [instantAt(calendar.timeZone, date, p.startMs), instantAt(calendar.timeZone, date, p.endMs)] as const)
          .filter(([start, end]) => end > start)
      : [];
    if (cache.size >= CACHED_DAYS) cache.clear();
    cache.set(date, periods);
  }
  return periods;
}

/** True when the instant is inside working hours of a working day. */
export function isWorkingTime(calendar: WorkCalendar, instant: Date): boolean {
  const t = instant.getTime();
  const date = localWallTime(calendar.timeZone, t).date;
  return periodsOn(calendar, date).some(([start, end]) => start <= t && t < end);
}

/**
 * The working time (ms) from `from` to `to`: the part of [from, to) inside working hours of working days.
 * Negative when `to` is before `from` (the working time by which a deadline has passed).
 */
export function workingTimeBetween(calendar: WorkCalendar, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b < a) return -workingTimeBetween(calendar, to, from);
  let total = 0;
  const last = localWallTime(calendar.timeZone, b).date;
  for (let date = localWallTime(calendar.timeZone, a).date; date <= last; date = addDays(date, 1)) {
    for (const [start, end] of periodsOn(calendar, date)) total += Math.max(0, Math.min(end, b) - Math.max(start, a));
  }
  return total;
}

/**
 * The earliest instant at which `ms` of working time has passed since `from`: `from` itself for 0,
 * otherwise an instant inside working hours or at the end of a working period (a limit used up at
 * 12:00 ends at 12:00, not after lunch).
 */
export function addWorkingTime(calendar: WorkCalendar, from: Date, ms: number): Date {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`addWorkingTime needs a working time ≥ 0, got ${ms}`);
  const t = from.getTime();
  if (ms === 0) return new Date(t);
  let left = ms;
  let date = localWallTime(calendar.timeZone, t).date;
  for (let scanned = 0; scanned <= SEARCH_DAYS; scanned++, date = addDays(date, 1)) {
    for (const [start, end] of periodsOn(calendar, date)) {
      if (end <= t) continue;
      const begin = Math.max(start, t);
      if (left <= end - begin) return new Date(begin + left);
      left -= end - begin;
    }
  }
  throw new RangeError(`No working time within ${SEARCH_DAYS} days after ${from.toISOString()}`);
}

/** `hours` working hours after `from`. */
export function addWorkingHours(calendar: WorkCalendar, from: Date, hours: number): Date {
  return addWorkingTime(calendar, from, hours * 3_600_000);
}

/**
 * `days` working days after `from`, a working day being the working time of one working day (not 24 hours):
 * from inside working hours, the same time of day on the `days`-th next working day; from outside them (or
 * at the very start of a period), the end of the working hours of the `days`-th working day counted from there.
 */
export function addWorkingDays(calendar: WorkCalendar, from: Date, days: number): Date {
  return addWorkingTime(calendar, from, days * calendar.hours.dayMs);
}

/**
 * Pure helpers on calendar dates written `YYYY-MM-DD` (no time, no zone). Dates are kept as
 * strings everywhere in the domain so that states stay plain JSON; for valid dates the string
 * order is the calendar order.
 */
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isValidDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (match === null) return false;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Negative when `a` is before `b`, 0 when equal, positive when after. */
export function compareDates(a: string, b: string): number {
  assertDate(a);
  assertDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isBefore(a: string, b: string): boolean {
  return compareDates(a, b) < 0;
}

export function isAfter(a: string, b: string): boolean {
  return compareDates(a, b) > 0;
}

/** The later of two dates. */
export function laterOf(a: string, b: string): string {
  return compareDates(a, b) >= 0 ? a : b;
}

export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`addDays needs a whole number of days, got ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** The ISO day of the week of a date: 1 for Monday … 7 for Sunday. */
export function isoWeekday(date: string): number {
  // Epoch day 0 (1970-01-01) was a Thursday (4).
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Both conversions remembered: a replay of a year's log converts the same few hundred dates hundreds of
 * thousands of times (a third of an evaluation's replay went into parsing and formatting them). Only
 * valid dates are remembered; the maps are emptied when they grow past a bound.
 */
const REMEMBERED_DATES = 20_000;
const epochDays = new Map<string, number>();
const dates = new Map<number, string>();

function toEpochDay(date: string): number {
  const known = epochDays.get(date);
  if (known !== undefined) return known;
  assertDate(date);
  const [y, m, d] = date.split('-').map(Number);
  const epochDay = Math.round(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / DAY_MS);
  if (epochDays.size >= REMEMBERED_DATES) epochDays.clear();
  epochDays.set(date, epochDay);
  return epochDay;
}

function fromEpochDay(epochDay: number): string {
  const known = dates.get(epochDay);
  if (known !== undefined) return known;
  const date = new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
  if (dates.size >= REMEMBERED_DATES) dates.clear();
  dates.set(epochDay, date);
  return date;
}

function assertDate(value: string): void {
  if (!isValidDate(value)) throw new RangeError(`Not a YYYY-MM-DD date: ${value}`);
}

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A calendar month written `YYYY-MM`; for valid months the string order is the calendar order. */
export function isValidMonth(value: unknown): value is string {
  const match = typeof value === 'string' ? MONTH_PATTERN.exec(value) : null;
  return match !== null && Number(match[1]) >= 1000;
}

/** The month (`YYYY-MM`) a date falls in. */
export function monthOf(date: string): string {
  assertDate(date);
  return date.slice(0, 7);
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  chinaCalendarData,
  DEFAULT_WORKING_HOURS,
  isKnownTimeZone,
  parseCalendarText,
  parseWorkingHours,
  parseWorkingLimit,
  workCalendar,
  yearCoverage,
  type CalendarData,
  type WorkCalendar,
  type WorkingLimit,
} from '@fangquan/domain';

type Env = Record<string, string | undefined>;

/** The time limits of a whistle's steps, in working time. */
export interface WhistleLimits {
  readonly accept: WorkingLimit;
  readonly arrive: WorkingLimit;
  readonly resolve: WorkingLimit;
}

export interface WorkingTimeConfig {
  /** TZ_COUNTY (checked against the runtime's zones), WORK_HOURS and WORK_CALENDAR (or the bundled calendar). */
  readonly workCalendar: WorkCalendar;
  /** The WORK_CALENDAR path read, or `bundled`. */
  readonly workCalendarSource: string;
  readonly whistleLimits: WhistleLimits;
  /** This year (and in December the next) when the calendar knows it only in part or not at all: logged at start. */
  readonly workCalendarWarnings: readonly string[];
}

/** Thrown with a message that names the variable; the process refuses to start. */
export class WorkingTimeConfigError extends Error {
  override readonly name = 'WorkingTimeConfigError';
}

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

function limit(env: Env, name: string, fallback: string): WorkingLimit {
  const parsed = parseWorkingLimit(value(env, name) ?? fallback);
  if (!parsed.ok) throw new WorkingTimeConfigError(`${name}: ${parsed.error}`);
  return parsed.value;
}

function calendarData(env: Env): { readonly data: CalendarData; readonly source: string } {
  const path = value(env, 'WORK_CALENDAR');
  if (path === undefined) return { data: chinaCalendarData(), source: 'bundled' };
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new WorkingTimeConfigError(
      `WORK_CALENDAR: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  const parsed = parseCalendarText(text);
  if (!parsed.ok) throw new WorkingTimeConfigError(`WORK_CALENDAR ${file}: ${parsed.error.join('; ')}`);
  return { data: parsed.value, source: file };
}

/**
 * Reads the working calendar and the whistle limits from the environment: TZ_COUNTY (default
 * Asia/Shanghai), WORK_HOURS (09:00-12:00,13:30-17:30), WORK_CALENDAR (a file replacing the bundled
 * calendar), WHISTLE_ACCEPT_WITHIN / _ARRIVE_ / _RESOLVE_ (2h, 1d, 5d). A calendar without any year
 * is taken as deliberate (weekends only, or every day with `"weekend": []`) and brings no warning.
 */
export function loadWorkingTime(env: Env, today: Date = new Date()): WorkingTimeConfig {
  const timeZone = value(env, 'TZ_COUNTY') ?? 'Asia/Shanghai';
  if (!isKnownTimeZone(timeZone))
    throw new WorkingTimeConfigError(`TZ_COUNTY: "${timeZone}" is not a time zone (e.g. Asia/Shanghai, or Etc/GMT-8 for a fixed UTC+8)`);
  const hours = parseWorkingHours(value(env, 'WORK_HOURS') ?? DEFAULT_WORKING_HOURS);
  if (!hours.ok) throw new WorkingTimeConfigError(`WORK_HOURS: ${hours.error}`);
  const { data, source } = calendarData(env);
  const calendar = workCalendar(data, hours.value, timeZone);
  const whistleLimits = {
    accept: limit(env, 'WHISTLE_ACCEPT_WITHIN', '2h'),
    arrive: limit(env, 'WHISTLE_ARRIVE_WITHIN', '1d'),
    resolve: limit(env, 'WHISTLE_RESOLVE_WITHIN', '5d'),
  };
  const warnings: string[] = [];
  if (Object.keys(data.years).length > 0) {
    const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
      .format(today)
      .split('-')
      .map(Number);
    // The next year's notice normally comes out in November: from December, deadlines reach into that year.
    for (const y of month === 12 ? [Number(year), Number(year) + 1] : [Number(year)]) {
      const coverage = yearCoverage(calendar, y);
      if (coverage === 'weekends-only')
        warnings.push(
          `The working calendar (${source}) has no holidays for ${y}: only weekends are rest days in ${y}. Add the year to a WORK_CALENDAR file.`,
        );
      if (coverage === 'provisional')
        warnings.push(
          `The working calendar (${source}) has only the statutory holidays of ${y}, without its adjusted working days (调休), until the year's notice is added.`,
        );
    }
  }
  return { workCalendar: calendar, workCalendarSource: source, whistleLimits, workCalendarWarnings: warnings };
}

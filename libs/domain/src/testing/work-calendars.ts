import {
  ALL_DAY,
  chinaCalendarData,
  DEFAULT_WORKING_HOURS,
  EVERY_DAY_WORKING,
  parseWorkingHours,
  workCalendar,
  type WorkCalendar,
  type WorkingHours,
} from '../work-calendar';

/** Calendars the specs share: the bundled Chinese one with given hours and zone, and the every-day one. */
export function hours(text: string): WorkingHours {
  const parsed = parseWorkingHours(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

export function china(workingHours = DEFAULT_WORKING_HOURS, timeZone = 'Asia/Shanghai'): WorkCalendar {
  return workCalendar(chinaCalendarData(), hours(workingHours), timeZone);
}

export function everyDay(timeZone = 'UTC'): WorkCalendar {
  return workCalendar(EVERY_DAY_WORKING, ALL_DAY, timeZone);
}

/** An instant written as wall time in China (UTC+8): `cst('2026-02-13 16:00')`. */
export function cst(wall: string): Date {
  return new Date(`${wall.replace(' ', 'T')}:00+08:00`);
}

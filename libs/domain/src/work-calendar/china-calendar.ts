import bundled from './china-holidays.json';
import { parseCalendarData, type CalendarData } from './calendar-file';

/**
 * The bundled calendar of China's public holidays and adjusted working days (generated from the
 * `chinese-days` package by scripts/calendar/china-holidays.ts; each year names its State Council notice).
 * Checked like a WORK_CALENDAR file; a spec keeps it valid.
 */
export function chinaCalendarData(): CalendarData {
  const parsed = parseCalendarData(bundled);
  if (!parsed.ok) throw new Error(`The bundled working calendar is invalid: ${parsed.error.join('; ')}`);
  return parsed.value;
}

import { isoWeekday, isValidDate } from '../calendar';
import type { Result } from '../parsing';
import { isRecord } from '../validation';

/**
 * The working calendar's data: which days of the week are the weekend, and per year the public holidays
 * (rest days, weekend days inside a holiday period included) and the adjusted working days (调休上班: weekend
 * days that are worked). Plain JSON, the same shape as the bundled `china-holidays.json` and a WORK_CALENDAR file:
 *
 *   { "weekend": ["saturday", "sunday"],
 *     "years": { "2026": { "source": "国务院办公厅关于2026年部分节假日安排的通知…", "provisional": false,
 *                          "holidays": { "2026-02-15": "春节", … }, "workingDays": { "2026-02-14": "春节", … } } } }
 *
 * A year that is not listed has the weekend as its only rest days.
 */
export interface CalendarData {
  /** ISO days of the week (1 Monday … 7 Sunday) that are rest days unless listed as working days. */
  readonly weekend: readonly number[];
  readonly years: Readonly<Record<string, CalendarYear>>;
}

export interface CalendarYear {
  /** Where the year's dates come from (the State Council notice and its number). */
  readonly source: string;
  /** True while only the statutory days are known (the year's notice is not out yet). */
  readonly provisional: boolean;
  /** Date → holiday name: rest days. */
  readonly holidays: Readonly<Record<string, string>>;
  /** Date → holiday name: weekend days that are working days (调休). */
  readonly workingDays: Readonly<Record<string, string>>;
}

export const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** Every day a working day: with `00:00-24:00` hours, working time is plain time (tests run whole flows in seconds). */
export const EVERY_DAY_WORKING: CalendarData = { weekend: [], years: {} };

/** Parses a calendar file's text; every error names the line of the bad entry when it can be found. */
export function parseCalendarText(text: string): Result<CalendarData, string[]> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    // The runtime says where, as a position or as a line, for most syntax errors.
    const position = /position (\d+)/.exec(message)?.[1];
    const line = position === undefined ? /line (\d+)/.exec(message)?.[1] : lineAt(text, Number(position));
    const where = line === undefined ? '' : `line ${line}: `;
    return { ok: false, error: [`${where}not valid JSON (${message})`] };
  }
  return parseCalendarData(value, (path) => lineOf(text, path));
}

/**
 * Checks a parsed calendar: `weekend` (names of days, at most six), `years` keyed by the four-digit year,
 * each with a `source`, `holidays` and `workingDays` keyed by valid dates of that year, no date in both,
 * and only weekend days as working days.
 */
export function parseCalendarData(
  value: unknown,
  locate: (path: readonly string[]) => number | undefined = () => undefined,
): Result<CalendarData, string[]> {
  const errors: string[] = [];
  const fail = (path: readonly string[], message: string) => {
    const line = locate(path);
    errors.push(`${line === undefined ? '' : `line ${line}: `}${path.join('.')}: ${message}`);
  };
  if (!isRecord(value)) return { ok: false, error: ['the calendar must be a JSON object with "weekend" and "years"'] };

  let weekend = [6, 7];
  if (value.weekend !== undefined) {
    const names = value.weekend;
    const days = Array.isArray(names) ? names.map((name) => WEEKDAY_NAMES.indexOf(name as (typeof WEEKDAY_NAMES)[number]) + 1) : [];
    if (!Array.isArray(names) || days.some((day) => day === 0) || new Set(days).size !== days.length || days.length > 6)
      fail(['weekend'], `must list distinct day names (${WEEKDAY_NAMES.join(', ')}), at most six`);
    else weekend = days;
  }

  const years: Record<string, CalendarYear> = {};
  if (!isRecord(value.years)) fail(['years'], 'must be an object keyed by year ({} for none)');
  else {
    for (const [year, entry] of Object.entries(value.years)) {
      if (!/^\d{4}$/.test(year)) {
        fail(['years', year], 'is not a four-digit year');
        continue;
      }
      const parsed = parseYear(year, entry, weekend, fail);
      if (parsed) years[year] = parsed;
    }
  }
  return errors.length > 0 ? { ok: false, error: errors } : { ok: true, value: { weekend, years } };
}

function parseYear(
  year: string,
  entry: unknown,
  weekend: readonly number[],
  fail: (path: readonly string[], message: string) => void,
): CalendarYear | undefined {
  const at = ['years', year];
  if (!isRecord(entry)) {
    fail(at, 'must be an object with "source", "holidays" and "workingDays"');
    return undefined;
  }
  let ok = true;
  if (typeof entry.source !== 'string' || entry.source.trim() === '') {
    fail([...at, 'source'], 'must name where the dates come from (e.g. the State Council notice and its number)');
    ok = false;
  }
  if (entry.provisional !== undefined && typeof entry.provisional !== 'boolean') {
    fail([...at, 'provisional'], 'must be true or false');
    ok = false;
  }
  const dates = (field: 'holidays' | 'workingDays', required: boolean): Record<string, string> => {
    const list = entry[field];
    if (list === undefined && !required) return {};
    if (!isRecord(list)) {
      fail([...at, field], 'must be an object of "YYYY-MM-DD": "name"');
      ok = false;
      return {};
    }
    for (const [date, name] of Object.entries(list)) {
      const problem = !isValidDate(date)
        ? 'is not a date YYYY-MM-DD'
        : !date.startsWith(`${year}-`)
          ? `is not in ${year}`
          : typeof name !== 'string'
            ? 'must have the holiday name as a string'
            : undefined;
      if (problem === undefined) continue;
      fail([...at, field, date], problem);
      ok = false;
    }
    return list as Record<string, string>;
  };
  const holidays = dates('holidays', true);
  const workingDays = dates('workingDays', false);
  for (const date of Object.keys(workingDays).filter(isValidDate)) {
    const problem = Object.hasOwn(holidays, date)
      ? 'is also listed as a holiday'
      : !weekend.includes(isoWeekday(date))
        ? 'is not a weekend day (list only weekend days that are worked)'
        : undefined;
    if (problem === undefined) continue;
    fail([...at, 'workingDays', date], problem);
    ok = false;
  }
  return ok ? { source: String(entry.source), provisional: entry.provisional === true, holidays, workingDays } : undefined;
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The line of the last key of `path`, found key by key after one another in the text. */
function lineOf(text: string, path: readonly string[]): number | undefined {
  let position = 0;
  for (const key of path) {
    const found = text.indexOf(JSON.stringify(key), position);
    if (found < 0) return undefined;
    position = found;
  }
  return lineAt(text, position);
}

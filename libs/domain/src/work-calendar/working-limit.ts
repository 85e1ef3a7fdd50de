import type { Result } from '../parsing';
import { addWorkingTime, type WorkCalendar } from './work-calendar';
import type { WorkingHours } from './working-hours';

/** A time limit in working time: `30m`, `2h`, `5d` (a `d` is a working day, not 24 hours), `10s` in tests. */
export interface WorkingLimit {
  readonly amount: number;
  readonly unit: 's' | 'm' | 'h' | 'd';
}

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;
const LIMIT = /^(\d{1,6})(s|m|h|d)$/;

/** Parses a whole positive number followed by `s`, `m`, `h` or `d`. */
export function parseWorkingLimit(text: string): Result<WorkingLimit, string> {
  const match = LIMIT.exec(text.trim());
  const amount = Number(match?.[1]);
  if (!match || !(amount > 0))
    return { ok: false, error: `"${text}" is not a time limit like 30m, 2h, 1d (a whole number and s, m, h or d)` };
  return { ok: true, value: { amount, unit: match[2] as WorkingLimit['unit'] } };
}

export function formatWorkingLimit(limit: WorkingLimit): string {
  return `${limit.amount}${limit.unit}`;
}

/** The working time of a limit (ms): days count the working hours of one working day each. */
export function workingLimitMs(limit: WorkingLimit, hours: WorkingHours): number {
  return limit.amount * (limit.unit === 'd' ? hours.dayMs : UNIT_MS[limit.unit]);
}

/** The deadline of a step that starts at `start` and must be done within `limit`. */
export function deadlineAfter(calendar: WorkCalendar, start: Date, limit: WorkingLimit): Date {
  return addWorkingTime(calendar, start, workingLimitMs(limit, calendar.hours));
}

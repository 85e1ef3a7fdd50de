import type { Result } from '../parsing';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** One stretch of working time in a working day, in ms after local midnight: [start, end). */
export interface WorkingPeriod {
  readonly startMs: number;
  readonly endMs: number;
}

/** The working hours of a working day: ascending, disjoint periods (WORK_HOURS, e.g. `09:00-12:00,13:30-17:30`). */
export interface WorkingHours {
  readonly periods: readonly WorkingPeriod[];
  /** The working time of one whole working day: the length of a `1d` limit. */
  readonly dayMs: number;
}

export const DEFAULT_WORKING_HOURS = '09:00-12:00,13:30-17:30';

const TIME = /^(\d{2}):(\d{2})$/;

function timeOfDay(text: string): number | undefined {
  const match = TIME.exec(text.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return undefined;
  return (hours * 60 + minutes) * MINUTE_MS;
}

/**
 * Parses `HH:MM-HH:MM[,HH:MM-HH:MM…]`, local times from 00:00 to 24:00, each period ending after it
 * starts and after the one before ends (periods that touch are joined). The error says what is wrong.
 */
export function parseWorkingHours(text: string): Result<WorkingHours, string> {
  const periods: WorkingPeriod[] = [];
  const pieces = text.split(',').map((piece) => piece.trim());
  if (pieces.every((piece) => piece === '')) return { ok: false, error: 'no working period (expected e.g. 09:00-12:00,13:30-17:30)' };
  for (const piece of pieces) {
    const [from = '', to, ...rest] = piece.split('-');
    const startMs = timeOfDay(from);
    const endMs = to === undefined ? undefined : timeOfDay(to);
    if (startMs === undefined || endMs === undefined || rest.length > 0)
      return { ok: false, error: `"${piece}" is not a period HH:MM-HH:MM between 00:00 and 24:00` };
    if (endMs <= startMs) return { ok: false, error: `"${piece}" ends before it starts` };
    const last = periods[periods.length - 1];
    if (last && startMs < last.endMs)
      return { ok: false, error: `"${piece}" starts before the period before it ends (periods go in order, without overlap)` };
    if (last && startMs === last.endMs) periods[periods.length - 1] = { startMs: last.startMs, endMs };
    else periods.push({ startMs, endMs });
  }
  return { ok: true, value: { periods, dayMs: periods.reduce((sum, p) => sum + p.endMs - p.startMs, 0) } };
}

/** Working hours of the whole day (`00:00-24:00`): with a calendar without rest days, working time is plain time. */
export const ALL_DAY: WorkingHours = { periods: [{ startMs: 0, endMs: DAY_MS }], dayMs: DAY_MS };

import { addDays } from '../calendar';
import type { FieldError } from '../domain-error';
import { parsedOr, type Result } from '../parsing';
import type { EvaluationPeriod } from './evaluate';

/** The longest period evaluated at once. */
export const MAX_EVALUATION_YEARS = 5;

/**
 * The period asked for (dates already checked as dates): `to` defaults to today and is cut at
 * today (days to come have no record); `from` defaults to a year before `to`. Refused: `from` after
 * today, `to` before `from`, more than five years.
 */
export function parseEvaluationPeriod(query: { from?: string; to?: string }, today: string): Result<EvaluationPeriod, FieldError[]> {
  const errors: FieldError[] = [];
  const to = query.to === undefined || query.to > today ? today : query.to;
  const from = query.from ?? addDays(shiftYears(to, -1), 1);
  if (from > today) errors.push({ field: 'from', message: 'must not be after today', code: 'in-the-future' });
  else if (query.to !== undefined && query.to < from) errors.push({ field: 'to', message: 'must not be before from', code: 'too-early' });
  else if (to >= shiftYears(from, MAX_EVALUATION_YEARS))
    errors.push({ field: 'from', message: `the period must not be longer than ${MAX_EVALUATION_YEARS} years`, code: 'period-too-long' });
  return parsedOr(errors, { from, to });
}

/** The as-of day: not after today. */
export function parseAsOfDate(date: string, today: string): Result<string, FieldError[]> {
  return parsedOr(date > today ? [{ field: 'date', message: 'must not be after today', code: 'in-the-future' }] : [], date);
}

/** The same day `years` later (29 February → 28 February in a common year). */
function shiftYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

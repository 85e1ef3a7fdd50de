import { addWorkingDays, type WorkCalendar } from './work-calendar/work-calendar';

/**
 * How long the county office has to decide a request (a recall, a task admission) before it is
 * reminded: working days (`DECISION_REMINDER_DAYS`), or a plain duration where tests count seconds.
 */
export type DecisionDelay = { readonly days: number } | { readonly ms: number };

/**
 * The instant a request filed at `filedAt` (ISO-8601) falls due for the county office's decision:
 * `days` working days of the working calendar later (holidays and rest days do not count, adjusted
 * working days do), or a plain duration later.
 */
export function decisionDueAt(filedAt: string, delay: DecisionDelay, calendar: WorkCalendar): string {
  if ('ms' in delay) return new Date(Date.parse(filedAt) + delay.ms).toISOString();
  return addWorkingDays(calendar, new Date(filedAt), delay.days).toISOString();
}

/** Whether a request still undecided at `now` is past its due instant. */
export function isDecisionOverdue(filedAt: string, delay: DecisionDelay, calendar: WorkCalendar, now: string): boolean {
  return Date.parse(now) >= Date.parse(decisionDueAt(filedAt, delay, calendar));
}

/**
 * How long the county office has to decide a request (a recall, a task admission) before it is
 * reminded: whole days (`DECISION_REMINDER_DAYS`), or a plain duration where tests count seconds.
 */
export type DecisionDelay = { readonly days: number } | { readonly ms: number };

const DAY_MS = 86_400_000;

/**
 * The instant a request filed at `filedAt` (ISO-8601) falls due for the county office's decision. Days
 * are counted here as calendar days; this is the one place that counts them, where working days of the
 * working calendar take their place.
 */
export function decisionDueAt(filedAt: string, delay: DecisionDelay): string {
  const ms = 'days' in delay ? delay.days * DAY_MS : delay.ms;
  return new Date(Date.parse(filedAt) + ms).toISOString();
}

/** Whether a request still undecided at `now` is past its due instant. */
export function isDecisionOverdue(filedAt: string, delay: DecisionDelay, now: string): boolean {
  return Date.parse(now) >= Date.parse(decisionDueAt(filedAt, delay));
}

import type { DepartmentTotals, HandoverEvaluation, ReadinessPoint } from '../../api/types';

/**
 * The evaluation's figures as the charts draw them: pure functions of the API's answer, so that the
 * charts show exactly what the tables and the workbook say.
 */

/** The default period: the twelve calendar months up to today (from the first of the month eleven months back). */
export function lastTwelveMonths(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 11;
  const start = month >= 1 ? { year, month } : { year: year - 1, month: month + 12 };
  return { from: `${start.year}-${String(start.month).padStart(2, '0')}-01`, to: today };
}

/** The buckets of the days from the first reminder to the gaps closed. */
export const REMINDER_BUCKETS = [
  { key: '0-3', max: 3 },
  { key: '4-7', max: 7 },
  { key: '8-14', max: 14 },
  { key: '15-30', max: 30 },
  { key: '31+', max: Number.POSITIVE_INFINITY },
] as const;
export type ReminderBucket = (typeof REMINDER_BUCKETS)[number]['key'];

/** How many gap stretches closed within each bucket of days after their first reminder, every bucket present. */
export function reminderHistogram(handovers: readonly Pick<HandoverEvaluation, 'gapClosedAfterReminderDays'>[]) {
  const counts = new Map<ReminderBucket, number>(REMINDER_BUCKETS.map((bucket) => [bucket.key, 0]));
  for (const handover of handovers)
    for (const days of handover.gapClosedAfterReminderDays) {
      // The last bucket has no upper bound: every number of days finds one.
      const key = REMINDER_BUCKETS.find((candidate) => days <= candidate.max)?.key ?? '31+';
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  return REMINDER_BUCKETS.map((bucket) => ({ bucket: bucket.key, count: counts.get(bucket.key) ?? 0 }));
}

/** The readiness line of each township, in percent, month by month; months in which it had no handover are left out. */
export function readinessLines(series: readonly ReadinessPoint[], townshipName: (townshipId: string) => string) {
  return series
    .filter((point): point is ReadinessPoint & { readyShare: number } => point.readyShare !== null)
    .map((point) => ({ month: point.month, township: townshipName(point.townshipId), share: Math.round(point.readyShare * 1000) / 10 }))
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.township.localeCompare(b.township, 'zh-CN')));
}

/** Gap days per party responsible, most first; parties without gap days left out. */
export function gapDaysByParty(departments: readonly DepartmentTotals[], partyName: (department: string) => string) {
  return departments
    .filter((department) => department.gapDays > 0)
    .map((department) => ({ party: partyName(department.department), gapDays: department.gapDays }))
    .sort((a, b) => b.gapDays - a.gapDays);
}

/** A share (0–1) as a percentage with one decimal; '—' when there is none. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

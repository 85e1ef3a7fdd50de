/**
 * Time-driven notices (unanswered handovers, expiring certificates) are sent at thresholds of days
 * before a date. A sweep that runs late, or a date that is already near when first seen, sends only
 * the most urgent threshold reached, once.
 */
export function dueThreshold(daysLeft: number, thresholds: readonly number[]): number | undefined {
  if (!Number.isInteger(daysLeft) || daysLeft < 0) return undefined;
  const reached = thresholds.filter((days) => daysLeft <= days);
  return reached.length === 0 ? undefined : Math.min(...reached);
}

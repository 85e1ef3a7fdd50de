import type { Whistle } from '../../api/types';

const HOUR_MS = 3_600_000;

/** How pressing a whistle's current deadline is: red past it, amber within a quarter of its limit or under 2 working hours. */
export type DueFlag = 'overdue' | 'soon' | 'ok';

export function dueFlag(whistle: Pick<Whistle, 'due' | 'overdue'>): DueFlag {
  const due = whistle.due;
  if (whistle.overdue.length > 0 || (due !== null && due.workingMsLeft < 0)) return 'overdue';
  if (due === null) return 'ok';
  return due.workingMsLeft <= due.workingMsAllowed / 4 || due.workingMsLeft < 2 * HOUR_MS ? 'soon' : 'ok';
}

/** A working time as whole hours and minutes, or minutes and seconds under an hour. */
export function durationParts(
  ms: number,
): { unit: 'hours'; hours: number; minutes: number } | { unit: 'minutes'; minutes: number; seconds: number } {
  const total = Math.abs(ms);
  if (total >= HOUR_MS) return { unit: 'hours', hours: Math.floor(total / HOUR_MS), minutes: Math.floor((total % HOUR_MS) / 60_000) };
  return { unit: 'minutes', minutes: Math.floor(total / 60_000), seconds: Math.floor((total % 60_000) / 1000) };
}

/** The deadlines first: the whistle nearest its deadline (or furthest past it) first, those without one last, as the API orders them. */
export function byDeadline(a: Pick<Whistle, 'due'>, b: Pick<Whistle, 'due'>): number {
  return (a.due?.by ?? '\uffff').localeCompare(b.due?.by ?? '\uffff');
}

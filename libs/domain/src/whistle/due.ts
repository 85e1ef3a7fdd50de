import { workingTimeBetween, type WorkCalendar } from '../work-calendar/work-calendar';
import { workingLimitMs, type WorkingLimit } from '../work-calendar/working-limit';
import { deadlineOf, type RaisedWhistle, stepInProgress, type WhistleStep } from './state';

/** The step the lead department owes now, its deadline, and the working time left to it (negative once passed). */
export interface WhistleDue {
  step: WhistleStep;
  by: string;
  /** Working time (ms) from `now` to the deadline; negative: the working time by which it has passed. */
  workingMsLeft: number;
  /** The step's configured limit in working time (ms), the measure of "nearly due". */
  workingMsAllowed: number;
}

/** What is due on a whistle at `now` in the working calendar; null when no timed step is in progress. */
export function whistleDueAt(
  whistle: RaisedWhistle,
  now: Date,
  calendar: WorkCalendar,
  limits: Readonly<Record<WhistleStep, WorkingLimit>>,
): WhistleDue | null {
  const step = stepInProgress(whistle.status);
  const by = step === undefined ? null : deadlineOf(whistle.deadlines, step);
  if (step === undefined || by === null) return null;
  return {
    step,
    by,
    workingMsLeft: workingTimeBetween(calendar, now, new Date(by)),
    workingMsAllowed: workingLimitMs(limits[step], calendar.hours),
  };
}

import { deadlineOf, type RaisedWhistle, stepInProgress, type WhistleStep } from './state';

/**
 * The steps of a whistle overdue at `now`: those supervision recorded overdue (still not done), and the
 * step in progress when its deadline has passed, recorded yet or not — so that a deadline passed shows
 * at once, whenever supervision comes round to it.
 */
export function overdueStepsAt(whistle: RaisedWhistle, now: string): WhistleStep[] {
  const step = stepInProgress(whistle.status);
  const deadline = step === undefined ? null : deadlineOf(whistle.deadlines, step);
  const passed = step !== undefined && deadline !== null && Date.parse(deadline) < Date.parse(now);
  return passed && !whistle.overdue.includes(step) ? [...whistle.overdue, step] : [...whistle.overdue];
}

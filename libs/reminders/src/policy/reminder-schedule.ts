/**
 * When reminders of a gap chain go out: step 0 at once, then one step after each delay of
 * REMINDER_STEPS (each counted from the reminder before), then every REMINDER_REPEAT. The steps
 * after the last REMINDER_STEPS delay are escalated: the county office's heads are reminded too.
 */
export interface ReminderSchedule {
  /** REMINDER_STEPS: the delay before step 1, step 2, … (ms). */
  readonly stepsMs: readonly number[];
  /** REMINDER_REPEAT: the delay between the escalated reminders (ms). */
  readonly repeatMs: number;
}

/** How long after delivering `step` the next step is due. */
export function delayAfterStep(schedule: ReminderSchedule, step: number): number {
  assertStep(step);
  return schedule.stepsMs[step] ?? schedule.repeatMs;
}

/** Whether `step` is escalated (to the county office heads as well). */
export function isEscalatedStep(schedule: ReminderSchedule, step: number): boolean {
  assertStep(step);
  return step > schedule.stepsMs.length;
}

/** Milliseconds from the first reminder (step 0) to `step`, when every step goes out on time. */
export function offsetOfStep(schedule: ReminderSchedule, step: number): number {
  assertStep(step);
  let offset = 0;
  for (let previous = 0; previous < step; previous += 1) offset += delayAfterStep(schedule, previous);
  return offset;
}

function assertStep(step: number): void {
  if (!Number.isInteger(step) || step < 0) throw new RangeError(`A reminder step is a whole number from 0 (got ${step})`);
}

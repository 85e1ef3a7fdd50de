import { delayAfterStep, isEscalatedStep, offsetOfStep, type ReminderSchedule } from './reminder-schedule';

const DAY = 86_400_000;
const production: ReminderSchedule = { stepsMs: [3 * DAY, 7 * DAY], repeatMs: 7 * DAY };
const tests: ReminderSchedule = { stepsMs: [2000, 4000], repeatMs: 4000 };

describe('reminder schedule', () => {
  it('follows up after each REMINDER_STEPS delay, then every REMINDER_REPEAT', () => {
    expect([0, 1, 2, 3, 4].map((step) => delayAfterStep(production, step))).toEqual([3 * DAY, 7 * DAY, 7 * DAY, 7 * DAY, 7 * DAY]);
    expect([0, 1, 2, 3].map((step) => offsetOfStep(tests, step))).toEqual([0, 2000, 6000, 10_000]);
  });

  it('escalates only after the last step delay', () => {
    expect([0, 1, 2, 3, 4].map((step) => isEscalatedStep(production, step))).toEqual([false, false, false, true, true]);
    expect([0, 1].map((step) => isEscalatedStep({ stepsMs: [], repeatMs: DAY }, step))).toEqual([false, true]);
  });

  it('refuses a step that is not a whole number from 0', () => {
    expect(() => delayAfterStep(tests, -1)).toThrow(RangeError);
    expect(() => isEscalatedStep(tests, 1.5)).toThrow(RangeError);
  });
});

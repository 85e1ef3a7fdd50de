/** The `reminders` SubscriptionRunner of this process. */
export const REMINDERS_RUNNER = Symbol('RemindersRunner');

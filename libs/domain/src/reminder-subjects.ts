import { REMINDER_KINDS } from './handover/state';

/**
 * Reminders about subjects other than a handover: a request awaiting the county office's decision
 * (`decision-due`), the decision told to whoever asked (`decision-made`), a whistle step past its
 * deadline (`supervision`, 督办).
 */
export const SUBJECT_REMINDER_KINDS = ['decision-due', 'decision-made', 'supervision'] as const;
export type SubjectReminderKind = (typeof SUBJECT_REMINDER_KINDS)[number];

/** Every kind an inbox item may have: a handover's reminders and the subjects'. */
export const INBOX_KINDS = [...REMINDER_KINDS, ...SUBJECT_REMINDER_KINDS] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export const REMINDER_SUBJECT_TYPES = ['recall-request', 'task-admission', 'whistle'] as const;
export type ReminderSubjectType = (typeof REMINDER_SUBJECT_TYPES)[number];

/** What a reminder is about when it is not a handover. */
export interface ReminderSubject {
  readonly type: ReminderSubjectType;
  readonly id: string;
  readonly title?: string;
}

/** A decision as its requester hears it: a recall approved or rejected, a task admitted or refused. */
export const DECISION_OUTCOMES = ['approved', 'rejected', 'admitted', 'refused'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

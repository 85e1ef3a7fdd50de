import type { HandoverAccepted, HandoverActivated, HandoverContested, HandoverRecorded, HandoverRevoked, ReminderSent } from './events';

export const HANDOVER_MODES = ['transfer', 'entrustment'] as const;
/** transfer 交由/赋权 (acts in its own name); entrustment 委托 (acts in the department's name, needs endsOn). */
export type HandoverMode = (typeof HANDOVER_MODES)[number];

export const HANDOVER_STATUSES = ['none', 'recorded', 'accepted', 'contested', 'active', 'revoked'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

export const REMINDER_KINDS = ['gap', 'unanswered', 'certificate-expiry', 'gaps-closed'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** A recorded handover: what its recording said (commitments as last amended), and what happened to it since. */
export type RecordedHandover = { status: Exclude<HandoverStatus, 'none'> } & HandoverRecorded['data'] & HandoverAnswers;

interface HandoverAnswers {
  /** The signed acknowledgement (承接确认书); null until accepted. */
  acceptance: HandoverAccepted['data'] | null;
  /** The latest contest; kept after an amendment sends the handover back to recorded. */
  contest: HandoverContested['data'] | null;
  activatedOn: HandoverActivated['data']['activatedOn'] | null;
  revocation: HandoverRevoked['data'] | null;
  sentReminderIds: ReminderSent['data']['reminderId'][];
  /** The cases (办件量) standing for each month recorded (`YYYY-MM` → the last figure). */
  usage: Record<string, number>;
}

export type HandoverState = { status: 'none' } | RecordedHandover;

export const initialHandoverState: HandoverState = { status: 'none' };

/** Reminders run for every handover that exists and is not revoked. */
export function isOpenHandover(state: HandoverState): state is RecordedHandover {
  return state.status !== 'none' && state.status !== 'revoked';
}

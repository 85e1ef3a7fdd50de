import type { Gap } from '../readiness/readiness';
import type { Commitments, PowerCategory } from '../resources';

export const HANDOVER_MODES = ['transfer', 'entrustment'] as const;
/** transfer 交由/赋权 (acts in its own name); entrustment 委托 (acts in the department's name, needs endsOn). */
export type HandoverMode = (typeof HANDOVER_MODES)[number];

export const HANDOVER_STATUSES = ['none', 'recorded', 'accepted', 'contested', 'active', 'revoked'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

export const REMINDER_KINDS = ['gap', 'unanswered', 'certificate-expiry', 'gaps-closed'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface RecordedHandover {
  status: Exclude<HandoverStatus, 'none'>;
  handoverId: string;
  countyId: string;
  powerCode: string;
  powerCategory: PowerCategory;
  teamId: string;
  townshipId: string;
  department: string;
  mode: HandoverMode;
  instrument: string;
  effectiveOn: string;
  endsOn?: string;
  committed: Commitments;
  /** The signed acknowledgement (承接确认书); null until accepted. */
  acceptance: { conditional: boolean; reason?: string; gaps: Gap[] } | null;
  /** The latest contest; kept after an amendment sends the handover back to recorded. */
  contest: { reason: string; gaps: Gap[] } | null;
  activatedOn: string | null;
  revocation: { reason: string; previousStatus: Exclude<HandoverStatus, 'none' | 'revoked'> } | null;
  sentReminderIds: string[];
}

export type HandoverState = { status: 'none' } | RecordedHandover;

export const initialHandoverState: HandoverState = { status: 'none' };

/** Reminders run for every handover that exists and is not revoked. */
export function isOpenHandover(state: HandoverState): state is RecordedHandover {
  return state.status !== 'none' && state.status !== 'revoked';
}

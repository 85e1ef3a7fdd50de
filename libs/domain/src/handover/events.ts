import type { DomainEvent } from '../decider';
import type { Gap } from '../readiness/readiness';
import type { Commitments, PowerCategory } from '../resources';
import type { HandoverMode, HandoverStatus, ReminderKind } from './state';

export type HandoverRecorded = DomainEvent<
  'HandoverRecorded',
  {
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
  }
>;

/** `gaps`: what was missing when the township signed (empty unless conditional). */
export type HandoverAccepted = DomainEvent<'HandoverAccepted', { conditional: boolean; reason?: string; gaps: Gap[] }>;

export type HandoverContested = DomainEvent<'HandoverContested', { reason: string; gaps: Gap[] }>;

export type HandoverCommitmentsAmended = DomainEvent<
  'HandoverCommitmentsAmended',
  { committed: Commitments; previousCommitted: Commitments }
>;

export type HandoverActivated = DomainEvent<'HandoverActivated', { activatedOn: string }>;

/**
 * What a revocation settles on cases already filed: they stay with the unit that filed them and are
 * concluded there (已立案件由原立案单位继续办理; Shaxian 沙政规〔2025〕4号).
 */
export const FILED_CASES_STAY_WITH_FILING_UNIT = 'stay-with-filing-unit';

/** The approved recall request (申请收回) a revocation carries out. */
export interface RevocationByRecall {
  requestId: string;
  /** Why the township asked to hand the power back. */
  requestReason: string;
  decisionRef: string;
  filedCases: typeof FILED_CASES_STAY_WITH_FILING_UNIT;
}

/** Cases already filed stay with the unit that filed them; `recall`: the recall request it carries out, if any. */
export type HandoverRevoked = DomainEvent<
  'HandoverRevoked',
  { reason: string; previousStatus: Exclude<HandoverStatus, 'none' | 'revoked'>; recall?: RevocationByRecall }
>;

export type ReminderSent = DomainEvent<
  'ReminderSent',
  { reminderId: string; kind: ReminderKind; step: number; recipients: string[]; gaps?: Gap[] }
>;

/** What a ReminderSent records; `gaps` only for reminders about gaps. */
export interface ReminderSentFacts {
  readonly reminderId: string;
  readonly kind: ReminderKind;
  readonly step: number;
  readonly recipients: readonly string[];
  readonly gaps?: readonly Gap[] | null;
}

/**
 * The one way a ReminderSent is built: by the handover decider (RecordReminderSent) and by the reminder
 * delivery, which appends it in its own transaction.
 */
export function reminderSentEvent(facts: ReminderSentFacts): ReminderSent {
  const { reminderId, kind, step, recipients, gaps } = facts;
  return {
    type: 'ReminderSent',
    data: { reminderId, kind, step, recipients: [...recipients], ...(gaps === undefined || gaps === null ? {} : { gaps: [...gaps] }) },
  };
}

/**
 * The cases (办件量) handled under the handover in `month` (`YYYY-MM`); the last figure for a month
 * stands. `previousCases`: the figure it replaces, null for the month's first.
 */
export type HandoverUsageRecorded = DomainEvent<'HandoverUsageRecorded', { month: string; cases: number; previousCases: number | null }>;

export type HandoverEvent =
  | HandoverRecorded
  | HandoverAccepted
  | HandoverContested
  | HandoverCommitmentsAmended
  | HandoverActivated
  | HandoverRevoked
  | ReminderSent
  | HandoverUsageRecorded;

export const HANDOVER_EVENT_TYPES = [
  'HandoverRecorded',
  'HandoverAccepted',
  'HandoverContested',
  'HandoverCommitmentsAmended',
  'HandoverActivated',
  'HandoverRevoked',
  'ReminderSent',
  'HandoverUsageRecorded',
] as const satisfies readonly HandoverEvent['type'][];

/**
 * Events that put something on the handover's record without changing its status, commitments or
 * gaps: the read side only moves the row's version, the reminders pass them over, and they never
 * make a caller's If-Match stale.
 */
export const HANDOVER_RECORD_ONLY_EVENTS = ['ReminderSent', 'HandoverUsageRecorded'] as const satisfies readonly HandoverEvent['type'][];

export function isRecordOnlyHandoverEvent(
  event: HandoverEvent,
): event is Extract<HandoverEvent, { type: (typeof HANDOVER_RECORD_ONLY_EVENTS)[number] }> {
  return (HANDOVER_RECORD_ONLY_EVENTS as readonly string[]).includes(event.type);
}

export function isHandoverEvent(event: DomainEvent): event is HandoverEvent {
  return (HANDOVER_EVENT_TYPES as readonly string[]).includes(event.type);
}

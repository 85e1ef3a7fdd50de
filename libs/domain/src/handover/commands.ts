import type { DomainCommand } from '../decider';
import type { Gap } from '../readiness/readiness';
import type { Commitments } from '../resources';
import type { HandoverRecorded, RevocationByRecall } from './events';
import type { ReminderKind } from './state';

/** Carries what the event will record; the power's category is passed in so that the entrustment rule can be decided here. */
export type RecordHandover = DomainCommand<'RecordHandover', HandoverRecorded['data']>;

/** `gaps` are the current gaps, computed by the caller with `assessReadiness`. */
export type AcceptHandover = DomainCommand<'AcceptHandover', { conditional: boolean; reason?: string; gaps: Gap[] }>;

export type ContestHandover = DomainCommand<'ContestHandover', { reason: string; gaps: Gap[] }>;

export type AmendCommitments = DomainCommand<'AmendCommitments', { committed: Commitments }>;

/** Time-driven: sent by the sweep once the effective date has come. */
export type ActivateHandover = DomainCommand<'ActivateHandover', Record<string, never>>;

/** `recall`: the approved recall request the revocation carries out. */
export type RevokeHandover = DomainCommand<'RevokeHandover', { reason: string; recall?: RevocationByRecall }>;

export type RecordReminderSent = DomainCommand<
  'RecordReminderSent',
  { reminderId: string; kind: ReminderKind; step: number; recipients: string[]; gaps?: Gap[] }
>;

/**
 * The cases (办件量) handled under the handover in one month. `recordedOn`, and `revokedOn` for a
 * revoked handover, are the local dates of those events, supplied by the caller from the stream's
 * metadata so that the rule stays pure.
 */
export type RecordUsage = DomainCommand<'RecordUsage', { month: string; cases: number; recordedOn: string; revokedOn?: string }>;

export type HandoverCommand =
  | RecordHandover
  | AcceptHandover
  | ContestHandover
  | AmendCommitments
  | ActivateHandover
  | RevokeHandover
  | RecordReminderSent
  | RecordUsage;

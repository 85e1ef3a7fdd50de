import type { DomainEvent } from '../decider';
import type { WhistleDutyCategory, WhistleStep, WhistleUrgency } from './state';

export type WhistleRaised = DomainEvent<
  'WhistleRaised',
  {
    whistleId: string;
    countyId: string;
    townshipId: string;
    title: string;
    description: string;
    dutyCode?: string;
    dutyCategory?: WhistleDutyCategory;
    location?: string;
    urgency: WhistleUrgency;
    raisedBy: string;
    raisedAt: string;
  }
>;

export type WhistleSignedOff = DomainEvent<'WhistleSignedOff', { signedOffBy: string; signedOffAt: string }>;

/** To the lead department, by the township's list or by the county office; the clock starts here (`acceptBy`). */
export type WhistleDispatched = DomainEvent<
  'WhistleDispatched',
  {
    department: string;
    coDepartments: string[];
    routedBy: 'list' | 'county-office';
    dispatchedBy: string;
    dispatchedAt: string;
    acceptBy: string;
  }
>;

/** The list does not settle the whistle: it names no item, or the item names no lead department. */
export type WhistleReferredToCountyOffice = DomainEvent<
  'WhistleReferredToCountyOffice',
  { reason: 'no-item' | 'no-lead-department'; referredAt: string }
>;

/** `onTime`: done by the step's deadline then in force. */
export type WhistleAccepted = DomainEvent<
  'WhistleAccepted',
  { department: string; acceptedBy: string; acceptedAt: string; onTime: boolean; arriveBy: string }
>;

export type WhistleArrived = DomainEvent<
  'WhistleArrived',
  { department: string; arrivedBy: string; arrivedAt: string; onTime: boolean; resolveBy: string }
>;

export type WhistleResolved = DomainEvent<
  'WhistleResolved',
  { department: string; resolvedBy: string; resolvedAt: string; onTime: boolean; result: string }
>;

export type WhistleObjected = DomainEvent<
  'WhistleObjected',
  { department: string; objectedBy: string; objectedAt: string; reason: string }
>;

export type WhistleExtensionRequested = DomainEvent<
  'WhistleExtensionRequested',
  { department: string; step: WhistleStep; until: string; reason: string; requestedBy: string; requestedAt: string }
>;

/** The step's deadline moves to `until`. */
export type WhistleExtensionGranted = DomainEvent<
  'WhistleExtensionGranted',
  { step: WhistleStep; until: string; reason: string; decidedBy: string; decidedAt: string }
>;

export type WhistleExtensionRefused = DomainEvent<
  'WhistleExtensionRefused',
  { step: WhistleStep; until: string; reason: string; decidedBy: string; decidedAt: string }
>;

export type WhistleEvaluated = DomainEvent<
  'WhistleEvaluated',
  { score: number; satisfied: boolean; comment?: string; evaluatedBy: string; evaluatedAt: string }
>;

export type WhistleReopened = DomainEvent<'WhistleReopened', { reason: string; reopenedBy: string; reopenedAt: string; resolveBy: string }>;

/** Supervision (督办): the step was not done by `deadline`; `department` is the lead department that owed it. */
export type WhistleStepOverdue = DomainEvent<
  'WhistleStepOverdue',
  { step: WhistleStep; deadline: string; department: string; recordedAt: string }
>;

export type WhistleEvent =
  | WhistleRaised
  | WhistleSignedOff
  | WhistleDispatched
  | WhistleReferredToCountyOffice
  | WhistleAccepted
  | WhistleArrived
  | WhistleResolved
  | WhistleObjected
  | WhistleExtensionRequested
  | WhistleExtensionGranted
  | WhistleExtensionRefused
  | WhistleEvaluated
  | WhistleReopened
  | WhistleStepOverdue;

export const WHISTLE_EVENT_TYPES = [
  'WhistleRaised',
  'WhistleSignedOff',
  'WhistleDispatched',
  'WhistleReferredToCountyOffice',
  'WhistleAccepted',
  'WhistleArrived',
  'WhistleResolved',
  'WhistleObjected',
  'WhistleExtensionRequested',
  'WhistleExtensionGranted',
  'WhistleExtensionRefused',
  'WhistleEvaluated',
  'WhistleReopened',
  'WhistleStepOverdue',
] as const satisfies readonly WhistleEvent['type'][];

export function isWhistleEvent(event: DomainEvent): event is WhistleEvent {
  return (WHISTLE_EVENT_TYPES as readonly string[]).includes(event.type);
}

import type { DomainEvent } from '../decider';

/** `filedAt`: the instant it was filed (the decision is due a number of working days after it). */
export type RecallRequested = DomainEvent<
  'RecallRequested',
  {
    requestId: string;
    countyId: string;
    townshipId: string;
    handoverId?: string;
    dutyCode?: string;
    reason: string;
    filedBy: string;
    filedAt: string;
  }
>;

/** `department`: who takes a duty item back (a duty's recall only). */
export type RecallApproved = DomainEvent<
  'RecallApproved',
  { requestId: string; reason: string; decisionRef: string; department?: string; decidedBy: string; decidedAt: string }
>;

export type RecallRejected = DomainEvent<'RecallRejected', { requestId: string; reason: string; decidedBy: string; decidedAt: string }>;

export type RecallEvent = RecallRequested | RecallApproved | RecallRejected;

export const RECALL_EVENT_TYPES = ['RecallRequested', 'RecallApproved', 'RecallRejected'] as const satisfies readonly RecallEvent['type'][];

export function isRecallEvent(event: DomainEvent): event is RecallEvent {
  return (RECALL_EVENT_TYPES as readonly string[]).includes(event.type);
}

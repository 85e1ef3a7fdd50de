import type { RecallApproved, RecallRejected, RecallRequested } from './events';

/** Where a duty stands on a township's draft list: one of the three categories, or not on it. */
export const DUTY_STANDINGS = ['basic', 'assisting', 'returned', 'absent'] as const;
export type DutyStanding = (typeof DUTY_STANDINGS)[number];

export const RECALL_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RecallStatus = (typeof RECALL_STATUSES)[number];

/** The county office's decision: its reason, and for an approval the decision reference and who takes a duty back. */
export type RecallDecision = Omit<RecallRejected['data'], 'requestId'> &
  Partial<Pick<RecallApproved['data'], 'decisionRef' | 'department'>>;

/** One request, as filed and as decided. */
export type RecallRequestRecord = Omit<RecallRequested['data'], 'countyId' | 'townshipId' | 'handoverId' | 'dutyCode'> & {
  status: RecallStatus;
  decision: RecallDecision | null;
};

/**
 * The recalls of one item of one township (one stream per township and item): every request in the order
 * filed; at most one of them pending at a time.
 */
export interface RecallThread {
  status: 'filed';
  countyId: string;
  townshipId: string;
  handoverId?: string;
  dutyCode?: string;
  requests: RecallRequestRecord[];
}

export type RecallState = { status: 'none' } | RecallThread;

export const initialRecallState: RecallState = { status: 'none' };

export function recallRequestOf(state: RecallState, requestId: string): RecallRequestRecord | undefined {
  return state.status === 'none' ? undefined : state.requests.find((request) => request.requestId === requestId);
}

export function pendingRecallRequest(state: RecallState): RecallRequestRecord | undefined {
  return state.status === 'none' ? undefined : state.requests.find((request) => request.status === 'pending');
}

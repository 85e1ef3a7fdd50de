import type { DomainCommand } from '../decider';
import type { HandoverStatus } from '../handover/state';
import type { DutyStanding } from './state';

/**
 * A township (or the county office for it) asks to hand one item back: a handed power (by its handover)
 * or one duty of its list — exactly one of `handoverId` and `dutyCode`. What the ledger knows of the item
 * comes in: the handover's status, or where the duty stands on the township's draft list.
 */
export type FileRecallRequest = DomainCommand<
  'FileRecallRequest',
  {
    requestId: string;
    countyId: string;
    townshipId: string;
    handoverId?: string;
    dutyCode?: string;
    reason: string;
    filedBy: string;
    /** The handover's status as the ledger read it (`none`: no such handover of the township). */
    handoverStatus?: HandoverStatus;
    /** Where the duty stands on the township's draft list (`absent`: not on it). */
    dutyStanding?: DutyStanding;
  }
>;

/**
 * The county office's decision: approved with a reason and a decision reference (文号), or rejected with a
 * reason. `department`: who takes a duty item back (required to approve a duty's recall; the ledger
 * passes the duty's lead department when the decision names none).
 */
export type DecideRecallRequest = DomainCommand<
  'DecideRecallRequest',
  { requestId: string; approved: boolean; reason: string; decisionRef?: string; department?: string; decidedBy: string }
>;

export type RecallCommand = FileRecallRequest | DecideRecallRequest;

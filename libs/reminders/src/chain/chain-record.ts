import type { Commitments, Gap, HandoverStatus } from '@fangquan/domain';
import type { ScheduledReminder } from '../queues/reminder-queues';
import { type ChainState, pendingStep } from './reminder-chain';

/** A row of `reminder_chains`: the handover as readiness needs it, and its reminder chain. */
export interface ChainRecord {
  readonly handoverId: string;
  readonly countyId: string;
  readonly teamId: string;
  readonly townshipId: string;
  readonly townshipName: string | null;
  readonly powerCode: string;
  readonly powerName: string | null;
  readonly department: string;
  readonly effectiveOn: string;
  readonly committed: Commitments;
  readonly handoverStatus: Exclude<HandoverStatus, 'none'>;
  readonly handoverVersion: number;
  readonly episode: number;
  readonly revision: number;
  readonly fingerprint: string | null;
  readonly gaps: Gap[];
  readonly nextStep: number;
  /**
   * When the step the chain waits for is due, while that step's job is yet to be queued: set when a
   * process manager's batch delivers a step itself (FollowUpRelay queues the next one as its time
   * nears); null when the pending step is in the queue or nothing is pending.
   */
  readonly followUpDueAt: string | null;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
}

export function chainStateOf(record: ChainRecord): ChainState {
  return {
    episode: record.episode,
    revision: record.revision,
    fingerprint: record.fingerprint,
    gaps: record.gaps,
    nextStep: record.nextStep,
  };
}

/**
 * The record with the chain state `next` (and when its episode opened or closed). A follow-up still
 * waiting for the relay stays while the episode is open (the step is due by time, whatever the gaps
 * do), and is dropped when it closes or the handover is revoked.
 */
export function withChainState(record: ChainRecord, next: ChainState, now: string): ChainRecord {
  const opened = next.episode !== record.episode;
  const closed = record.fingerprint !== null && next.fingerprint === null;
  return {
    ...record,
    episode: next.episode,
    revision: next.revision,
    fingerprint: next.fingerprint,
    gaps: [...next.gaps],
    nextStep: next.nextStep,
    // Steps follow time: a follow-up not queued yet stays while its episode is open, whatever the gaps do.
    followUpDueAt: next.fingerprint !== null && next.episode === record.episode ? record.followUpDueAt : null,
    openedAt: opened ? now : record.openedAt,
    closedAt: closed ? now : opened ? null : record.closedAt,
  };
}

/** The chain moved on to `nextStep` after its step was delivered, that step due at `dueAt` and left for FollowUpRelay to queue. */
export function withFollowUp(record: ChainRecord, nextStep: number, dueAt: string): ChainRecord {
  return { ...record, nextStep, followUpDueAt: dueAt };
}

/**
 * The job of a follow-up left on the chain (followUpDueAt), with its delay from `now` (none when it is
 * overdue); undefined when none is left, or the chain has nothing pending any more (revoked, closed).
 */
export function followUpOf(record: ChainRecord, now: Date): ScheduledReminder | undefined {
  if (record.followUpDueAt === null || record.handoverStatus === 'revoked') return undefined;
  return pendingStep(record.handoverId, chainStateOf(record), Math.max(0, Date.parse(record.followUpDueAt) - now.getTime()));
}

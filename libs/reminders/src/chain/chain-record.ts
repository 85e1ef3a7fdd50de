import type { Commitments, Gap, HandoverStatus } from '@fangquan/domain';
import type { ChainState } from './reminder-chain';

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

/** The record with the chain state `next` (and when its episode opened or closed). */
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
    openedAt: opened ? now : record.openedAt,
    closedAt: closed ? now : opened ? null : record.closedAt,
  };
}

import { handoverStatusAfter, isRecordOnlyHandoverEvent, type HandoverEvent } from '@fangquan/domain';
import type { ChainRecord } from './chain-record';

/**
 * The handover's facts that readiness needs, kept in the chain record from the handover's events
 * (so the process manager never reads a handover's stream). Idempotent: an event at or below the
 * record's version is skipped. A reminder sent or a month's cases change nothing the chain needs.
 */
export function applyHandoverEvent(record: ChainRecord | undefined, event: HandoverEvent, version: number): ChainRecord | undefined {
  if (record !== undefined && version <= record.handoverVersion) return record;
  if (event.type === 'HandoverRecorded') {
    if (record !== undefined) return record;
    const data = event.data;
    return {
      handoverId: data.handoverId,
      countyId: data.countyId,
      teamId: data.teamId,
      townshipId: data.townshipId,
      townshipName: null,
      powerCode: data.powerCode,
      powerName: null,
      department: data.department,
      effectiveOn: data.effectiveOn,
      committed: data.committed,
      handoverStatus: 'recorded',
      handoverVersion: version,
      episode: 0,
      revision: 0,
      fingerprint: null,
      gaps: [],
      nextStep: 0,
      followUpDueAt: null,
      openedAt: null,
      closedAt: null,
    };
  }
  if (record === undefined) return undefined;
  if (isRecordOnlyHandoverEvent(event)) return record;
  const next: ChainRecord = { ...record, handoverStatus: handoverStatusAfter(record.handoverStatus, event), handoverVersion: version };
  return event.type === 'HandoverCommitmentsAmended' ? { ...next, committed: event.data.committed } : next;
}

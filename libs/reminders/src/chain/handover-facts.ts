import type { HandoverEvent } from '@fangquan/domain';
import type { ChainRecord } from './chain-record';

/**
 * The handover's facts that readiness needs, kept in the chain record from the handover's events
 * (so the process manager never reads a handover's stream). Idempotent: an event at or below the
 * record's version is skipped. ReminderSent changes nothing the chain needs.
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
  switch (event.type) {
    case 'HandoverCommitmentsAmended':
      return {
        ...record,
        committed: event.data.committed,
        handoverStatus: record.handoverStatus === 'contested' ? 'recorded' : record.handoverStatus,
        handoverVersion: version,
      };
    case 'HandoverAccepted':
      return { ...record, handoverStatus: 'accepted', handoverVersion: version };
    case 'HandoverContested':
      return { ...record, handoverStatus: 'contested', handoverVersion: version };
    case 'HandoverActivated':
      return { ...record, handoverStatus: 'active', handoverVersion: version };
    case 'HandoverRevoked':
      return { ...record, handoverStatus: 'revoked', handoverVersion: version };
    case 'ReminderSent':
      return record;
    default: {
      const unknown: never = event;
      throw new Error(`Unknown handover event ${JSON.stringify(unknown)}`);
    }
  }
}

import { handoverStatusAfter, type HandoverEvent } from '@fangquan/domain';
import type { HandoverView } from '../entities/handover-view.entity';
import type { EventPlace } from './event-place';

/**
 * The handover row after `event`: the fields the read side keeps, its status by the domain's
 * lifecycle (`handoverStatusAfter`). Readiness (`gaps`, `ready`) is not decided here: a new row starts not ready with no
 * gaps and the projection recomputes it from the power and team rows. Null: the event does not
 * apply (an event of a handover never recorded).
 */
export function applyHandoverEvent(row: HandoverView | null, event: HandoverEvent, place: EventPlace): HandoverView | null {
  if (event.type === 'HandoverRecorded') {
    const { data } = event;
    return {
      id: data.handoverId,
      countyId: data.countyId,
      powerCode: data.powerCode,
      teamId: data.teamId,
      townshipId: data.townshipId,
      townshipName: row?.townshipName ?? null,
      department: data.department,
      status: 'recorded',
      mode: data.mode,
      instrument: data.instrument,
      effectiveOn: data.effectiveOn,
      endsOn: data.endsOn ?? null,
      committed: data.committed,
      gaps: [],
      ready: false,
      version: place.version,
      recordedAt: place.occurredAt,
      updatedAt: place.occurredAt,
    };
  }
  if (row === null) return null;
  const next: HandoverView = {
    ...row,
    status: handoverStatusAfter(row.status, event),
    version: place.version,
    updatedAt: place.occurredAt,
  };
  return event.type === 'HandoverCommitmentsAmended' ? { ...next, committed: event.data.committed } : next;
}

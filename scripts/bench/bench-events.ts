import { randomUUID } from 'node:crypto';
import type { AggregateDecider, EventMetadata, NewEvent } from '@fangquan/event-store';

/** A realistic event: ~200 bytes of payload, full metadata. */
export function benchEvent(n: number): NewEvent {
  return {
    type: 'RequirementRecorded',
    data: {
      handoverId: 'h-0b7f6c2e',
      powerCode: 'A-017',
      requirement: 'officers',
      count: n % 7,
      note: 'Two certified officers and one camera per shift, from the county pool.',
    },
  };
}

export function benchMetadata(): EventMetadata {
  return {
    actor: 'user:bench',
    countyId: 'county-330106',
    correlationId: randomUUID(),
    causationId: null,
    occurredAt: new Date().toISOString(),
  };
}

export function benchBatch(size: number, offset: number): NewEvent[] {
  return Array.from({ length: size }, (_, i) => benchEvent(offset + i));
}

/** A decider that folds every event (for rehydration timing). */
interface Tally {
  events: number;
  officers: number;
}
export const tallyDecider: AggregateDecider<{ type: 'Noop'; data: object }, { type: string; data: object }, Tally, unknown, string> = {
  initialState: { events: 0, officers: 0 },
  evolve: (state, event) => ({
    events: state.events + 1,
    officers: state.officers + Number((event.data as { count?: unknown }).count ?? 0),
  }),
  decide: () => ({ ok: true, events: [] }),
};

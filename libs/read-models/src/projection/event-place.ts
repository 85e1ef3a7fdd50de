import type { RecordedEvent } from '@fangquan/event-store';

/** Where an event sits in its stream and when it happened: what a read row records of it. */
export interface EventPlace {
  /** The event's stream version; a row that already includes it skips the event. */
  readonly version: number;
  /** metadata.occurredAt: rows take their times from the log, never from the projection's clock. */
  readonly occurredAt: Date;
}

export function placeOf(event: Pick<RecordedEvent, 'streamVersion' | 'metadata'>): EventPlace {
  return { version: event.streamVersion, occurredAt: new Date(event.metadata.occurredAt) };
}

/** Whether a row at `rowVersion` still lacks the event at `place` (older or equal events are skipped). */
export function isNewFor(rowVersion: number | undefined, place: EventPlace): boolean {
  return rowVersion === undefined || place.version > rowVersion;
}

import type { EventStore, JsonObject } from '@fangquan/event-store';

/** One event of an aggregate's stream, as a history shows it. */
export interface HistoryEntry {
  readonly type: string;
  readonly version: number;
  readonly occurredAt: string;
  readonly actor: string;
  readonly data: JsonObject;
}

/** Every event of a stream, oldest first, with who caused it; null when the stream has none. */
export async function streamHistory(eventStore: EventStore, streamId: string): Promise<HistoryEntry[] | null> {
  const events = await eventStore.readStream(streamId);
  if (events.length === 0) return null;
  return events.map((event) => ({
    type: event.type,
    version: event.streamVersion,
    occurredAt: event.metadata.occurredAt,
    actor: event.metadata.actor,
    data: event.data,
  }));
}

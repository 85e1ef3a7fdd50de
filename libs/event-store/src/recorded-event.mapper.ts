import { CorruptEventError, UnknownUpcasterChainError } from './errors';
import type { EventMetadata } from './event-metadata';
import type { RecordedEvent, ReplayedEvent } from './event-store.types';
import { isJsonObject, type JsonObject, jsonKind } from './json';
import type { EventRow, ReplayRow } from './read.sql';
import type { UpcasterRegistry } from './upcaster-registry';

function text(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

function instant(value: unknown): string {
  const date = value instanceof Date ? value : new Date(text(value));
  return Number.isNaN(date.getTime()) ? text(value) : date.toISOString();
}

/**
 * A stored row → RecordedEvent at the current schema version of its type.
 *
 * jsonb cannot hold unparseable text, so "corrupt" here means valid JSON of the wrong kind: a
 * payload or metadata that is a string, number, array or JSON null instead of an object (only
 * possible by writing the table by hand), or an upcaster that throws or returns a non-object.
 * Such an event is reported as CorruptEventError, never skipped.
 */
export function toRecordedEvent(row: EventRow, upcasters: UpcasterRegistry): RecordedEvent {
  const globalPosition = text(row.global_position);
  const streamId = text(row.stream_id);
  if (!isJsonObject(row.metadata))
    throw new CorruptEventError(globalPosition, streamId, `metadata is a JSON ${jsonKind(row.metadata)}, not an object`);
  const { type, schemaVersion, data } = upcastedPayload(row, globalPosition, streamId, upcasters);
  return {
    streamId,
    streamVersion: Number(row.stream_version),
    globalPosition,
    transactionId: text(row.transaction_id),
    type,
    schemaVersion,
    data,
    // Validated on the way in; stored rows are trusted to carry the fields.
    metadata: row.metadata as unknown as EventMetadata,
    recordedAt: instant(row.recorded_at),
  };
}

/** A stored row → ReplayedEvent: the payload upcasted as for RecordedEvent, of the metadata only when and for whom. */
export function toReplayedEvent(row: ReplayRow, upcasters: UpcasterRegistry): ReplayedEvent {
  const globalPosition = text(row.global_position);
  const streamId = text(row.stream_id);
  const { type, data } = upcastedPayload(row, globalPosition, streamId, upcasters);
  return {
    streamId,
    globalPosition,
    type,
    data,
    countyId: row.county_id === null ? null : text(row.county_id),
    occurredAt: text(row.occurred_at),
  };
}

function upcastedPayload(
  row: Pick<EventRow, 'type' | 'schema_version' | 'data'>,
  globalPosition: string,
  streamId: string,
  upcasters: UpcasterRegistry,
): { type: string; schemaVersion: number; data: JsonObject } {
  const type = text(row.type);
  const storedVersion = Number(row.schema_version);
  if (!isJsonObject(row.data))
    throw new CorruptEventError(globalPosition, streamId, `payload is a JSON ${jsonKind(row.data)}, not an object`);
  let upcasted: ReturnType<UpcasterRegistry['upcast']>;
  try {
    upcasted = upcasters.upcast(type, storedVersion, row.data, { globalPosition, streamId });
  } catch (error) {
    if (error instanceof UnknownUpcasterChainError) throw error;
    throw new CorruptEventError(
      globalPosition,
      streamId,
      `upcasting ${type} v${storedVersion} failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (!isJsonObject(upcasted.data))
    throw new CorruptEventError(
      globalPosition,
      streamId,
      `upcasting ${type} v${storedVersion} gave a JSON ${jsonKind(upcasted.data)}, not an object`,
    );
  return { type, schemaVersion: upcasted.schemaVersion, data: upcasted.data };
}

import { InvalidEventError } from './errors';
import type { ExpectedVersion, NewEvent } from './event-store.types';
import { isPlainObject } from './json';

const MAX_SCHEMA_VERSION = 32767; // smallint

/** A validated event ready for the INSERT: its payload already serialized to JSON text. */
export interface EventToWrite {
  readonly type: string;
  readonly schemaVersion: number;
  readonly json: string;
}

export function validateStreamId(streamId: unknown): string {
  if (typeof streamId !== 'string' || streamId.trim() === '') throw new InvalidEventError('stream id must be a non-empty string');
  return streamId;
}

export function validateExpectedVersion(expected: unknown): ExpectedVersion {
  if (expected === 'any' || expected === 'no-stream') return expected;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return expected;
  throw new InvalidEventError(`expected version must be a non-negative integer, 'no-stream' or 'any' (got ${String(expected)})`);
}

/**
 * Checks events handed to append: plain `{ type, data }` objects (never class instances, whose names
 * could leak into the log), a non-empty stable type, a plain-object payload, a valid schema version.
 * `currentVersion(type)` supplies the schema version when the event does not state one.
 */
export function validateNewEvents(events: readonly NewEvent[], currentVersion: (type: string) => number): EventToWrite[] {
  if (!Array.isArray(events) || events.length === 0) throw new InvalidEventError('append needs at least one event');
  return events.map((event: unknown, index) => {
    if (!isPlainObject(event)) throw new InvalidEventError(`event #${index} must be a plain { type, data } object`);
    const { type, data, schemaVersion } = event;
    if (typeof type !== 'string' || type.trim() === '') throw new InvalidEventError(`event #${index} needs a non-empty string type`);
    if (!isPlainObject(data)) throw new InvalidEventError(`event #${index} (${type}) data must be a plain object`);
    const version = schemaVersion === undefined ? currentVersion(type) : schemaVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > MAX_SCHEMA_VERSION) {
      throw new InvalidEventError(`event #${index} (${type}) schemaVersion must be an integer from 1 to ${MAX_SCHEMA_VERSION}`);
    }
    let json: string;
    try {
      json = JSON.stringify(data);
    } catch (error) {
      throw new InvalidEventError(
        `event #${index} (${type}) data is not serializable to JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return { type, schemaVersion: version, json };
  });
}

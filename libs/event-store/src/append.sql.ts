import type { EventMetadata } from './event-metadata';
import type { ExpectedVersion } from './event-store.types';
import type { EventToWrite } from './new-event';

/**
 * The whole append in one statement, so it needs no BEGIN/COMMIT and is never half-written: read the
 * stream's head, insert every event numbered after it — only when the head is the expected version —
 * and report the head, how many rows went in and the last position. A concurrent append that took
 * the same version first makes the INSERT fail on the (stream_id, stream_version) key (23505),
 * which the caller turns into a version conflict as well.
 *
 * `county_id` is a generated column (metadata->>'countyId'), so it is not listed here.
 */
export const APPEND_SQL = `
WITH head AS (
  SELECT coalesce(max(stream_version), 0) AS version FROM events WHERE stream_id = $1
), appended AS (
  INSERT INTO events (stream_id, stream_version, type, schema_version, data, metadata)
  SELECT $1, head.version + e.ordinal, e.type, e.schema_version, e.data, $6::jsonb
  FROM head, unnest($3::text[], $4::smallint[], $5::jsonb[]) WITH ORDINALITY AS e(type, schema_version, data, ordinal)
  WHERE $2::integer IS NULL OR head.version = $2::integer
  RETURNING global_position
)
SELECT (SELECT version FROM head) AS head_version,
       (SELECT count(*) FROM appended)::integer AS appended,
       (SELECT max(global_position) FROM appended)::text AS last_position`;

export interface AppendRow {
  readonly head_version: number;
  readonly appended: number;
  readonly last_position: string | null;
}

/** `'any'` → no check (NULL); `'no-stream'` → the stream must be at version 0. */
function expectedParameter(expected: ExpectedVersion): number | null {
  if (expected === 'any') return null;
  if (expected === 'no-stream') return 0;
  return expected;
}

/**
 * Parameters for APPEND_SQL. Payloads and metadata go as JSON text, which node-postgres and PGlite
 * both hand to jsonb unchanged.
 */
export function appendParameters(streamId: string, expected: ExpectedVersion, events: readonly EventToWrite[], metadata: EventMetadata): unknown[] {
  return [
    streamId,
    expectedParameter(expected),
    events.map((event) => event.type),
    events.map((event) => event.schemaVersion),
    events.map((event) => event.json),
    JSON.stringify(metadata),
  ];
}

export const STREAM_HEAD_SQL = `SELECT coalesce(max(stream_version), 0) AS version FROM events WHERE stream_id = $1`;

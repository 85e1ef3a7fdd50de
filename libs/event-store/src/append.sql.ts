import type { EventMetadata } from './event-metadata';
import type { ExpectedVersion, StreamAt } from './event-store.types';
import type { EventToWrite } from './new-event';

/**
 * The append is ONE statement, so it needs no BEGIN/COMMIT and is never half-written: the events
 * are numbered after the stream's head and inserted only when the head is the expected version
 * (`$2`, NULL for 'any'). A stale expectation inserts nothing (zero rows back); a concurrent append
 * that took the same version first makes the INSERT fail on the (stream_id, stream_version) key
 * (23505). The caller turns both into a version conflict.
 *
 * Each stream's events are also kept in log order. Subscriptions read the log by (transaction id,
 * position), so an event appended by a transaction that took its id BEFORE the transaction that wrote
 * the stream's head would sort ahead of that head, and every reader would meet version n+1 before n.
 * That can only happen inside a caller's transaction that wrote something earlier: a lone statement
 * takes its id after the head it reads committed, so it is not checked (the check costs the bench a
 * few percent). In a caller's transaction the append inserts nothing then (`IN_LOG_ORDER`); the caller
 * appends again in a new transaction. By induction the head is enough: no event of the stream has a
 * later transaction id than its head.
 *
 * Two spellings of the same statement: a batch goes through `unnest(...) WITH ORDINALITY`; a single
 * event (the common case) binds scalars, which the bench shows is markedly cheaper for the server
 * than unnesting one-element arrays. `county_id` is a generated column (metadata->>'countyId').
 */
const HEAD = `(SELECT coalesce(max(stream_version), 0) AS version FROM events WHERE stream_id = $1) AS head`;
const CHECK = `WHERE ($2::integer IS NULL OR head.version = $2::integer)`;
/** Whether a transaction newer than this one wrote the stream's event at `version` (see above); one index lookup. */
const writtenLater = (stream: string, version: string): string =>
  `EXISTS (SELECT 1 FROM events last WHERE last.stream_id = ${stream} AND last.stream_version = ${version} AND last.transaction_id > pg_current_xact_id())`;
const IN_LOG_ORDER = `AND NOT ${writtenLater('$1', 'head.version')}`;
const RETURNING = `RETURNING global_position::text AS global_position, stream_version`;

/**
 * The decision's reads (see `AppendOptions.unchanged`): every other stream it read must still be at
 * the version it read. $7 stream id[], $8 version[]; a stream without events is at version 0.
 */
const READS_UNCHANGED = `AND NOT EXISTS (
  SELECT 1 FROM unnest($7::text[], $8::integer[]) AS r(stream_id, version)
  WHERE (SELECT coalesce(max(e.stream_version), 0) FROM events e WHERE e.stream_id = r.stream_id) <> r.version
)`;

/** Which spelling of the append: one event or a batch; with the decision's reads; inside a caller's transaction. */
export interface AppendShape {
  readonly single: boolean;
  readonly readsUnchanged: boolean;
  readonly inCallersTransaction: boolean;
}

/**
 * The append statement of a shape. Parameters: $1 stream, $2 expected (NULL = any), $3 type, $4
 * schema_version, $5 data (JSON text) — arrays of each for a batch — $6 metadata; with the reads, $7
 * stream id[], $8 version[]. The log-order check is needed, and made, only inside a caller's transaction.
 */
export function appendSql({ single, readsUnchanged, inCallersTransaction }: AppendShape): string {
  const rows = single
    ? `SELECT $1, head.version + 1, $3::text, $4::smallint, $5::jsonb, $6::jsonb
FROM ${HEAD}`
    : `SELECT $1, head.version + e.ordinal, e.type, e.schema_version, e.data, $6::jsonb
FROM ${HEAD}, unnest($3::text[], $4::smallint[], $5::jsonb[]) WITH ORDINALITY AS e(type, schema_version, data, ordinal)`;
  const checks = [CHECK, ...(inCallersTransaction ? [IN_LOG_ORDER] : []), ...(readsUnchanged ? [READS_UNCHANGED] : [])].join('\n');
  return `INSERT INTO events (stream_id, stream_version, type, schema_version, data, metadata)
${rows}
${checks}
${RETURNING}`;
}

/**
 * One event on each of several streams, in ONE statement and all or nothing: each row goes to its
 * stream as its next version, and rows are written only if EVERY stream's head is the row's
 * `expected`, written by no newer transaction (zero rows back otherwise; see IN_LOG_ORDER); a race
 * for the same version fails on the unique key. $1 the rows as one JSON array (see oneEachRows).
 */
export const APPEND_ONE_EACH_SQL = `WITH w AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb)
    AS w(stream_id text, expected integer, type text, schema_version smallint, data jsonb, metadata jsonb, ordinal integer)
), current AS (
  SELECT bool_and(
    (SELECT coalesce(max(e.stream_version), 0) FROM events e WHERE e.stream_id = w.stream_id) = w.expected
    AND NOT ${writtenLater('w.stream_id', 'w.expected')}
  ) AS all_at_expected FROM w
)
INSERT INTO events (stream_id, stream_version, type, schema_version, data, metadata)
SELECT w.stream_id, w.expected + 1, w.type, w.schema_version, w.data, w.metadata
FROM w, current WHERE current.all_at_expected
ORDER BY w.ordinal
RETURNING stream_id, global_position::text AS global_position, stream_version`;

/** One row of APPEND_ONE_EACH_SQL: a stream, its expected head, an event (payload as JSON text) and its metadata (JSON text). */
export interface OneEachRow {
  readonly streamId: string;
  readonly expected: number;
  readonly event: EventToWrite;
  readonly metadataJson: string;
}

/**
 * APPEND_ONE_EACH_SQL's $1: one JSON array, the payloads and metadata spliced in as the JSON text they
 * already are. As text[] / jsonb[] parameters the driver would quote and escape every payload into an
 * array literal, a cost per payload that shows under a burst of reminders.
 */
export function oneEachRows(rows: readonly OneEachRow[]): string {
  const objects = rows.map(
    (row, index) =>
      `{"stream_id":${JSON.stringify(row.streamId)},"expected":${row.expected},"type":${JSON.stringify(row.event.type)},"schema_version":${row.event.schemaVersion},"data":${row.event.json},"metadata":${row.metadataJson},"ordinal":${index + 1}}`,
  );
  return `[${objects.join(',')}]`;
}

/**
 * The heads of several streams (streams without events are left out), for a conflict report: each
 * head's version and whether a transaction newer than the current one wrote it (never true for a
 * transaction that has written nothing yet). $1 stream id[].
 */
export const STREAM_HEADS_SQL = `SELECT DISTINCT ON (stream_id) stream_id, stream_version AS version,
  coalesce(transaction_id > pg_current_xact_id_if_assigned(), false) AS written_later
FROM events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_version DESC`;

export interface AppendedRow {
  readonly global_position: string;
  readonly stream_version: number;
}

/** `'any'` → no check (NULL); `'no-stream'` → the stream must be at version 0. */
function expectedParameter(expected: ExpectedVersion): number | null {
  if (expected === 'any') return null;
  if (expected === 'no-stream') return 0;
  return expected;
}

/**
 * The statement and its parameters for `events`. Payloads and metadata go as JSON text, which
 * node-postgres and PGlite both hand to jsonb unchanged.
 */
export function appendStatement(
  streamId: string,
  expected: ExpectedVersion,
  events: readonly EventToWrite[],
  metadata: EventMetadata,
  unchanged: readonly StreamAt[] = [],
): { single: boolean; guarded: boolean; parameters: unknown[] } {
  const head = [streamId, expectedParameter(expected)];
  const metadataJson = JSON.stringify(metadata);
  const guarded = unchanged.length > 0;
  const reads = guarded ? [unchanged.map((read) => read.streamId), unchanged.map((read) => read.version)] : [];
  const [only] = events;
  if (only && events.length === 1)
    return { single: true, guarded, parameters: [...head, only.type, only.schemaVersion, only.json, metadataJson, ...reads] };
  return {
    single: false,
    guarded,
    parameters: [...head, events.map((e) => e.type), events.map((e) => e.schemaVersion), events.map((e) => e.json), metadataJson, ...reads],
  };
}

export const STREAM_HEAD_SQL = `SELECT coalesce(max(stream_version), 0) AS version FROM events WHERE stream_id = $1`;

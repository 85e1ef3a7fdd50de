import type { DataSource } from 'typeorm';
import {
  APPEND_ONE_EACH_SQL,
  type AppendedRow,
  type AppendShape,
  appendSql,
  appendStatement,
  oneEachRows,
  type OneEachRow,
  STREAM_HEAD_SQL,
  STREAM_HEADS_SQL,
} from './append.sql';
import { type PreparedStatement, queryPrepared, statementFor } from './prepared-statement';
import { constraintName, sqlState } from './driver-errors';
import { LogOrderConflictError, StaleReadError, StreamVersionConflictError } from './errors';
import { type EventMetadata, validateEventMetadata } from './event-metadata';
import {
  type AppendOptions,
  type AppendResult,
  type ExpectedVersion,
  type InTransaction,
  type StreamAt,
  LOG_START,
  type LogCheckpoint,
  type NewEvent,
  type RecordedEvent,
  type ReplayedEvent,
} from './event-store.types';
import { validateExpectedVersion, validateNewEvents, validateStreamId } from './new-event';
import {
  ANY_AFTER_SQL,
  type EventRow,
  READ_ALL_SQL,
  READ_STREAM_AFTER_SNAPSHOT_SQL,
  READ_STREAM_SQL,
  READ_STREAMS_EVENTS_OF_TYPES_SQL,
  READ_COUNTY_EVENTS_SQL,
  READ_STREAMS_AFTER_SNAPSHOTS_SQL,
  FIND_COUNTY_STREAMS_SQL,
  REPLAY_COUNTY_EVENTS_SQL,
  REPLAY_STREAMS_SQL,
  type ReplayRow,
  type SnapshotOrEventRow,
} from './read.sql';
import { toRecordedEvent, toReplayedEvent } from './recorded-event.mapper';
import { asStoreError, assertInitialized, runStatement } from './sql-executor';
import { UpcasterRegistry } from './upcaster-registry';
import type { JsonValue } from './json';

export interface EventStoreOptions {
  /** Upcasters for old event shapes; also gives the schema version new events are written in. */
  readonly upcasters?: UpcasterRegistry;
}

/** The append's prepared statements, one per shape (see appendSql), made on first use. */
const APPEND_STATEMENTS = new Map<string, PreparedStatement>();

function appendStatementOf(shape: AppendShape): PreparedStatement {
  const name = `fangquan_append_${shape.single ? 'event' : 'events'}${shape.readsUnchanged ? '_reads' : ''}${shape.inCallersTransaction ? '_tx' : ''}`;
  let statement = APPEND_STATEMENTS.get(name);
  if (statement === undefined) {
    statement = statementFor(name, appendSql(shape));
    APPEND_STATEMENTS.set(name, statement);
  }
  return statement;
}

const APPEND_ONE_EACH = statementFor('fangquan_append_one_each', APPEND_ONE_EACH_SQL);

/** A stream as loading an aggregate reads it: its latest snapshot (if any) and the events after it. */
export interface StreamRead {
  readonly snapshot: { readonly streamVersion: number; readonly state: JsonValue } | undefined;
  readonly events: RecordedEvent[];
}

/** One stream of a combined read; `stateSchema` null reads every event (no snapshot). */
export interface StreamReadRequest {
  readonly streamId: string;
  readonly stateSchema: string | null;
}

/** One event for one stream at a known version (see `appendOneEach`). */
export interface SingleAppend {
  readonly streamId: string;
  /** The stream's head as the caller read it (0: the stream must not exist yet). */
  readonly expectedVersion: number;
  readonly event: NewEvent;
  readonly metadata: EventMetadata;
}

/** The streams a decision read: each once, never the stream being written, at a valid version. */
function validateReads(stream: string, reads: readonly StreamAt[]): StreamAt[] {
  const seen = new Set<string>([stream]);
  return reads.map((read) => {
    const streamId = validateStreamId(read.streamId);
    if (seen.has(streamId)) throw new RangeError(`unchanged: stream "${streamId}" is named twice or is the stream being written`);
    seen.add(streamId);
    if (!Number.isSafeInteger(read.version) || read.version < 0)
      throw new RangeError(`unchanged: the version of "${streamId}" must be a non-negative integer`);
    return { streamId, version: read.version };
  });
}

/** An `'any'` append that loses a race for a version number simply tries again with the new head. */
const ANY_APPEND_ATTEMPTS = 10;

/** A stream's head in a conflict report: its version, and whether a transaction newer than the caller's wrote it. */
interface StreamHead {
  readonly version: number;
  readonly writtenLater: boolean;
}

function isStreamVersionRace(error: unknown): boolean {
  if (sqlState(error) !== '23505') return false;
  const constraint = constraintName(error);
  return constraint === undefined || constraint === 'events_stream_version_key';
}

function lastOf(rows: readonly AppendedRow[]): AppendResult {
  let version = 0;
  let position = 0n;
  for (const row of rows) {
    version = Math.max(version, Number(row.stream_version));
    const current = BigInt(row.global_position);
    if (current > position) position = current;
  }
  return { nextVersion: version, lastGlobalPosition: position.toString() };
}

/**
 * The event log: one append-only `events` table, the same SQL on PostgreSQL and on PGlite.
 * Every method takes an optional caller transaction (`{ transaction }`) to run inside it.
 */
export class EventStore {
  readonly upcasters: UpcasterRegistry;

  constructor(
    readonly dataSource: DataSource,
    options: EventStoreOptions = {},
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
  }

  /**
   * Appends `events` to `streamId` if it is at `expected` (and every stream of `options.unchanged` is
   * still at its version), in one statement (one round trip, no BEGIN/COMMIT unless the caller's
   * transaction is given). Every event carries `metadata`. Throws StreamVersionConflictError or its
   * StaleReadError (nothing written), InvalidEventError, InvalidMetadataError, EventStoreUnavailableError.
   */
  async append(
    streamId: string,
    expected: ExpectedVersion,
    events: readonly NewEvent[],
    metadata: EventMetadata,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const stream = validateStreamId(streamId);
    const expectedVersion = validateExpectedVersion(expected);
    const toWrite = validateNewEvents(events, (type) => this.upcasters.currentVersion(type));
    const unchanged = validateReads(stream, options.unchanged ?? []);
    const { single, guarded, parameters } = appendStatement(stream, expectedVersion, toWrite, validateEventMetadata(metadata), unchanged);
    const statement = appendStatementOf({ single, readsUnchanged: guarded, inCallersTransaction: options.transaction !== undefined });
    if (!options.transaction) assertInitialized(this.dataSource, 'append');
    // Inside a caller's transaction a unique violation has aborted it: no retry, no follow-up query.
    const attempts = expectedVersion === 'any' && options.transaction === undefined ? ANY_APPEND_ATTEMPTS : 1;
    for (let attempt = 1; ; attempt += 1) {
      let rows: AppendedRow[];
      try {
        rows = await queryPrepared<AppendedRow>(options.transaction ?? this.dataSource, statement, parameters);
      } catch (error) {
        if (!isStreamVersionRace(error)) throw asStoreError('append', error);
        if (attempt < attempts) continue;
        throw new StreamVersionConflictError(stream, expectedVersion, options.transaction ? null : await this.actualVersion(stream, {}));
      }
      // Zero rows: the head was not the expected version, a read stream moved, or a newer transaction
      // wrote the head (the transaction, if any, is still usable).
      if (rows.length === 0) throw await this.whyRefused(stream, expectedVersion, unchanged, options);
      if (rows.length !== toWrite.length) throw new Error(`append: ${rows.length} of ${toWrite.length} events came back`);
      return lastOf(rows);
    }
  }

  /**
   * One event on each of several distinct streams, each at its expected version, in ONE statement —
   * all or nothing: when any stream has moved, nothing is written and StreamVersionConflictError
   * names the first such stream. Answers each append's result in the order given.
   */
  async appendOneEach(appends: readonly SingleAppend[], options: InTransaction = {}): Promise<AppendResult[]> {
    if (appends.length === 0) return [];
    const toWrite = appends.map((append): OneEachRow => {
      const expectedVersion = validateExpectedVersion(append.expectedVersion);
      if (typeof expectedVersion !== 'number') throw new RangeError('appendOneEach needs a numeric expected version for each stream');
      const [event] = validateNewEvents([append.event], (type) => this.upcasters.currentVersion(type));
      if (event === undefined) throw new RangeError('appendOneEach needs one event for each stream');
      return {
        streamId: validateStreamId(append.streamId),
        expected: expectedVersion,
        event,
        metadataJson: JSON.stringify(validateEventMetadata(append.metadata)),
      };
    });
    const streams = toWrite.map((row) => row.streamId);
    if (new Set(streams).size !== streams.length) throw new RangeError('appendOneEach takes each stream once');
    const expected = toWrite.map((row) => row.expected);
    if (!options.transaction) assertInitialized(this.dataSource, 'append');
    let rows: Array<AppendedRow & { stream_id: string }>;
    try {
      rows = await runStatement(this.dataSource, options.transaction, 'append', APPEND_ONE_EACH, [oneEachRows(toWrite)]);
    } catch (error) {
      if (!isStreamVersionRace(error)) throw asStoreError('append', error);
      throw new StreamVersionConflictError(streams[0] as string, expected[0] as number, null);
    }
    if (rows.length === 0) {
      // Some stream moved, or a newer transaction wrote its head: name the first one (nothing was written).
      let heads: Map<string, StreamHead>;
      try {
        heads = await this.heads(streams, options);
      } catch {
        throw new StreamVersionConflictError(streams[0] as string, expected[0] as number, null);
      }
      const moved = streams.findIndex((stream, index) => (heads.get(stream)?.version ?? 0) !== expected[index]);
      if (moved >= 0)
        throw new StreamVersionConflictError(
          streams[moved] as string,
          expected[moved] as number,
          heads.get(streams[moved] as string)?.version ?? 0,
        );
      const later = Math.max(
        streams.findIndex((stream) => heads.get(stream)?.writtenLater === true),
        0,
      );
      throw new LogOrderConflictError(
        streams[later] as string,
        expected[later] as number,
        heads.get(streams[later] as string)?.version ?? 0,
      );
    }
    if (rows.length !== streams.length) throw new Error(`appendOneEach: ${rows.length} of ${streams.length} events came back`);
    const written = new Map(rows.map((row) => [String(row.stream_id), row]));
    return streams.map((stream) => {
      const row = written.get(stream) as AppendedRow;
      return { nextVersion: Number(row.stream_version), lastGlobalPosition: String(row.global_position) };
    });
  }

  /** The stream's events from `fromVersion` (inclusive, default 1), in version order, upcasted. */
  async readStream(streamId: string, fromVersion = 1, options: InTransaction = {}): Promise<RecordedEvent[]> {
    const rows = await this.run<EventRow>('readStream', options, READ_STREAM_SQL, [validateStreamId(streamId), fromVersion]);
    return rows.map((row) => toRecordedEvent(row, this.upcasters));
  }

  /**
   * Of several streams, only the events of the given types (e.g. each stream's creation, for its
   * date), by stream then version, upcasted: one round trip, whatever else the streams hold.
   */
  async readStreamsEventsOfTypes(
    streamIds: readonly string[],
    types: readonly string[],
    options: InTransaction = {},
  ): Promise<RecordedEvent[]> {
    if (streamIds.length === 0) return [];
    const rows = await this.run<EventRow>('readStreamsEventsOfTypes', options, READ_STREAMS_EVENTS_OF_TYPES_SQL, [
      streamIds.map(validateStreamId),
      [...types],
    ]);
    return rows.map((row) => toRecordedEvent(row, this.upcasters));
  }

  /**
   * One county's events of the given types, in log order, upcasted: for aggregates few per county
   * (requests awaiting a decision), listed by folding their events instead of through a read table.
   */
  async readCountyEvents(countyId: string, types: readonly string[], options: InTransaction = {}): Promise<RecordedEvent[]> {
    const rows = await this.run<EventRow>('readCountyEvents', options, READ_COUNTY_EVENTS_SQL, [countyId, [...types]]);
    return rows.map((row) => toRecordedEvent(row, this.upcasters));
  }

  /** The county's streams holding an event of `types` whose data `field` is `value` (text), e.g. a township's handovers. */
  async findCountyStreams(
    countyId: string,
    types: readonly string[],
    field: string,
    value: string,
    options: InTransaction = {},
  ): Promise<string[]> {
    const rows = await this.run<{ stream_id: unknown }>('findCountyStreams', options, FIND_COUNTY_STREAMS_SQL, [
      countyId,
      [...types],
      field,
      value,
    ]);
    return rows.map((row) => String(row.stream_id)).sort();
  }

  /** Every event of the given streams, merged in log order, as a replay reads them (see ReplayedEvent). */
  async replayStreams(streamIds: readonly string[], options: InTransaction = {}): Promise<ReplayedEvent[]> {
    const ids = streamIds.map((id) => validateStreamId(id));
    if (ids.length === 0) return [];
    const rows = await this.run<ReplayRow>('replayStreams', options, REPLAY_STREAMS_SQL, [ids]);
    return rows.map((row) => toReplayedEvent(row, this.upcasters));
  }

  /** One county's events of the given types, in log order, as a replay reads them (see ReplayedEvent). */
  async replayCountyEvents(countyId: string, types: readonly string[], options: InTransaction = {}): Promise<ReplayedEvent[]> {
    const rows = await this.run<ReplayRow>('replayCountyEvents', options, REPLAY_COUNTY_EVENTS_SQL, [countyId, [...types]]);
    return rows.map((row) => toReplayedEvent(row, this.upcasters));
  }

  /**
   * The stream's latest snapshot of `stateSchema` (if any) and the events after it, in one round trip
   * (what loading an aggregate needs).
   */
  async readStreamAfterSnapshot(streamId: string, stateSchema: string, options: InTransaction = {}): Promise<StreamRead> {
    const rows = await this.run<SnapshotOrEventRow>('readStreamAfterSnapshot', options, READ_STREAM_AFTER_SNAPSHOT_SQL, [
      validateStreamId(streamId),
      stateSchema,
    ]);
    const first = rows[0];
    const snapshot =
      first && first.is_snapshot === true ? { streamVersion: Number(first.stream_version), state: first.data as JsonValue } : undefined;
    return { snapshot, events: (snapshot ? rows.slice(1) : rows).map((row) => toRecordedEvent(row, this.upcasters)) };
  }

  /**
   * Several streams as `readStreamAfterSnapshot` reads one, in ONE round trip; the answer is in the
   * order of `requests`.
   */
  async readStreamsAfterSnapshots(requests: readonly StreamReadRequest[], options: InTransaction = {}): Promise<StreamRead[]> {
    const streamIds = requests.map((request) => validateStreamId(request.streamId));
    const rows = await this.run<SnapshotOrEventRow>('readStreamsAfterSnapshots', options, READ_STREAMS_AFTER_SNAPSHOTS_SQL, [
      streamIds,
      requests.map((request) => request.stateSchema),
    ]);
    const reads = new Map<string, { snapshot: StreamRead['snapshot']; events: RecordedEvent[] }>(
      streamIds.map((id) => [id, { snapshot: undefined, events: [] }]),
    );
    for (const row of rows) {
      const read = reads.get(String(row.stream_id));
      if (read === undefined) continue;
      if (row.is_snapshot === true) read.snapshot = { streamVersion: Number(row.stream_version), state: row.data as JsonValue };
      else read.events.push(toRecordedEvent(row, this.upcasters));
    }
    return streamIds.map((id) => reads.get(id) as StreamRead);
  }

  /**
   * Up to `limit` events of the whole log after `from`, in (transaction_id, global_position) order,
   * only from transactions below the current snapshot's xmin, so nothing can later appear before
   * them. Continue from `checkpointAfter(lastEvent)`.
   */
  async readAll(from: LogCheckpoint = LOG_START, limit = 1000, options: InTransaction = {}): Promise<RecordedEvent[]> {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`readAll limit must be a positive integer (got ${limit})`);
    const rows = await this.run<EventRow>('readAll', options, READ_ALL_SQL, [from.transactionId, from.globalPosition, limit]);
    return rows.map((row) => toRecordedEvent(row, this.upcasters));
  }

  /** Whether committed events lie after `from`, including ones readAll does not return yet (older transactions still running). */
  async hasEventsAfter(from: LogCheckpoint, options: InTransaction = {}): Promise<boolean> {
    const [row] = await this.run<{ pending: boolean }>('hasEventsAfter', options, ANY_AFTER_SQL, [from.transactionId, from.globalPosition]);
    return row?.pending === true;
  }

  /** The stream's current version (0 when it has no events). */
  async streamVersion(streamId: string, options: InTransaction = {}): Promise<number> {
    const [row] = await this.run<{ version: unknown }>('streamVersion', options, STREAM_HEAD_SQL, [validateStreamId(streamId)]);
    return Number(row?.version ?? 0);
  }

  /**
   * Which check refused an append: the written stream's version, else the first read stream that
   * moved, else the log order (a newer transaction wrote the head).
   */
  private async whyRefused(
    stream: string,
    expected: ExpectedVersion,
    unchanged: readonly StreamAt[],
    options: InTransaction,
  ): Promise<StreamVersionConflictError> {
    let heads: Map<string, StreamHead>;
    try {
      heads = await this.heads([stream, ...unchanged.map((read) => read.streamId)], options);
    } catch {
      return new StreamVersionConflictError(stream, expected, null);
    }
    const head = heads.get(stream);
    const version = head?.version ?? 0;
    if (expected !== 'any' && version !== (expected === 'no-stream' ? 0 : expected))
      return new StreamVersionConflictError(stream, expected, version);
    const moved = unchanged.find((read) => (heads.get(read.streamId)?.version ?? 0) !== read.version);
    if (moved !== undefined) return new StaleReadError(moved.streamId, moved.version, heads.get(moved.streamId)?.version ?? 0);
    if (head?.writtenLater === true) return new LogOrderConflictError(stream, expected, version);
    // Nothing refuses it any more: the stream moved and came back into view between the two reads.
    return new StreamVersionConflictError(stream, expected, version);
  }

  /** The heads of `streams` for a conflict report (streams without events are left out). */
  private async heads(streams: readonly string[], options: InTransaction): Promise<Map<string, StreamHead>> {
    const rows = await this.run<{ stream_id: string; version: unknown; written_later: unknown }>('append', options, STREAM_HEADS_SQL, [
      streams,
    ]);
    return new Map(rows.map((row) => [String(row.stream_id), { version: Number(row.version), writtenLater: row.written_later === true }]));
  }

  /** The head for a conflict report; a failure to read it must not hide the conflict. */
  private async actualVersion(streamId: string, options: InTransaction): Promise<number | null> {
    try {
      return await this.streamVersion(streamId, options);
    } catch {
      return null;
    }
  }

  /** Reads only: retried once on a dead pooled connection (see runStatement). */
  private run<Row>(operation: string, options: InTransaction, sql: string, parameters: unknown[]): Promise<Row[]> {
    return runStatement<Row>(this.dataSource, options.transaction, operation, statementFor('fangquan_read', sql), parameters, {
      idempotent: true,
    });
  }
}

import type { EntityManager, QueryRunner } from 'typeorm';
import type { EventMetadata } from './event-metadata';
import type { JsonObject } from './json';

/** An event to append: a stable type name (never a class name) and a plain-object payload. */
export interface NewEvent {
  readonly type: string;
  readonly data: object;
  /** Shape version of `data`; defaults to the current version registered for `type` (1 when none). */
  readonly schemaVersion?: number;
}

/**
 * What the caller believes the stream's version is. Versions count events: a stream's first event
 * has version 1, so an empty stream is at version 0 and `'no-stream'` is the same check as `0`.
 * `'any'` appends without a check.
 */
export type ExpectedVersion = number | 'no-stream' | 'any';

export interface AppendResult {
  /** The stream's version after the append: pass it as the expected version of the next append. */
  readonly nextVersion: number;
  /** `global_position` of the last appended event, as a decimal string (bigint). */
  readonly lastGlobalPosition: string;
}

/** An event as stored, after upcasting to the current schema version of its type. */
export interface RecordedEvent {
  readonly streamId: string;
  readonly streamVersion: number;
  /** bigint, as a decimal string. */
  readonly globalPosition: string;
  /** xid8 of the transaction that appended it, as a decimal string. */
  readonly transactionId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
  /** ISO-8601 instant of the insert (server clock). */
  readonly recordedAt: string;
}

/**
 * An event as a replay of part of the log needs it: its place, when it happened and for which county
 * (from the metadata), and its payload upcasted — without the rest of the metadata, read and parsed
 * for nothing when a replay folds a county's hundred thousand events.
 */
export interface ReplayedEvent {
  readonly streamId: string;
  /** bigint, as a decimal string. */
  readonly globalPosition: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly countyId: string | null;
  /** The metadata's `occurredAt`. */
  readonly occurredAt: string;
}

/**
 * A place in the global log, in `(transaction_id, global_position)` order. Both parts are decimal
 * strings (xid8 and bigint do not fit a JS number safely).
 */
export interface LogCheckpoint {
  readonly transactionId: string;
  readonly globalPosition: string;
}

export const LOG_START: LogCheckpoint = Object.freeze({ transactionId: '0', globalPosition: '0' });

/** The checkpoint just after `event`: reading from it continues with the next event. */
export function checkpointAfter(event: Pick<RecordedEvent, 'transactionId' | 'globalPosition'>): LogCheckpoint {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}

/** A caller's transaction to run in: a transactional EntityManager or a QueryRunner with a transaction. */
export type SqlTransaction = EntityManager | QueryRunner;

export interface InTransaction {
  readonly transaction?: SqlTransaction;
}

/** A stream at the version a reader saw. */
export interface StreamAt {
  readonly streamId: string;
  /** 0 when the stream had no events. */
  readonly version: number;
}

export interface AppendOptions extends InTransaction {
  /**
   * The other streams the decision read, each at the version it read (a team, say, when a handover to
   * it is recorded). When any of them has moved, nothing is written and StaleReadError names it — so
   * a decision taken on a state kept from earlier (see AggregateStore's `stateCache`) never lands on
   * a state that has changed since.
   */
  readonly unchanged?: readonly StreamAt[];
}

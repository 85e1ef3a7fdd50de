import type { ExpectedVersion } from './event-store.types';

/** Base of every error the event store throws on purpose. */
export abstract class EventStoreError extends Error {}

/**
 * The stream was not at the expected version (or a concurrent append took the same version first).
 * Nothing of the append was written. The HTTP layer maps it to 409.
 */
export class StreamVersionConflictError extends EventStoreError {
  override readonly name: string = 'StreamVersionConflictError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's version when the append was refused (read right after); `null` when it could not be read — e.g. a race lost inside a caller's transaction, which is then aborted. */
    readonly actual: number | null,
  ) {
    super(`Stream "${streamId}" is at version ${actual ?? 'unknown'}, expected ${String(expected)}`);
  }
}

/**
 * A stream that the decision READ (not the one appended to) has moved since it was read: the decision
 * may rest on an outdated state, so nothing was written. Load the read streams afresh and decide again.
 * A StreamVersionConflictError, so that a caller who does not retry still answers with a conflict.
 */
export class StaleReadError extends StreamVersionConflictError {
  override readonly name = 'StaleReadError';
}

/**
 * The stream's head was written by a transaction newer than the caller's: appended here, the event
 * would sort ahead of that head in the log (read by transaction id, then position), so nothing was
 * written. Only a caller's transaction that wrote something before the head was committed meets it;
 * append again (deciding afresh if need be) in a new transaction. `actual` is the head's version.
 */
export class LogOrderConflictError extends StreamVersionConflictError {
  override readonly name = 'LogOrderConflictError';
}

/**
 * A stored event cannot be turned into a RecordedEvent: its payload or metadata is not a JSON object,
 * or an upcaster failed on it. Readers stop here; an event is never skipped silently.
 */
export class CorruptEventError extends EventStoreError {
  override readonly name = 'CorruptEventError';
  constructor(
    readonly globalPosition: string,
    readonly streamId: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Event at global position ${globalPosition} of stream "${streamId}" is corrupt: ${reason}`, options);
  }
}

/** No chain of upcasters leads from a stored schema version to the current one (a gap, or a version newer than this code knows). */
export class UnknownUpcasterChainError extends EventStoreError {
  override readonly name = 'UnknownUpcasterChainError';
  constructor(
    readonly eventType: string,
    readonly storedVersion: number,
    readonly currentVersion: number,
    /** The version the chain breaks at (no upcaster from it); null when the stored version is newer than the current one. */
    readonly missingFrom: number | null,
    readonly at?: { readonly globalPosition: string; readonly streamId: string },
  ) {
    const where = at ? ` (global position ${at.globalPosition}, stream "${at.streamId}")` : '';
    const why = missingFrom === null ? 'the stored version is newer than any this code knows' : `no upcaster from v${missingFrom}`;
    super(`Cannot upcast ${eventType} v${storedVersion} to v${currentVersion}${where}: ${why}`);
  }
}

/** An event handed to append is not a plain `{ type, data }` object with a non-empty type. */
export class InvalidEventError extends EventStoreError {
  override readonly name = 'InvalidEventError';
  constructor(readonly reason: string) {
    super(`Invalid event: ${reason}`);
  }
}

/** Event metadata is missing a field or has one of the wrong shape. */
export class InvalidMetadataError extends EventStoreError {
  override readonly name = 'InvalidMetadataError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Invalid event metadata "${field}": ${reason}`);
  }
}

/**
 * The database could not be reached or went away during the operation (connection refused or
 * terminated, server shutting down, pool closed, data source destroyed). The driver error is the
 * `cause`. An append is one statement, so it was either committed whole or not at all; the only
 * unknowable case is a connection lost after the server committed but before the reply arrived —
 * re-read the stream to tell.
 */
export class EventStoreUnavailableError extends EventStoreError {
  override readonly name = 'EventStoreUnavailableError';
  constructor(
    readonly operation: string,
    cause: unknown,
  ) {
    super(`Event store unavailable during ${operation}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** A subscription did not get through the log in the time allowed (catchUp). */
export class SubscriptionTimeoutError extends EventStoreError {
  override readonly name = 'SubscriptionTimeoutError';
  constructor(
    readonly subscriptionId: string,
    readonly timeoutMs: number,
  ) {
    super(`Subscription "${subscriptionId}" did not catch up within ${timeoutMs} ms`);
  }
}

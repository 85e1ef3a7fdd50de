import { LRUCache } from 'lru-cache';
import { StaleReadError, StreamVersionConflictError } from './errors';
import type { EventMetadata } from './event-metadata';
import type { EventStore, StreamRead } from './event-store';
import { consoleEventStoreLogger, describeError, type EventStoreLogger } from './event-store.logger';
import type { InTransaction, StreamAt } from './event-store.types';
import type { JsonValue } from './json';
import { SnapshotStore } from './snapshot-store';

/** What an aggregate's events look like to the store: a stable type name and a plain-object payload. */
export interface AggregateEvent {
  readonly type: string;
  readonly data: object;
}

export type AggregateDecision<E, Err> = { ok: true; events: E[] } | { ok: false; error: Err };

/** Structural twin of the domain's Decider: the domain library defines the real types. */
export interface AggregateDecider<C, E extends AggregateEvent, S, Ctx, Err> {
  readonly initialState: S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S, ctx: Ctx): AggregateDecision<E, Err>;
}

export interface AggregateSnapshotOptions<S> {
  /** Name of the state's shape; change it whenever the state's shape changes (old snapshots are then ignored). */
  readonly schema: string;
  /** Write a snapshot once this many events lie beyond the last one. Default 100. */
  readonly every?: number;
  /** State → JSON (default: the state itself, which must then be plain JSON). */
  readonly toJson?: (state: S) => JsonValue;
  /** JSON → state (default: the JSON itself). */
  readonly fromJson?: (json: JsonValue) => S;
}

export interface AggregateStoreOptions<S> {
  /** Without it no snapshots are read or written. */
  readonly snapshot?: AggregateSnapshotOptions<S>;
  /** Reload-and-retry rounds after a version conflict when the caller gave no expected version. Default 3. */
  readonly conflictRetries?: number;
  /**
   * Event types that record something about the aggregate without changing what a caller's expected
   * version (If-Match) protects — e.g. a reminder sent about a handover. Events of only these types
   * after the expected version do not make it stale.
   */
  readonly concurrencyNeutralEvents?: readonly string[];
  /**
   * Keep the states of this many streams (the most recently used), as loaded or as written by this
   * store, for loads that ask for them (`loadRequest(id, { fromCache: true })`): a command that only
   * READS this aggregate then needs no round trip for it. A kept state may be behind the log (another
   * process may have appended since), so such a command must append with it as `unchanged` and, on
   * StaleReadError, decide again on a fresh load. Commands on the aggregate itself always load fresh.
   */
  readonly stateCache?: number;
  readonly logger?: EventStoreLogger;
}

export interface LoadedAggregate<S> {
  readonly state: S;
  /** Stream version the state includes (0 for a new stream). */
  readonly version: number;
}

export type HandleResult<E, S, Err> =
  | { readonly ok: true; readonly events: E[]; readonly state: S; readonly nextVersion: number; readonly lastGlobalPosition: string | null }
  | { readonly ok: false; readonly error: Err; readonly version: number };

export interface HandleOptions extends InTransaction {
  /**
   * The stream is new (its id was just generated): skip loading it and append with 'no-stream'.
   * Saves the load's round trips on creations; an existing stream is still a conflict.
   */
  readonly newStream?: boolean;
  /** The version the caller saw (HTTP If-Match). A different loaded version is a conflict; no retry. */
  readonly expectedVersion?: number;
  /**
   * The other aggregates the command was decided on, at the versions read: when one has moved, nothing
   * is written and StaleReadError is thrown (no retry here: only the caller can read them again).
   */
  readonly unchanged?: readonly StreamAt[];
}

export interface LoadRequestOptions {
  /** Answer from the store's `stateCache` when it holds the stream (no round trip); the state may be behind the log. */
  readonly fromCache?: boolean;
}

/** One aggregate to load together with others (see `loadAggregates`). */
export interface AggregateLoadRequest<S> {
  readonly streamId: string;
  readonly stateSchema: string | null;
  /** The state kept from earlier, when the request may be answered so; undefined means read the stream. */
  readonly cached: () => LoadedAggregate<S> | undefined;
  /** The state from what was read; `keep` (false inside a transaction) lets the store's cache keep it. */
  readonly complete: (read: StreamRead, keep: boolean) => LoadedAggregate<S>;
}

type LoadedAll<R extends readonly AggregateLoadRequest<unknown>[]> = {
  -readonly [K in keyof R]: R[K] extends AggregateLoadRequest<infer S> ? LoadedAggregate<S> : never;
};

/**
 * Loads several aggregates (of any types) in ONE round trip — for a command that reads other
 * aggregates besides the one it writes, e.g. the power and the team a handover is recorded for.
 * Requests answered from a store's cache are not read (none at all when every one is); inside a
 * transaction every request is read.
 */
export async function loadAggregates<const R extends readonly AggregateLoadRequest<unknown>[]>(
  store: EventStore,
  requests: R,
  options: InTransaction = {},
): Promise<LoadedAll<R>> {
  const inTransaction = options.transaction !== undefined;
  const loaded = requests.map((request) => (inTransaction ? undefined : request.cached()));
  const toRead = requests.filter((_, index) => loaded[index] === undefined);
  const reads = toRead.length === 0 ? [] : await store.readStreamsAfterSnapshots(toRead, options);
  let next = 0;
  return requests.map((request, index) => loaded[index] ?? request.complete(reads[next++] as StreamRead, !inTransaction)) as LoadedAll<R>;
}

/** The versions a decision was taken on, for `unchanged`: each loaded aggregate's stream at its version. */
export function readsOf(requests: readonly AggregateLoadRequest<unknown>[], loaded: readonly LoadedAggregate<unknown>[]): StreamAt[] {
  return requests.map((request, index) => ({ streamId: request.streamId, version: (loaded[index] as LoadedAggregate<unknown>).version }));
}

/**
 * Loads aggregates from their streams (snapshot + later events) and runs commands through their
 * decider: load → decide → append with the loaded version as the expected one.
 */
export class AggregateStore<C, E extends AggregateEvent, S, Ctx, Err> {
  private readonly snapshots: SnapshotStore;
  private readonly logger: EventStoreLogger;
  private readonly conflictRetries: number;
  private readonly neutralEvents: ReadonlySet<string>;
  private readonly kept: LRUCache<string, LoadedAggregate<S>> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly decider: AggregateDecider<C, E, S, Ctx, Err>,
    private readonly options: AggregateStoreOptions<S> = {},
  ) {
    this.snapshots = new SnapshotStore(store.dataSource);
    this.logger = options.logger ?? consoleEventStoreLogger;
    this.conflictRetries = options.conflictRetries ?? 3;
    this.neutralEvents = new Set(options.concurrencyNeutralEvents ?? []);
    const every = options.snapshot?.every;
    if (every !== undefined && (!Number.isInteger(every) || every < 1)) throw new RangeError('snapshot.every must be a positive integer');
    const cacheSize = options.stateCache;
    if (cacheSize !== undefined && (!Number.isInteger(cacheSize) || cacheSize < 1))
      throw new RangeError('stateCache must be a positive integer');
    this.kept = cacheSize === undefined ? undefined : new LRUCache({ max: cacheSize });
  }

  async load(streamId: string, options: InTransaction = {}): Promise<LoadedAggregate<S>> {
    return (await this.loadWithSnapshotVersion(streamId, options)).aggregate;
  }

  /**
   * Decides `command` on the stream's current state and appends the resulting events. Returns the
   * decider's error as `{ ok: false }`; throws StreamVersionConflictError when the stream moved (after
   * the retries, or at once when `expectedVersion` was given or inside a caller's transaction).
   */
  async handle(
    streamId: string,
    command: C,
    ctx: Ctx,
    metadata: EventMetadata,
    options: HandleOptions = {},
  ): Promise<HandleResult<E, S, Err>> {
    // With an expected version a conflict is final, unless neutral events may have raced in.
    const retryable = options.expectedVersion === undefined || this.neutralEvents.size > 0;
    const retries = retryable && options.transaction === undefined ? this.conflictRetries : 0;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.handleOnce(streamId, command, ctx, metadata, options);
      } catch (error) {
        if (!(error instanceof StreamVersionConflictError) || error instanceof StaleReadError || attempt >= retries) throw error;
      }
    }
  }

  private async handleOnce(
    streamId: string,
    command: C,
    ctx: Ctx,
    metadata: EventMetadata,
    options: HandleOptions,
  ): Promise<HandleResult<E, S, Err>> {
    const { aggregate, snapshotVersion } = options.newStream
      ? { aggregate: { state: this.decider.initialState, version: 0 }, snapshotVersion: 0 }
      : await this.loadWithSnapshotVersion(streamId, options);
    if (options.expectedVersion !== undefined && options.expectedVersion !== aggregate.version) {
      if (!(await this.onlyNeutralEventsAfter(streamId, options.expectedVersion, aggregate.version, options))) {
        throw new StreamVersionConflictError(streamId, options.expectedVersion, aggregate.version);
      }
    }
    const decision = this.decider.decide(command, aggregate.state, ctx);
    if (!decision.ok) return { ok: false, error: decision.error, version: aggregate.version };
    if (decision.events.length === 0)
      return { ok: true, events: [], state: aggregate.state, nextVersion: aggregate.version, lastGlobalPosition: null };
    const expected = aggregate.version === 0 ? 'no-stream' : aggregate.version;
    let appended;
    try {
      appended = await this.store.append(streamId, expected, decision.events, metadata, options);
    } catch (error) {
      // The stream has moved past what is kept (or the kept state's transaction may yet roll back).
      this.kept?.delete(streamId);
      throw error;
    }
    const state = decision.events.reduce((current, event) => this.decider.evolve(current, event), aggregate.state);
    if (options.transaction) this.kept?.delete(streamId);
    else this.keep(streamId, { state, version: appended.nextVersion });
    await this.maybeSnapshot(streamId, state, appended.nextVersion, snapshotVersion, options);
    return { ok: true, events: decision.events, state, nextVersion: appended.nextVersion, lastGlobalPosition: appended.lastGlobalPosition };
  }

  /** Whether every event after `expected` up to `current` is of a concurrency-neutral type. */
  private async onlyNeutralEventsAfter(streamId: string, expected: number, current: number, options: InTransaction): Promise<boolean> {
    if (this.neutralEvents.size === 0 || expected > current) return false;
    const since = await this.store.readStream(streamId, expected + 1, options);
    return since.every((event) => this.neutralEvents.has(event.type));
  }

  /** What loading `streamId` reads, to be read together with other aggregates' streams (`loadAggregates`). */
  loadRequest(streamId: string, options: LoadRequestOptions = {}): AggregateLoadRequest<S> {
    return {
      streamId,
      stateSchema: this.options.snapshot?.schema ?? null,
      cached: () => (options.fromCache ? this.kept?.get(streamId) : undefined),
      complete: (read, keep) => {
        const { aggregate } = this.fromRead(read);
        if (keep) this.keep(streamId, aggregate);
        return aggregate;
      },
    };
  }

  /** Keeps a state for cached loads; never replaces a newer one (commands in flight finish in any order). */
  private keep(streamId: string, aggregate: LoadedAggregate<S>): void {
    if (this.kept === undefined || aggregate.version === 0) return;
    const current = this.kept.get(streamId);
    if (current === undefined || current.version <= aggregate.version) this.kept.set(streamId, aggregate);
  }

  private async loadWithSnapshotVersion(
    streamId: string,
    options: InTransaction,
  ): Promise<{ aggregate: LoadedAggregate<S>; snapshotVersion: number }> {
    const snapshotOptions = this.options.snapshot;
    const read = snapshotOptions
      ? await this.store.readStreamAfterSnapshot(streamId, snapshotOptions.schema, options)
      : { snapshot: undefined, events: await this.store.readStream(streamId, 1, options) };
    const loaded = this.fromRead(read);
    if (!options.transaction) this.keep(streamId, loaded.aggregate);
    return loaded;
  }

  /** The state of a stream as read: the snapshot (when of this store's schema) and every later event. */
  private fromRead(read: StreamRead): { aggregate: LoadedAggregate<S>; snapshotVersion: number } {
    const snapshotOptions = this.options.snapshot;
    let state = this.decider.initialState;
    let version = 0;
    if (snapshotOptions && read.snapshot) {
      state = snapshotOptions.fromJson ? snapshotOptions.fromJson(read.snapshot.state) : (read.snapshot.state as S);
      version = read.snapshot.streamVersion;
    }
    const snapshotVersion = version;
    for (const event of read.events) {
      // The decider sees exactly what was appended: `{ type, data }` (upcasted to the current shape).
      state = this.decider.evolve(state, { type: event.type, data: event.data } as unknown as E);
      version = event.streamVersion;
    }
    return { aggregate: { state, version }, snapshotVersion };
  }

  /**
   * Writes a snapshot when `every` events have piled up beyond the last one. Never fails the command:
   * an error is logged. Inside a caller's transaction it is skipped (a failed statement would abort
   * the caller's transaction); the next command outside one catches up.
   */
  private async maybeSnapshot(streamId: string, state: S, version: number, snapshotVersion: number, options: InTransaction): Promise<void> {
    const snapshotOptions = this.options.snapshot;
    if (!snapshotOptions || options.transaction) return;
    if (version - snapshotVersion < (snapshotOptions.every ?? 100)) return;
    try {
      const json = snapshotOptions.toJson ? snapshotOptions.toJson(state) : (state as unknown as JsonValue);
      await this.snapshots.save({ streamId, streamVersion: version, stateSchema: snapshotOptions.schema, state: json });
    } catch (error) {
      this.logger.warn(`snapshot of "${streamId}" at version ${version} not written: ${describeError(error)}`, {
        streamId,
        version,
        error,
      });
    }
  }
}

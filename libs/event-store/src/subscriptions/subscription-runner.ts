import { randomUUID } from 'node:crypto';
import { Mutex } from 'async-mutex';
import type { DataSource, EntityManager } from 'typeorm';
import { SubscriptionTimeoutError } from './errors';
import type { EventStore } from './event-store';
import { consoleEventStoreLogger, describeError, type EventStoreLogger } from './event-store.logger';
import { LOG_START, type LogCheckpoint, type RecordedEvent } from './event-store.types';
import { asStoreError, assertInitialized } from './sql-executor';
import {
  commitGatedBatch,
  ensureCheckpointRow,
  type GatedWrite,
  handledAmong,
  loadCheckpoint,
  lockSubscription,
  readSubscriptionBatch,
  saveCheckpoint,
  saveCheckpointAndNotify,
  tryLockSubscription,
} from './subscription-checkpoints';
import { batchNotice } from './subscription-notifications';

/**
 * A consumer of the global log (a projection, a process manager). `handle` gets each batch with the
 * batch's transaction: do ALL database work through `tx` — the checkpoint commits with it, and on the
 * embedded database any other connection would wait for this one (one session).
 */
export interface SubscriptionHandler {
  /** Stable id of the subscription: its checkpoint and lock are keyed by it. */
  readonly name: string;
  /**
   * Optional: an SQL condition on the events row `e` (say, on `e.stream_id` and `e.type`) that holds
   * for the events this subscription needs. The others are read as positions alone, never handed
   * to `handle`, and still move the checkpoint (a batch of none of them commits the checkpoint alone).
   * Code, never input: it goes into the statement's text.
   */
  readonly relevant?: string;
  handle(events: RecordedEvent[], tx: EntityManager): Promise<void>;
}

/**
 * A consumer whose whole effect on a batch is a set of writes (a projection): `plan` reads what it
 * needs through `dataSource` — outside any transaction — and returns its writes, each carrying `GATE`.
 * The runner issues them together with the checkpoint's move in ONE statement, gated on the
 * checkpoint being where the batch was read from and the subscription's lock being free: a batch
 * costs three round trips (read, plan's reads, commit) and holds no transaction open. `plan` may
 * run for a batch that another runner then commits first: it must not write anything itself.
 */
export interface GatedSubscriptionHandler {
  readonly name: string;
  /** As SubscriptionHandler.relevant. */
  readonly relevant?: string;
  plan(events: RecordedEvent[], dataSource: DataSource): Promise<GatedWrite[]>;
}

function isGated(handler: SubscriptionHandler | GatedSubscriptionHandler): handler is GatedSubscriptionHandler {
  return typeof (handler as Partial<GatedSubscriptionHandler>).plan === 'function';
}

export interface SubscriptionRunnerOptions {
  /** Events per batch (and per transaction). Default 100. */
  readonly batchSize?: number;
  /** Polling interval when idle. Default 100 ms. */
  readonly pollIntervalMs?: number;
  /** Ceiling of the back-off after a failing batch. Default 5 s. */
  readonly maxBackoffMs?: number;
  readonly logger?: EventStoreLogger;
  /**
   * PostgreSQL channel on which each committed batch announces the positions it handled, so that
   * waiters in other processes (SubscriptionNotifications) learn of it at once instead of polling.
   */
  readonly notifyChannel?: string;
  /**
   * How long a runner with no waiters of its own stands by after hearing (via SubscriptionNotifications)
   * that a runner of another process committed a batch of its subscription. Two runners racing for
   * every batch mostly plan batches that the other then commits first (a gated batch writes nothing);
   * the one whose process is waiting for the read side (an API answering its writes) runs, the other
   * stands by and takes over once it hears nothing for this long. Default 1 s; 0 never stands by.
   */
  readonly standbyMs?: number;
}

export type BatchOutcome =
  | { readonly kind: 'handled'; readonly count: number; readonly checkpoint: LogCheckpoint }
  /** Nothing to hand over; `pending` when committed events wait for an older transaction to finish. */
  | { readonly kind: 'idle'; readonly pending: boolean }
  /** Another runner (usually another process) holds the subscription's lock right now. */
  | { readonly kind: 'busy' };

/** Internal: a handled batch with the positions it handled (callers see a BatchOutcome). */
interface HandledBatch {
  readonly kind: 'handled';
  readonly count: number;
  readonly checkpoint: LogCheckpoint;
  readonly positions: string[];
}

/**
 * How often the waiters of a process ask the checkpoint table (one query for all of them) when no
 * local batch has answered them — their events went to a runner of another process.
 */
const WAITER_POLL_MS = 20;

/** How many handled positions a runner keeps in memory for waiters. */
const RECENT_POSITIONS = 10_000;

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one subscription with a durable checkpoint, one batch at a time, one runner per subscription
 * at a time across processes (`pg_try_advisory_xact_lock`, never held between batches: PGlite has
 * one session). A SubscriptionHandler's batch is one transaction: lock → read the checkpoint and the
 * next events after it below the snapshot's xmin (one statement) → handler → save the checkpoint →
 * COMMIT. A GatedSubscriptionHandler's batch holds no transaction open: read → plan → one statement
 * that takes the lock, moves the checkpoint if it is still where the batch was read from, and runs
 * the planned writes only then. A failing batch writes nothing, is logged, backed off and retried; no
 * event is ever skipped.
 */
export class SubscriptionRunner {
  readonly name: string;
  /** This runner among the runners of its subscription in every process (announced with its batches). */
  readonly id = randomUUID();
  private readonly standbyMs: number;
  /** Until when a peer's batches keep this runner standing by (see SubscriptionRunnerOptions.standbyMs). */
  private peerActiveUntil = 0;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly logger: EventStoreLogger;
  private readonly notifyChannel: string | undefined;
  /** One batch at a time within this process (loop, catchUp and reset share the runner). */
  private readonly batchMutex = new Mutex();
  private running = false;
  private loop: Promise<void> | undefined;
  private nudged = false;
  private wake: (() => void) | undefined;
  private readonly batchListeners = new Set<() => void>();
  /** Global positions this runner handled lately: a waiter finds its event here without a query. */
  private readonly recentlyHandled = new Set<string>();
  /** The same positions in the order handled, a ring of RECENT_POSITIONS: the oldest leaves the set as a new one comes. */
  private readonly recentOrder: Array<string | undefined> = new Array<string | undefined>(RECENT_POSITIONS);
  private recentNext = 0;
  /** Waiters by the global position they wait for; resolved by a local batch or by the shared poll. */
  private readonly waiters = new Map<string, Set<() => void>>();
  /** Whether the shared poll loop runs; set and cleared synchronously with its checks (see pollForWaiters). */
  private pollingForWaiters = false;

  constructor(
    private readonly store: EventStore,
    private readonly handler: SubscriptionHandler | GatedSubscriptionHandler,
    options: SubscriptionRunnerOptions = {},
  ) {
    if (typeof handler.name !== 'string' || handler.name.trim() === '')
      throw new TypeError('A subscription handler needs a non-empty name');
    this.name = handler.name;
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 5000;
    this.logger = options.logger ?? consoleEventStoreLogger;
    this.notifyChannel = options.notifyChannel;
    this.standbyMs = options.standbyMs ?? 1000;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Starts the polling loop (no-op when running). */
  start(): void {
    if (this.loop) return;
    this.running = true;
    this.loop = this.runLoop().finally(() => {
      this.loop = undefined;
    });
  }

  /** Stops the loop; resolves once the batch in flight (if any) has committed or rolled back. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Wakes the loop now instead of at the next poll (call it after your own appends). */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Handles batches until nothing committed is left after the checkpoint. Handler errors are thrown. */
  async catchUp(options: { timeoutMs?: number } = {}): Promise<number> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const deadline = Date.now() + timeoutMs;
    let handled = 0;
    for (;;) {
      const outcome = await this.runBatch();
      if (outcome.kind === 'handled') handled += outcome.count;
      else if (outcome.kind === 'idle' && !outcome.pending) return handled;
      else if (Date.now() >= deadline) throw new SubscriptionTimeoutError(this.name, timeoutMs);
      else await delay(10);
    }
  }

  /** The durable checkpoint (as committed, whichever process committed it). */
  async position(): Promise<LogCheckpoint> {
    assertInitialized(this.store.dataSource, 'position');
    try {
      return await loadCheckpoint(this.store.dataSource, this.name);
    } catch (error) {
      throw asStoreError('position', error);
    }
  }

  /**
   * Waits until the event at `globalPosition` has been handled (by this runner or one in another
   * process). Resolves false on timeout.
   */
  async waitUntilPast(globalPosition: string | number | bigint, timeoutMs = 5000): Promise<boolean> {
    const position = String(globalPosition);
    // Handled by this runner lately: known without a query. A runner that is not running here asks
    // the checkpoint table first (another process handles the batches).
    if (this.recentlyHandled.has(position)) return true;
    if (!this.running && (await this.handled([position])).has(position)) return true;
    this.nudge();
    return new Promise<boolean>((resolve) => {
      const waiters = this.waiters.get(position) ?? new Set<() => void>();
      this.waiters.set(position, waiters);
      const timer = setTimeout(
        () => {
          waiters.delete(onHandled);
          if (waiters.size === 0 && this.waiters.get(position) === waiters) this.waiters.delete(position);
          resolve(false);
        },
        Math.max(0, timeoutMs),
      );
      const onHandled = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      waiters.add(onHandled);
      if (!this.pollingForWaiters) void this.pollForWaiters();
    });
  }

  /**
   * A runner of another process committed a batch of this subscription (a notification): its
   * positions resolve the waiters at once; without them (too many for one notice) the waiters ask
   * the checkpoint table now instead of at the next poll.
   */
  handledElsewhere(positions: readonly string[] | undefined, runner?: string): void {
    if (runner !== undefined && runner !== this.id && this.standbyMs > 0) this.peerActiveUntil = Date.now() + this.standbyMs;
    if (positions !== undefined) {
      this.remember(positions);
      return;
    }
    void this.answerWaitersFromCheckpoint();
  }

  /** Moves the checkpoint back to the start of the log (for rebuilding a projection). */
  async reset(): Promise<void> {
    await this.batchMutex.runExclusive(async () => {
      assertInitialized(this.store.dataSource, 'reset');
      try {
        await this.store.dataSource.transaction(async (tx) => {
          await lockSubscription(tx, this.name);
          await saveCheckpoint(tx, this.name, LOG_START);
        });
        this.recentlyHandled.clear();
        this.recentOrder.fill(undefined);
      } catch (error) {
        throw asStoreError('reset', error);
      }
    });
  }

  /** One batch (see the class and GatedSubscriptionHandler). Public for tests and tools; the loop and catchUp use it. */
  async runBatch(): Promise<BatchOutcome> {
    const outcome = await this.batchMutex.runExclusive(async (): Promise<Exclude<BatchOutcome, { kind: 'handled' }> | HandledBatch> => {
      assertInitialized(this.store.dataSource, 'subscription batch');
      try {
        const handler = this.handler;
        return isGated(handler) ? await this.runGatedBatch(handler) : await this.runTransactionalBatch(handler);
      } catch (error) {
        throw asStoreError('subscription batch', error);
      }
    });
    if (outcome.kind !== 'handled') return outcome;
    this.remember(outcome.positions);
    for (const listener of [...this.batchListeners]) listener();
    return { kind: 'handled', count: outcome.count, checkpoint: outcome.checkpoint };
  }

  /** lock → read checkpoint and events → handler → save the checkpoint, in one transaction. */
  private runTransactionalBatch(handler: SubscriptionHandler): Promise<Exclude<BatchOutcome, { kind: 'handled' }> | HandledBatch> {
    return this.store.dataSource.transaction(async (tx): Promise<Exclude<BatchOutcome, { kind: 'handled' }> | HandledBatch> => {
      if (!(await tryLockSubscription(tx, this.name))) return { kind: 'busy' };
      // After the lock, in a statement of its own: its snapshot sees the last holder's checkpoint.
      const { events, end, positions, pending } = await readSubscriptionBatch(
        tx,
        this.name,
        this.batchSize,
        this.store.upcasters,
        handler.relevant,
      );
      if (end === undefined) return { kind: 'idle', pending };
      if (events.length > 0) await handler.handle(events, tx);
      if (this.notifyChannel === undefined) await saveCheckpoint(tx, this.name, end);
      else await saveCheckpointAndNotify(tx, this.name, end, this.notifyChannel, batchNotice(this.name, this.id, positions));
      return { kind: 'handled', count: positions.length, checkpoint: end, positions };
    });
  }

  /** read checkpoint and events → plan → one gated statement; `busy` when another runner got there first. */
  private async runGatedBatch(handler: GatedSubscriptionHandler): Promise<Exclude<BatchOutcome, { kind: 'handled' }> | HandledBatch> {
    const dataSource = this.store.dataSource;
    let read = await readSubscriptionBatch(dataSource, this.name, this.batchSize, this.store.upcasters, handler.relevant);
    if (read.checkpoint.transactionId === LOG_START.transactionId && read.checkpoint.globalPosition === LOG_START.globalPosition) {
      await ensureCheckpointRow(dataSource, this.name);
      read = await readSubscriptionBatch(dataSource, this.name, this.batchSize, this.store.upcasters, handler.relevant);
    }
    const { end, positions } = read;
    if (end === undefined) return { kind: 'idle', pending: read.pending };
    const writes = read.events.length > 0 ? await handler.plan(read.events, dataSource) : [];
    const notice =
      this.notifyChannel === undefined ? undefined : { channel: this.notifyChannel, payload: batchNotice(this.name, this.id, positions) };
    if (!(await commitGatedBatch(dataSource, this.name, read.checkpoint, end, writes, notice))) return { kind: 'busy' };
    return { kind: 'handled', count: positions.length, checkpoint: end, positions };
  }

  private async runLoop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const standby = this.peerActiveUntil - Date.now();
      if (standby > 0 && this.waiters.size === 0) {
        // A peer commits the batches and nobody here waits for them: run none that would race it.
        await this.pause(standby, true);
        continue;
      }
      try {
        const outcome = await this.runBatch();
        failures = 0;
        // A full batch may have more behind it; anything less drained the log (an idle transaction
        // right after would cost a round of queries per write): wait for a nudge or the next poll.
        if (outcome.kind !== 'handled' || outcome.count < this.batchSize) await this.pause(this.pollIntervalMs, true);
      } catch (error) {
        failures += 1;
        const backoff = Math.min(this.maxBackoffMs, this.pollIntervalMs * 2 ** Math.min(failures - 1, 20));
        this.logger.error(
          `subscription "${this.name}" batch failed (attempt ${failures}), retrying in ${backoff} ms: ${describeError(error)}`,
          { subscription: this.name, error },
        );
        await this.pause(backoff, false);
      }
    }
  }

  /** Sleeps `ms`, cut short by stop() and — when `wakeOnNudge` — by nudge(). */
  private pause(ms: number, wakeOnNudge: boolean): Promise<void> {
    if (!this.running) return Promise.resolve();
    if (wakeOnNudge && this.nudged) {
      this.nudged = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = () => {
        if (!this.running || (wakeOnNudge && this.nudged)) {
          this.nudged = false;
          done();
        }
      };
    });
  }

  private async handled(globalPositions: readonly string[]): Promise<Set<string>> {
    assertInitialized(this.store.dataSource, 'waitUntilPast');
    try {
      return await handledAmong(this.store.dataSource, this.name, globalPositions);
    } catch (error) {
      throw asStoreError('waitUntilPast', error);
    }
  }

  /**
   * While anyone waits: after each poll period without a local batch, nudges the runner (its events
   * may have committed after the batch in flight began) and asks the checkpoint table once for every
   * waiter's position. A failing query is logged; the waiters keep waiting until their timeouts.
   */
  private async pollForWaiters(): Promise<void> {
    // The flag is cleared in the same tick as the loop's last check of `waiters`: a waiter that
    // registers afterwards starts a new loop, never one that has just ended.
    this.pollingForWaiters = true;
    try {
      while (this.waiters.size > 0) {
        const woke = await this.nextBatchOr(Math.min(this.pollIntervalMs, WAITER_POLL_MS));
        if (woke === 'batch' || this.waiters.size === 0) continue;
        this.nudge();
        await this.answerWaitersFromCheckpoint();
      }
    } finally {
      this.pollingForWaiters = false;
    }
  }

  /** One checkpoint query for every waiter; never throws (a failure is logged, the waiters keep waiting). */
  private async answerWaitersFromCheckpoint(): Promise<void> {
    if (this.waiters.size === 0) return;
    try {
      this.resolveWaiters(await this.handled([...this.waiters.keys()]));
    } catch (error) {
      this.logger.error(`subscription "${this.name}": could not ask the checkpoint for waiters: ${describeError(error)}`, {
        subscription: this.name,
        error,
      });
    }
  }

  private resolveWaiters(positions: Iterable<string>): void {
    if (this.waiters.size === 0) return;
    for (const position of positions) {
      const waiters = this.waiters.get(position);
      if (waiters === undefined) continue;
      this.waiters.delete(position);
      for (const onHandled of waiters) onHandled();
    }
  }

  /** Resolves after this runner's next handled batch, or after `ms`: says which came first. */
  private nextBatchOr(ms: number): Promise<'batch' | 'timer'> {
    return new Promise((resolve) => {
      const done = (woke: 'batch' | 'timer'): void => {
        clearTimeout(timer);
        this.batchListeners.delete(onBatch);
        resolve(woke);
      };
      const onBatch = (): void => done('batch');
      const timer = setTimeout(() => done('timer'), ms);
      this.batchListeners.add(onBatch);
    });
  }

  private remember(positions: readonly string[]): void {
    for (const position of positions) {
      const oldest = this.recentOrder[this.recentNext];
      if (oldest !== undefined) this.recentlyHandled.delete(oldest);
      this.recentOrder[this.recentNext] = position;
      this.recentNext = (this.recentNext + 1) % RECENT_POSITIONS;
      this.recentlyHandled.add(position);
    }
    this.resolveWaiters(positions);
  }
}

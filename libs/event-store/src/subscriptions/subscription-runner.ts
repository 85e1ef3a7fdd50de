import { randomUUID } from 'node:crypto';
import { Mutex } from 'async-mutex';
import { SubscriptionTimeoutError } from '../errors';
import type { EventStore } from '../event-store';
import { consoleEventStoreLogger, describeError, type EventStoreLogger } from '../event-store.logger';
import { LOG_START, type LogCheckpoint } from '../event-store.types';
import { asStoreError, assertInitialized } from '../sql-executor';
import type { BatchContext, BatchOutcome, BatchResult } from './batch-outcome';
import { handledAmong, loadCheckpoint, saveCheckpoint } from './checkpoints';
import { type GatedSubscriptionHandler, isGated, runGatedBatch } from './gated-batch';
import { ReadYourWritesWaiters } from './read-your-writes';
import { lockSubscription } from './subscription-lock';
import { runTransactionalBatch, type SubscriptionHandler } from './transactional-batch';

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

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one subscription with a durable checkpoint, one batch at a time, one runner per subscription
 * at a time across processes (`pg_try_advisory_xact_lock`, never held between batches: PGlite has
 * one session). A SubscriptionHandler's batch is one transaction (transactional-batch.ts); a
 * GatedSubscriptionHandler's batch holds no transaction open (gated-batch.ts). The loop polls, wakes
 * on a nudge, stands by while a peer keeps up; a failing batch writes nothing, is logged, backed off
 * and retried; no event is ever skipped. Callers wait for their events through read-your-writes.ts.
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
  private readonly batch: BatchContext;
  /** One batch at a time within this process (loop, catchUp and reset share the runner). */
  private readonly batchMutex = new Mutex();
  private running = false;
  private loop: Promise<void> | undefined;
  private nudged = false;
  private wake: (() => void) | undefined;
  private readonly waiters: ReadYourWritesWaiters;

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
    this.standbyMs = options.standbyMs ?? 1000;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) throw new RangeError('batchSize must be a positive integer');
    this.batch = { store, name: this.name, runnerId: this.id, batchSize: this.batchSize, notifyChannel: options.notifyChannel };
    this.waiters = new ReadYourWritesWaiters({
      name: this.name,
      pollIntervalMs: this.pollIntervalMs,
      logger: this.logger,
      handled: (positions) => this.handled(positions),
      nudge: () => this.nudge(),
    });
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
    if (this.waiters.knows(position)) return true;
    if (!this.running && (await this.handled([position])).has(position)) return true;
    this.nudge();
    return this.waiters.wait(position, timeoutMs);
  }

  /**
   * A runner of another process committed a batch of this subscription (a notification): its
   * positions resolve the waiters at once; without them (too many for one notice) the waiters ask
   * the checkpoint table now instead of at the next poll.
   */
  handledElsewhere(positions: readonly string[] | undefined, runner?: string): void {
    if (runner !== undefined && runner !== this.id && this.standbyMs > 0) this.peerActiveUntil = Date.now() + this.standbyMs;
    if (positions !== undefined) {
      this.waiters.handledElsewhere(positions);
      return;
    }
    void this.waiters.answerFromCheckpoint();
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
        this.waiters.forget();
      } catch (error) {
        throw asStoreError('reset', error);
      }
    });
  }

  /** One batch (see the class and GatedSubscriptionHandler). Public for tests and tools; the loop and catchUp use it. */
  async runBatch(): Promise<BatchOutcome> {
    const outcome = await this.batchMutex.runExclusive(async (): Promise<BatchResult> => {
      assertInitialized(this.store.dataSource, 'subscription batch');
      try {
        const handler = this.handler;
        return isGated(handler) ? await runGatedBatch(this.batch, handler) : await runTransactionalBatch(this.batch, handler);
      } catch (error) {
        throw asStoreError('subscription batch', error);
      }
    });
    if (outcome.kind !== 'handled') return outcome;
    this.waiters.handledHere(outcome.positions);
    return { kind: 'handled', count: outcome.count, checkpoint: outcome.checkpoint };
  }

  private async runLoop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const standby = this.peerActiveUntil - Date.now();
      if (standby > 0 && !this.waiters.waiting) {
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
}

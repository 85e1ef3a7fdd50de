import { describeError, type EventStoreLogger } from '../event-store.logger';

/**
 * How often the waiters of a process ask the checkpoint table (one query for all of them) when no
 * local batch has answered them — their events went to a runner of another process.
 */
const WAITER_POLL_MS = 20;

/** How many handled positions a runner keeps in memory for waiters. */
const RECENT_POSITIONS = 10_000;

/** What the waiters need of their runner. */
export interface WaiterSource {
  /** The subscription, for the log. */
  readonly name: string;
  readonly pollIntervalMs: number;
  readonly logger: EventStoreLogger;
  /** Which of these positions the subscription's checkpoint has passed (one query). */
  handled(globalPositions: readonly string[]): Promise<Set<string>>;
  /** Wakes the runner's loop: the awaited events may have committed after its batch in flight began. */
  nudge(): void;
}

/**
 * Read-your-writes for one subscription runner: callers wait until the event at a global position
 * has been handled — by this runner's batches (resolved at once, from the positions each batch
 * handled, kept in a ring of the latest RECENT_POSITIONS), by another process's runner (its notice
 * carries the positions), or, failing both, by one checkpoint query per poll period for every waiter
 * of the process.
 */
export class ReadYourWritesWaiters {
  /** Global positions handled lately: a waiter finds its event here without a query. */
  private readonly recentlyHandled = new Set<string>();
  /** The same positions in the order handled, a ring of RECENT_POSITIONS: the oldest leaves the set as a new one comes. */
  private readonly recentOrder: Array<string | undefined> = new Array<string | undefined>(RECENT_POSITIONS);
  private recentNext = 0;
  /** Waiters by the global position they wait for; resolved by a local batch or by the shared poll. */
  private readonly waiters = new Map<string, Set<() => void>>();
  /** Whether the shared poll loop runs; set and cleared synchronously with its checks (see pollForWaiters). */
  private pollingForWaiters = false;
  private readonly batchListeners = new Set<() => void>();

  constructor(private readonly source: WaiterSource) {}

  /** Whether anyone in this process waits. */
  get waiting(): boolean {
    return this.waiters.size > 0;
  }

  /** Whether the position was handled lately (known without a query). */
  knows(position: string): boolean {
    return this.recentlyHandled.has(position);
  }

  /** Resolves true once the position is handled, false after `timeoutMs`. */
  wait(position: string, timeoutMs: number): Promise<boolean> {
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

  /** This runner committed a batch: its positions resolve their waiters, and the poll starts its period again. */
  handledHere(positions: readonly string[]): void {
    this.remember(positions);
    for (const listener of [...this.batchListeners]) listener();
  }

  /** A runner of another process committed a batch of these positions. */
  handledElsewhere(positions: readonly string[]): void {
    this.remember(positions);
  }

  /** The checkpoint moved back (a reset): what was handled will be handled again. */
  forget(): void {
    this.recentlyHandled.clear();
    this.recentOrder.fill(undefined);
  }

  /** One checkpoint query for every waiter; never throws (a failure is logged, the waiters keep waiting). */
  async answerFromCheckpoint(): Promise<void> {
    if (this.waiters.size === 0) return;
    try {
      this.resolveWaiters(await this.source.handled([...this.waiters.keys()]));
    } catch (error) {
      this.source.logger.error(`subscription "${this.source.name}": could not ask the checkpoint for waiters: ${describeError(error)}`, {
        subscription: this.source.name,
        error,
      });
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
        const woke = await this.nextBatchOr(Math.min(this.source.pollIntervalMs, WAITER_POLL_MS));
        if (woke === 'batch' || this.waiters.size === 0) continue;
        this.source.nudge();
        await this.answerFromCheckpoint();
      }
    } finally {
      this.pollingForWaiters = false;
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

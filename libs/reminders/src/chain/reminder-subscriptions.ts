import type { SubscriptionRunner } from '@fangquan/event-store';
import { lockSubscription } from '@fangquan/event-store';
import type { EntityManager } from 'typeorm';

/**
 * The process managers' subscriptions of this process, one per partition of the chains (see
 * chain-partitions), started, stopped and caught up together.
 */
export class ReminderSubscriptions {
  constructor(readonly runners: readonly SubscriptionRunner[]) {}

  start(): void {
    for (const runner of this.runners) runner.start();
  }

  /** Resolves once every partition's batch in flight has committed or rolled back. */
  async stop(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  /** Every partition up to the log; rejects when one of them does not get there in time. */
  async catchUp(options: { timeoutMs?: number } = {}): Promise<number> {
    const handled = await Promise.all(this.runners.map((runner) => runner.catchUp(options)));
    return handled.reduce((sum, count) => sum + count, 0);
  }

  /**
   * Takes every partition's lock, in partition order, until `tx` ends: no batch of any process manager,
   * in any process, interleaves with the caller (a readiness sweep's page). A batch holds only its
   * own partition's lock and chains, so taking them in order cannot deadlock with it.
   */
  async lockAll(tx: EntityManager): Promise<void> {
    for (const runner of this.runners) await lockSubscription(tx, runner.name);
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@fangquan/platform';
import { ReminderQueues } from '../queues/reminder-queues';
import { throttledErrorLog } from '../queues/redis-error-log';
import { followUpOf } from './chain-record';
import { anyFollowUpDueBy, clearFollowUps, lockDueFollowUps } from './chain-rows';

/** How long before its due time a follow-up goes into the queue (as a delayed job). */
export const FOLLOW_UP_LEAD_MS = 60_000;
/** How often the relay looks for follow-ups coming due. */
const FOLLOW_UP_RELAY_INTERVAL_MS = 1_000;
const PAGE = 500;

/**
 * Queues the follow-ups that process managers' batches leave on the chains (ChainRecord.followUpDueAt):
 * every second, each chain whose follow-up is due within FOLLOW_UP_LEAD_MS gets its job — the chain's
 * pending step, with a deterministic id, delayed until the due time — and the chain is cleared, in
 * one transaction that holds the chain rows. A relay that fails (Redis away) leaves them all as they
 * were and tries again a second later; one that dies after queuing queues the same job ids again,
 * which BullMQ keeps once. So the batch that delivers a first reminder writes its follow-up with it
 * and asks nothing of Redis, and the follow-up — days away — costs the queue nothing until its day.
 * A chain whose gaps change or close drops its follow-up (a new revision: see withChainState); the
 * one the relay queued already is removed like any pending job.
 */
@Injectable()
export class FollowUpRelay {
  private readonly logger = new Logger('FollowUpRelay');
  private readonly failure = throttledErrorLog(this.logger, 'follow-up relay');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: ReminderQueues,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  /** Resolves once the round in flight (if any) has committed or rolled back. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Queues every follow-up due within the lead, page by page; answers how many chains it took. */
  async relayDue(): Promise<number> {
    let relayed = 0;
    for (;;) {
      // Most rounds find nothing: one indexed probe then, instead of a transaction every second.
      if (!(await anyFollowUpDueBy(this.dataSource, this.dueBy(this.clock.now())))) return relayed;
      const taken = await this.dataSource.transaction(async (tx) => {
        const now = this.clock.now();
        const chains = await lockDueFollowUps(tx, this.dueBy(now), PAGE);
        await this.queues.addReminders(chains.flatMap((chain) => followUpOf(chain, now) ?? []));
        await clearFollowUps(
          tx,
          chains.map((chain) => chain.handoverId),
        );
        return chains.length;
      });
      relayed += taken;
      if (taken < PAGE) return relayed;
    }
  }

  /** Follow-ups due by then go into the queue now. */
  private dueBy(now: Date): string {
    return new Date(now.getTime() + FOLLOW_UP_LEAD_MS).toISOString();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.relayDue()
        .catch((error: unknown) => this.failure(error instanceof Error ? error : new Error(String(error))))
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, FOLLOW_UP_RELAY_INTERVAL_MS);
  }
}

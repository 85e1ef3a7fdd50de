import { Injectable } from '@nestjs/common';
import { type DeliveryResult, type GapDelivery, ReminderDeliveryService } from './reminder-delivery.service';

interface Waiting extends GapDelivery {
  resolve(result: DeliveryResult): void;
  reject(error: unknown): void;
}

/** Gap steps waiting together at most this long, and at most this many in one transaction. */
const WAIT_MS = 5;
const MAX_BATCH = 256;

/**
 * Gathers the gap steps that the worker runs at the same moment (its concurrency) into one delivery
 * transaction: under a burst of gaps the database sees a few statements per batch instead of a few
 * per reminder. The jobs and steps that follow are queued for the whole batch at once (the
 * outcomes handed back have nothing left to queue). Each job still waits for its own outcome, so
 * retries, failures and BullMQ's bookkeeping stay per job.
 */
@Injectable()
export class GapDeliveryBatcher {
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly delivery: ReminderDeliveryService) {}

  submit(item: GapDelivery): Promise<DeliveryResult> {
    return new Promise<DeliveryResult>((resolve, reject) => {
      this.waiting.push({ ...item, resolve, reject });
      if (this.waiting.length >= MAX_BATCH) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), WAIT_MS);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    void this.settle(batch);
  }

  /** Delivers the batch, queues what follows for all of it at once, then answers each job. */
  private async settle(batch: Waiting[]): Promise<void> {
    let outcomes: PromiseSettledResult<DeliveryResult>[];
    try {
      outcomes = await this.delivery.deliverGaps(batch);
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    const delivered = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    try {
      await this.delivery.followUp(
        { outside: delivered.flatMap((result) => result.outside) },
        delivered.flatMap((result) => (result.next === undefined ? [] : [result.next])),
      );
    } catch (error) {
      // The jobs fail and run again: their reminders are written, so they only queue what follows.
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, index) => {
      const outcome = outcomes[index];
      if (outcome?.status === 'fulfilled')
        item.resolve({
          status: outcome.value.status,
          ...(outcome.value.reason === undefined ? {} : { reason: outcome.value.reason }),
          outside: [],
        });
      else item.reject(outcome?.reason ?? new Error('no outcome for this delivery'));
    });
  }
}

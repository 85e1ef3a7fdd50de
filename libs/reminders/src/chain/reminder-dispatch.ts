import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ReminderDeliveryService } from '../delivery/reminder-delivery.service';
import { ReminderQueues } from '../queues/reminder-queues';
import type { ChainChanges } from './chain-reassessment';

/**
 * What follows from reassessed chains, once they are saved in the caller's transaction (a process
 * manager's batch, a readiness sweep's page): the gap steps due at once are delivered in that
 * transaction while, at the same time, the pending jobs of old gaps are removed and the other jobs and
 * the next steps are queued; a step that could not be delivered there is queued after.
 */
@Injectable()
export class ReminderDispatch {
  constructor(
    private readonly queues: ReminderQueues,
    private readonly delivery: ReminderDeliveryService,
  ) {}

  /**
   * Both sides are awaited before any error is thrown, so the caller's transaction never ends under a
   * statement still running. Throws (the transaction rolls back, deliveries included) when Redis is away.
   */
  async dispatch(tx: EntityManager, changes: ChainChanges): Promise<void> {
    const plan = this.delivery.planDueNow(changes.add);
    const [delivered, queued] = await Promise.allSettled([
      this.delivery.deliverHere(tx, plan.here, new Map(changes.records.map((record) => [record.handoverId, record]))),
      this.queues.removeReminders(changes.remove).then(() => this.queues.addReminders([...plan.queued, ...plan.next])),
    ]);
    if (delivered.status === 'rejected') throw delivered.reason;
    if (queued.status === 'rejected') throw queued.reason;
    await this.queues.addReminders(delivered.value);
  }
}

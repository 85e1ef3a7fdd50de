import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ReminderDeliveryService } from '../delivery/reminder-delivery.service';
import { ReminderQueues } from '../queues/reminder-queues';
import type { ChainChanges } from './chain-reassessment';
import { saveChains } from './chain-rows';

/**
 * What follows from reassessed chains, in the caller's transaction (a process manager's batch, a
 * readiness sweep's page, which hold the chains): the gap steps due at once are delivered there
 * while, at the same time, the pending jobs of old gaps are removed and the other jobs queued; then
 * the chains are saved, each once — those whose step was delivered moved on to the next step, left
 * for FollowUpRelay; a step that could not be delivered there is queued after. When nothing is to be
 * queued or removed, Redis is not asked at all.
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
  async dispatch(tx: EntityManager, changes: ChainChanges, now: Date): Promise<void> {
    const plan = this.delivery.planDueNow(changes.add);
    const chains = new Map(changes.records.map((record) => [record.handoverId, record]));
    const [delivered, queued] = await Promise.allSettled([
      this.delivery.deliverHere(tx, plan.here, chains),
      this.queues.removeReminders(changes.remove).then(() => this.queues.addReminders(plan.queued)),
    ]);
    if (delivered.status === 'rejected') throw delivered.reason;
    if (queued.status === 'rejected') throw queued.reason;
    const { handedBack, moved } = delivered.value;
    for (const record of moved) chains.set(record.handoverId, record);
    await saveChains(tx, [...chains.values()], now.toISOString());
    await this.queues.addReminders(handedBack);
  }
}

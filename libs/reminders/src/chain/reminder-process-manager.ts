import { Inject, Injectable } from '@nestjs/common';
import { type DomainEvent, handoverIdOf, isHandoverEvent, isPowerItemEvent, isTeamEvent, powerCodeOf, teamIdOf } from '@fangquan/domain';
import type { RecordedEvent, SubscriptionHandler } from '@fangquan/event-store';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock, localDate } from '@fangquan/platform';
import type { EntityManager } from 'typeorm';
import { ReminderDeliveryService } from '../delivery/reminder-delivery.service';
import { ReminderQueues } from '../queues/reminder-queues';
import type { ChainRecord } from './chain-record';
import { ChainReassessment, type ChainChanges } from './chain-reassessment';
import { lockChains, saveChains } from './chain-rows';
import { applyHandoverEvent } from './handover-facts';

/** The subscription's name: its checkpoint row and its advisory lock. */
export const REMINDERS_SUBSCRIPTION = 'reminders';

/**
 * The reminder process manager: a subscription on the log. For each batch it keeps the chains of the
 * handovers the batch touches — the handover's own events, the team's events (every handover of the
 * team), a revision of a power's requirements (every handover of the power) — reassesses their
 * current gaps and queues what follows (a new chain, the chain of changed gaps, the gaps-closed
 * notice) with deterministic job ids, removing pending jobs that no longer apply. A gap step due at
 * once (the first reminder of a chain) is delivered inside the batch (ReminderDeliveryService's
 * planDueNow / deliverHere), and its next step queued. Jobs are queued inside the batch: when Redis is away the
 * batch fails and rolls back — its deliveries with it — and is retried; the checkpoint moves only once
 * the jobs are in Redis. Commands never touch Redis.
 */
@Injectable()
export class ReminderProcessManager implements SubscriptionHandler {
  readonly name = REMINDERS_SUBSCRIPTION;

  constructor(
    private readonly reassessment: ChainReassessment,
    private readonly queues: ReminderQueues,
    private readonly delivery: ReminderDeliveryService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(events: RecordedEvent[], tx: EntityManager): Promise<void> {
    const ids = new Set<string>();
    const teamIds = new Set<string>();
    const powers = new Map<string, { countyId: string; code: string }>();
    for (const event of events) {
      const domainEvent: DomainEvent = { type: event.type, data: event.data };
      if (isHandoverEvent(domainEvent)) {
        const id = handoverIdOf(event.streamId);
        if (id !== undefined && domainEvent.type !== 'ReminderSent') ids.add(id);
      } else if (isTeamEvent(domainEvent)) {
        const teamId = teamIdOf(event.streamId);
        if (teamId !== undefined && domainEvent.type !== 'TeamFormed') teamIds.add(teamId);
      } else if (isPowerItemEvent(domainEvent) && domainEvent.type === 'PowerRequirementsRevised') {
        const countyId = event.metadata.countyId;
        const code = powerCodeOf(event.streamId, countyId);
        if (countyId !== null && code !== undefined) powers.set(JSON.stringify([countyId, code]), { countyId, code });
      }
    }
    if (ids.size === 0 && teamIds.size === 0 && powers.size === 0) return;

    const loaded = await lockChains(tx, { ids: [...ids], teamIds: [...teamIds], powers: [...powers.values()] });
    const original = new Map(loaded.map((record) => [record.handoverId, record]));
    const records = new Map<string, ChainRecord>(original);
    for (const event of events) {
      const domainEvent: DomainEvent = { type: event.type, data: event.data };
      if (!isHandoverEvent(domainEvent) || domainEvent.type === 'ReminderSent') continue;
      const id = handoverIdOf(event.streamId);
      if (id === undefined) continue;
      const next = applyHandoverEvent(records.get(id), domainEvent, event.streamVersion);
      if (next !== undefined) records.set(id, next);
    }

    const now = this.clock.now();
    const changes = await this.reassessment.reassess(tx, [...records.values()], original, localDate(now, this.config.timeZone), now.toISOString());
    await saveChains(tx, changes.records, now.toISOString());
    await this.dispatch(tx, changes);
  }

  /**
   * After the chains are saved in `tx`: delivers the gap steps due at once in `tx` while, at the same
   * time, the pending jobs of old gaps are removed and the other jobs and the next steps are queued;
   * a step that could not be delivered in `tx` is queued after. Both sides are awaited before any
   * error is thrown, so the caller's transaction never ends under a statement still running. Throws
   * (the transaction rolls back, deliveries included) when Redis is away.
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

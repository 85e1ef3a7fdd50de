import {
  type DomainEvent,
  type HandoverEvent,
  handoverIdOf,
  handoverStreamId,
  teamStreamId,
  HANDOVER_RECORD_ONLY_EVENTS,
  isHandoverEvent,
  isRecordOnlyHandoverEvent,
  isPowerItemEvent,
  isTeamEvent,
  powerCodeOf,
  teamIdOf,
} from '@fangquan/domain';
import type { RecordedEvent, SubscriptionHandler } from '@fangquan/event-store';
import { type AppConfig, type Clock, localDate } from '@fangquan/platform';
import type { EntityManager } from 'typeorm';
import type { ChainRecord } from './chain-record';
import type { ChainReassessment } from './chain-reassessment';
import { type ChainPartition, chainPartitionSql, partitionOf, partitionSubscription } from './chain-partitions';
import { lockChains } from './chain-rows';
import { applyHandoverEvent } from './handover-facts';
import { powerKey } from './ledger-aggregates';
import type { ReminderDispatch } from './reminder-dispatch';

/**
 * The events a partition's process manager acts on, as SQL on the log's row `e` (SubscriptionHandler.relevant):
 * its own handovers' events but their reminders and months' cases (HANDOVER_RECORD_ONLY_EVENTS), the teams' events after their forming, and the revisions
 * of powers' requirements. The rest of the log — half of it the reminders themselves under a burst — is
 * read as positions alone.
 */
function eventsOfPartition(partition: ChainPartition): string {
  const handovers = handoverStreamId('');
  const own =
    partition.count === 1
      ? 'true'
      : `${chainPartitionSql(`substr(e.stream_id, ${handovers.length + 1})`, String(partition.count))} = ${partition.index}`;
  const recordOnly = HANDOVER_RECORD_ONLY_EVENTS.map((type) => `'${type}'`).join(', ');
  return `(e.stream_id LIKE '${handovers}%' AND e.type NOT IN (${recordOnly}) AND ${own})
    OR (e.stream_id LIKE '${teamStreamId('')}%' AND e.type <> 'TeamFormed')
    OR e.type = 'PowerRequirementsRevised'`;
}

/**
 * The reminder process manager of one partition of the chains (see chain-partitions): a subscription
 * on the log. For each batch it keeps the chains of its partition's handovers that the batch touches —
 * the handover's own events, the team's events (every handover of the team in the partition), a
 * revision of a power's requirements (every handover of the power in the partition) — reassesses
 * their current gaps and dispatches what follows (ReminderDispatch): a new chain, the chain of changed
 * gaps, the gaps-closed notice, with deterministic job ids, removing pending jobs that no longer
 * apply. A gap step due at once (the first reminder of a chain) is delivered inside the batch, and its
 * next step left on the chain for FollowUpRelay. Other jobs are queued inside the batch: when Redis is
 * away a batch that has any fails and rolls back — its deliveries with it — and is retried; the
 * checkpoint moves only once its jobs are in Redis. Commands never touch Redis.
 */
export class ReminderProcessManager implements SubscriptionHandler {
  readonly name: string;
  readonly relevant: string;

  constructor(
    readonly partition: ChainPartition,
    private readonly reassessment: ChainReassessment,
    private readonly dispatcher: ReminderDispatch,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.name = partitionSubscription(partition);
    this.relevant = eventsOfPartition(partition);
  }

  /** Whether this partition keeps the handover's chain. */
  owns(handoverId: string): boolean {
    return partitionOf(handoverId, this.partition.count) === this.partition.index;
  }

  async handle(events: RecordedEvent[], tx: EntityManager): Promise<void> {
    const teamIds = new Set<string>();
    const powers = new Map<string, { countyId: string; code: string }>();
    const own: { id: string; event: HandoverEvent; version: number }[] = [];
    for (const event of events) {
      const domainEvent: DomainEvent = { type: event.type, data: event.data };
      if (isHandoverEvent(domainEvent)) {
        const id = handoverIdOf(event.streamId);
        if (id === undefined || isRecordOnlyHandoverEvent(domainEvent) || !this.owns(id)) continue;
        own.push({ id, event: domainEvent, version: event.streamVersion });
      } else if (isTeamEvent(domainEvent)) {
        const teamId = teamIdOf(event.streamId);
        if (teamId !== undefined && domainEvent.type !== 'TeamFormed') teamIds.add(teamId);
      } else if (isPowerItemEvent(domainEvent) && domainEvent.type === 'PowerRequirementsRevised') {
        const countyId = event.metadata.countyId;
        const code = powerCodeOf(event.streamId, countyId);
        if (countyId !== null && code !== undefined) powers.set(powerKey(countyId, code), { countyId, code });
      }
    }
    if (own.length === 0 && teamIds.size === 0 && powers.size === 0) return;

    const loaded = await lockChains(tx, {
      ids: [...new Set(own.map((entry) => entry.id))],
      teamIds: [...teamIds],
      powers: [...powers.values()],
      partition: this.partition,
    });
    const original = new Map(loaded.map((record) => [record.handoverId, record]));
    const records = new Map<string, ChainRecord>(original);
    for (const { id, event, version } of own) {
      const next = applyHandoverEvent(records.get(id), event, version);
      if (next !== undefined) records.set(id, next);
    }

    const now = this.clock.now();
    const changes = await this.reassessment.reassess(
      tx,
      [...records.values()],
      original,
      localDate(now, this.config.timeZone),
      now.toISOString(),
    );
    await this.dispatcher.dispatch(tx, changes, now);
  }
}

import type { DataSource } from 'typeorm';
import { EventStore, SubscriptionRunner, type EventStoreLogger } from '@fangquan/event-store';
import type { Clock } from '@fangquan/platform';
import { DUTY_READ_TABLES, WHISTLE_READ_TABLES, HandoverView, PowerItemView, READ_TABLES, TeamView } from '../entities';
import { READ_MODELS_SUBSCRIPTION, ReadModelProjection } from './read-model.projection';
import { lockReadModels } from './read-models.lock';

export interface RebuildOptions {
  /** The application's store (with its upcasters); a plain one on `dataSource` otherwise. */
  readonly eventStore?: EventStore;
  readonly batchSize?: number;
  readonly logger?: EventStoreLogger;
}

export interface RebuildOutcome {
  /** Events handled by this rebuild (a runner of another process may have handled some too). */
  readonly events: number;
  readonly powerItems: number;
  readonly teams: number;
  readonly handovers: number;
}

/**
 * Rebuilds the read tables from the whole log: in one transaction (holding the projection's lock)
 * empties them and moves the `read-models` checkpoint back to the start, then catches up. Runners of
 * other processes may keep running: they see the reset checkpoint and help, never double-apply.
 */
export async function rebuildReadModels(
  dataSource: DataSource,
  clock: Clock,
  timeZone: string,
  options: RebuildOptions = {},
): Promise<RebuildOutcome> {
  await dataSource.transaction(async (tx) => {
    await lockReadModels(tx);
    await tx.query(`TRUNCATE ${[...READ_TABLES, ...DUTY_READ_TABLES, ...WHISTLE_READ_TABLES].join(', ')}`);
    await tx.query(
      `INSERT INTO subscription_checkpoints (subscription_id, transaction_id, global_position, updated_at)
       VALUES ($1, '0'::xid8, 0, now())
       ON CONFLICT (subscription_id) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position, updated_at = now()`,
      [READ_MODELS_SUBSCRIPTION],
    );
  });
  const store = options.eventStore ?? new EventStore(dataSource);
  const projection = new ReadModelProjection(clock, timeZone, options.logger);
  const runner = new SubscriptionRunner(store, projection, {
    batchSize: options.batchSize ?? 500,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const events = await runner.catchUp({ timeoutMs: 10 * 60_000 });
  const [powerItems, teams, handovers] = await Promise.all([
    dataSource.getRepository(PowerItemView).count(),
    dataSource.getRepository(TeamView).count(),
    dataSource.getRepository(HandoverView).count(),
  ]);
  return { events, powerItems, teams, handovers };
}

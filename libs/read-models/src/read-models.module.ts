import { DynamicModule, Logger, Module, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventStore, SUBSCRIPTION_NOTIFY_CHANNEL, SubscriptionRunner } from '@fangquan/event-store';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock } from '@fangquan/platform';
import { readModelEntities } from './entities';
import { nestEventStoreLogger } from './projection/nest-event-store.logger';
import { ReadModelProjection } from './projection/read-model.projection';
import { ReadinessRefresher } from './projection/readiness.refresher';
import { ProjectionsService } from './projections.service';
import { DutyListQueries } from './queries/duty-list.queries';
import { DutyQueries } from './queries/duty.queries';
import { HandoverQueries } from './queries/handover.queries';
import { PowerQueries } from './queries/power.queries';
import { TeamQueries } from './queries/team.queries';
import { WhistleQueries } from './queries/whistle.queries';
import { ReadModelFreshness } from './read-model-freshness.service';
import { ReadModelNotifications } from './read-model-notifications.service';
import { READ_MODELS_RUNNER } from './read-models.tokens';

export interface ReadModelsModuleOptions {
  /**
   * Run the `read-models` projection in this process and hear the batches of other processes' runners:
   * every API process (one batch at a time across them; its writes wait for the read side), not the workers.
   */
  readonly runProjections: boolean;
  /** Idle polling interval of the runner (default 100 ms). */
  readonly pollIntervalMs?: number;
}

/**
 * The read side: the query services, read-your-writes (`ReadModelFreshness`), the readiness sweep
 * and — with `runProjections` — the projection itself and the notices of other processes' batches.
 * Global, imported once at the root next to TypeOrmModule.forRoot, PlatformModule (CLOCK, APP_CONFIG)
 * and EventStoreModule (EventStore).
 */
/** The query services, provided and exported alike. */
const QUERIES = [PowerQueries, TeamQueries, HandoverQueries, DutyQueries, DutyListQueries, WhistleQueries];

@Module({})
export class ReadModelsModule {
  static forRoot(options: ReadModelsModuleOptions): DynamicModule {
    const logger = new Logger('ReadModelsProjection');
    const providers: Provider[] = [
      ...QUERIES,
      ReadModelFreshness,
      {
        provide: ReadModelProjection,
        useFactory: (clock: Clock, config: AppConfig) => new ReadModelProjection(clock, config.timeZone, nestEventStoreLogger(logger)),
        inject: [CLOCK, APP_CONFIG],
      },
      {
        // Also built where projections do not run: ReadModelFreshness waits through it. On PostgreSQL
        // each batch announces what it handled, so that waiters of every process hear of it at once.
        provide: READ_MODELS_RUNNER,
        useFactory: (store: EventStore, projection: ReadModelProjection, config: AppConfig) =>
          new SubscriptionRunner(store, projection, {
            pollIntervalMs: options.pollIntervalMs ?? 100,
            logger: nestEventStoreLogger(logger),
            ...(config.database.kind === 'postgres' ? { notifyChannel: SUBSCRIPTION_NOTIFY_CHANNEL } : {}),
          }),
        inject: [EventStore, ReadModelProjection, APP_CONFIG],
      },
      {
        provide: ReadinessRefresher,
        useFactory: (dataSource: DataSource, clock: Clock, config: AppConfig) => new ReadinessRefresher(dataSource, clock, config.timeZone),
        inject: [DataSource, CLOCK, APP_CONFIG],
      },
      ...(options.runProjections ? [ProjectionsService, ReadModelNotifications] : []),
    ];
    return {
      module: ReadModelsModule,
      global: true,
      imports: [TypeOrmModule.forFeature(readModelEntities)],
      providers,
      exports: [...QUERIES, ReadModelFreshness, ReadinessRefresher, TypeOrmModule],
    };
  }
}

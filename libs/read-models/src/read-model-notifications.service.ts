import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { SubscriptionNotifications, type SubscriptionRunner } from '@fangquan/event-store';
import { APP_CONFIG, type AppConfig } from '@fangquan/platform';
import { nestEventStoreLogger } from './projection/nest-event-store.logger';
import { READ_MODELS_RUNNER } from './read-models.tokens';

/**
 * On PostgreSQL, listens for the `read-models` batches that any process commits, so that a write
 * waiting for the read side (ReadModelFreshness) is answered as soon as another process's runner
 * has projected it. The embedded database runs in one process: nothing to listen for.
 */
@Injectable()
export class ReadModelNotifications implements OnModuleInit, OnApplicationShutdown {
  private readonly notifications: SubscriptionNotifications | undefined;

  constructor(@Inject(READ_MODELS_RUNNER) runner: SubscriptionRunner, @Inject(APP_CONFIG) config: AppConfig) {
    if (config.database.kind !== 'postgres') return;
    this.notifications = new SubscriptionNotifications(config.database.url, nestEventStoreLogger(new Logger(ReadModelNotifications.name)));
    this.notifications.register(runner);
  }

  async onModuleInit(): Promise<void> {
    await this.notifications?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.notifications?.stop();
  }
}

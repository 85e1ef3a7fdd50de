import { DynamicModule, Logger, Module, type Provider } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { EventStore, SubscriptionRunner, type EventStoreLogger } from '@fangquan/event-store';
import { LedgerModule } from '@fangquan/ledger';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock } from '@fangquan/platform';
import { ChainReassessment } from './chain/chain-reassessment';
import { LedgerAggregates } from './chain/ledger-aggregates';
import { ALL_PARTITIONS } from './chain/chain-partitions';
import { FollowUpRelay } from './chain/follow-up-relay';
import { ReminderDispatch } from './chain/reminder-dispatch';
import { ReminderProcessManager } from './chain/reminder-process-manager';
import { RequestReminderProcessManager } from './chain/request-reminder-process-manager';
import { ReminderSubscriptions } from './chain/reminder-subscriptions';
import { EmailChannel } from './channels/email.channel';
import { OutsideDeliveryProcessor } from './channels/outside-delivery.processor';
import { RobotChannel } from './channels/robot.channel';
import { RobotDeliveryWorkers } from './channels/robot-delivery.workers';
import { WebhookChannel } from './channels/webhook.channel';
import { GapDeliveryBatcher } from './delivery/gap-delivery.batcher';
import { ReminderDeliveryService } from './delivery/reminder-delivery.service';
import { ReminderProcessor } from './delivery/reminder.processor';
import { SubjectReminderDelivery } from './delivery/subject-reminder-delivery';
import { HandoverReminderQueries } from './queries/handover-reminders.queries';
import { InboxQueries } from './queries/inbox.queries';
import { REMINDER_QUEUE_NAMES, WORKER_BULL_CONFIG } from './queues/queue-names';
import { RedisConnections } from './queues/redis-connections';
import { ReminderQueues } from './queues/reminder-queues';
import { ReminderRedisModule } from './queues/reminder-redis.module';
import { RemindersLifecycle } from './reminders-lifecycle.service';
import { ReminderSweeps } from './sweeps/reminder-sweeps.service';
import { SweepSchedulers } from './sweeps/sweep-schedulers.service';
import { SweepProcessor } from './sweeps/sweep.processor';

export interface RemindersModuleOptions {
  /** Run the process manager, the delivery workers and the sweeps here (worker processes; the API too in the embedded mode). */
  readonly runWorkers: boolean;
  /** Idle polling interval of the process managers' subscriptions (`reminders`, `reminders.1`; default 100 ms). */
  readonly pollIntervalMs?: number;
}

function eventStoreLogger(logger: Logger): EventStoreLogger {
  return { warn: (message) => logger.warn(message), error: (message) => logger.error(message) };
}

/**
 * Reminders: the inbox and reminder queries and the queues (every process), and — with `runWorkers`
 * — the process managers (one subscription per partition of the chains), the BullMQ workers (deliveries to the inbox,
 * webhook, e-mail and the group robots; sweeps) and the sweeps' job schedulers. Global; imported once at the root next
 * to TypeOrmModule.forRoot, PlatformModule, EventStoreModule and ReadModelsModule.
 */
@Module({})
export class RemindersModule {
  static forRoot(options: RemindersModuleOptions): DynamicModule {
    const always: Provider[] = [ReminderQueues, InboxQueries, HandoverReminderQueries, RemindersLifecycle];
    const logger = new Logger('RemindersProcessManager');
    const workers: Provider[] = [
      LedgerAggregates,
      ChainReassessment,
      ReminderDispatch,
      FollowUpRelay,
      {
        provide: ReminderSubscriptions,
        useFactory: (
          store: EventStore,
          reassessment: ChainReassessment,
          dispatcher: ReminderDispatch,
          queues: ReminderQueues,
          clock: Clock,
          config: AppConfig,
        ) => {
          const runnerOptions = {
            batchSize: 1000,
            pollIntervalMs: options.pollIntervalMs ?? 100,
            maxBackoffMs: 2000,
            logger: eventStoreLogger(logger),
          };
          return new ReminderSubscriptions([
            ...ALL_PARTITIONS.map(
              (partition) =>
                new SubscriptionRunner(
                  store,
                  new ReminderProcessManager(partition, reassessment, dispatcher, clock, config),
                  runnerOptions,
                ),
            ),
            new SubscriptionRunner(store, new RequestReminderProcessManager(queues, clock, config), runnerOptions),
          ]);
        },
        inject: [EventStore, ChainReassessment, ReminderDispatch, ReminderQueues, CLOCK, APP_CONFIG],
      },
      ReminderDeliveryService,
      SubjectReminderDelivery,
      GapDeliveryBatcher,
      ReminderProcessor,
      WebhookChannel,
      EmailChannel,
      OutsideDeliveryProcessor,
      RobotChannel,
      RobotDeliveryWorkers,
      ReminderSweeps,
      SweepProcessor,
      SweepSchedulers,
    ];
    return {
      module: RemindersModule,
      global: true,
      imports: [
        ReminderRedisModule,
        ...(options.runWorkers
          ? [
              LedgerModule,
              BullModule.forRootAsync(WORKER_BULL_CONFIG, {
                imports: [ReminderRedisModule],
                useFactory: (connections: RedisConnections, config: AppConfig) => ({
                  connection: connections.worker,
                  prefix: config.queuePrefix,
                }),
                inject: [RedisConnections, APP_CONFIG],
              }),
              // Registers @nestjs/bullmq's explorer, which starts the @Processor workers on the workers' connection.
              BullModule.registerQueue(...REMINDER_QUEUE_NAMES.map((name) => ({ name, configKey: WORKER_BULL_CONFIG }))),
            ]
          : []),
      ],
      providers: [...always, ...(options.runWorkers ? workers : [])],
      exports: [
        ReminderQueues,
        InboxQueries,
        HandoverReminderQueries,
        ...(options.runWorkers ? [ReminderSweeps, ReminderDispatch, ReminderSubscriptions] : []),
      ],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@fangquan/identity';
import { EventStoreModule, LedgerModule } from '@fangquan/ledger';
import { type Clock, dataSourceOptions, PlatformModule, type ProcessRuntime } from '@fangquan/platform';
import { applicationSchema, ReadModelsModule } from '@fangquan/read-models';
import { RemindersModule } from '@fangquan/reminders';

export interface WorkerModuleOptions extends ProcessRuntime {
  /** Tests set the time. */
  readonly clock?: Clock;
}

/**
 * The worker process: the reminder process managers (`reminders`, `reminders.1`), the follow-up relay,
 * the BullMQ workers of the reminder, delivery and sweep queues, and the sweeps' job schedulers. No
 * HTTP. Any number of worker processes may run against one database and Redis.
 *
 * The read-model projection is not here: it runs in the API processes, which wait for it after every
 * write. On the worker's event loop each projection batch delayed the process managers' round trips,
 * so a burst of gaps reached the inbox later (docs/benchmarks.md).
 */
@Module({})
export class WorkerModule {
  static forRoot(runtime: WorkerModuleOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(runtime),
        TypeOrmModule.forRoot(dataSourceOptions(runtime.config.database, applicationSchema)),
        EventStoreModule,
        IdentityModule,
        LedgerModule,
        ReadModelsModule.forRoot({ runProjections: false }),
        RemindersModule.forRoot({ runWorkers: true }),
      ],
    };
  }
}

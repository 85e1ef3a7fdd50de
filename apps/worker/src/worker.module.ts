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
 * The worker process: the projections (`read-models`), the reminder process manager (`reminders`),
 * the BullMQ workers of the reminder, delivery and sweep queues, and the sweeps' job schedulers. No
 * HTTP. Any number of worker processes may run against one database and Redis.
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
        ReadModelsModule.forRoot({ runProjections: true }),
        RemindersModule.forRoot({ runWorkers: true }),
      ],
    };
  }
}

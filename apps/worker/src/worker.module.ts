import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, PlatformModule, type ProcessRuntime } from '@fangquan/platform';
import { applicationSchema } from '@fangquan/read-models';

/** The worker process: projections and reminder queues, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(runtime: ProcessRuntime): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot(runtime), TypeOrmModule.forRoot(dataSourceOptions(runtime.config.database, applicationSchema))],
    };
  }
}

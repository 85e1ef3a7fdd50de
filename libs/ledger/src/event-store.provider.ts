import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore } from '@fangquan/event-store';

/** The one EventStore of the process, on the application's TypeORM DataSource. */
@Global()
@Module({
  providers: [{ provide: EventStore, useFactory: (dataSource: DataSource) => new EventStore(dataSource), inject: [DataSource] }],
  exports: [EventStore],
})
export class EventStoreModule {}

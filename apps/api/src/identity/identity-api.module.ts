import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore } from '@fangquan/event-store';
import { IdentityModule } from '@fangquan/identity';
import { CountiesController } from './counties.controller';
import { CountiesService } from './counties.service';
import { TownshipsController } from './townships.controller';
import { TownshipsService } from './townships.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** The HTTP side of counties, townships and users. */
@Module({
  imports: [IdentityModule],
  controllers: [CountiesController, TownshipsController, UsersController],
  providers: [
    CountiesService,
    TownshipsService,
    UsersService,
    { provide: EventStore, useFactory: (dataSource: DataSource) => new EventStore(dataSource), inject: [DataSource] },
  ],
})
export class IdentityApiModule {}

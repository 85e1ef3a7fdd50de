import { Module } from '@nestjs/common';
import { IdentityModule } from '@fangquan/identity';
import { LedgerModule } from '@fangquan/ledger';
import { CountiesController } from './counties.controller';
import { CountiesService } from './counties.service';
import { TownshipsController } from './townships.controller';
import { TownshipsService } from './townships.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** The HTTP side of counties, townships and users (the EventStore comes from the global EventStoreModule; a county's vocabularies from the ledger). */
@Module({
  imports: [IdentityModule, LedgerModule],
  controllers: [CountiesController, TownshipsController, UsersController],
  providers: [CountiesService, TownshipsService, UsersService],
  exports: [CountiesService, TownshipsService, UsersService],
})
export class IdentityApiModule {}

import { Module } from '@nestjs/common';
import { IdentityModule } from '@fangquan/identity';
import { LedgerModule } from '@fangquan/ledger';
import { DutiesController } from './duties.controller';
import { DutyListSourcesReader } from './duty-list-sources';
import { DutyListsController } from './duty-lists.controller';

/** HTTP: the county's duty catalogue and the townships' duty lists. Queries come from the global ReadModelsModule. */
@Module({
  imports: [LedgerModule, IdentityModule],
  controllers: [DutiesController, DutyListsController],
  providers: [DutyListSourcesReader],
  exports: [DutyListSourcesReader],
})
export class DutiesModule {}

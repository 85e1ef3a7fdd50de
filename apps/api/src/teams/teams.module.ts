import { Module } from '@nestjs/common';
import { LedgerModule } from '@fangquan/ledger';
import { TeamsController } from './teams.controller';

/** HTTP: the townships' enforcement teams. Queries come from the global ReadModelsModule. */
@Module({
  imports: [LedgerModule],
  controllers: [TeamsController],
})
export class TeamsModule {}

import { Module } from '@nestjs/common';
import { LedgerModule } from '@fangquan/ledger';
import { HandoverReads } from './handover-reads';
import { HandoversController } from './handovers.controller';

/** HTTP: handovers of powers to township teams. Queries come from the global ReadModelsModule. */
@Module({
  imports: [LedgerModule],
  controllers: [HandoversController],
  providers: [HandoverReads],
})
export class HandoversModule {}

import { Module } from '@nestjs/common';
import { IdentityModule } from '@fangquan/identity';
import { LedgerModule } from '@fangquan/ledger';
import { AssessmentsController } from './assessments.controller';
import { WhistlesController } from './whistles.controller';

/** HTTP: whistles (吹哨报到) and the departments' two-way assessment. Queries come from the global ReadModelsModule. */
@Module({
  imports: [LedgerModule, IdentityModule],
  controllers: [WhistlesController, AssessmentsController],
})
export class WhistlesModule {}

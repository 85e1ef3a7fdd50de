import { Module } from '@nestjs/common';
import { LedgerModule } from '@fangquan/ledger';
import { DutiesModule } from '../duties/duties.module';
import { IdentityApiModule } from '../identity/identity-api.module';
import { RecallRequestsController } from './recall-requests.controller';
import { TaskAdmissionsController } from './task-admissions.controller';

/** HTTP: dynamic adjustment of the lists — recall requests (申请收回) and task admission (事项准入). */
@Module({
  imports: [LedgerModule, IdentityApiModule, DutiesModule],
  controllers: [RecallRequestsController, TaskAdmissionsController],
})
export class AdjustmentsModule {}

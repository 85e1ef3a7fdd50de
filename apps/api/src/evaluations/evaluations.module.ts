import { Module } from '@nestjs/common';
import { IdentityModule } from '@fangquan/identity';
import { LedgerModule } from '@fangquan/ledger';
import { EvaluationsController } from './evaluations.controller';

/** HTTP: the evaluation of a period and the as-of evidence, read from the log. */
@Module({
  imports: [LedgerModule, IdentityModule],
  controllers: [EvaluationsController],
})
export class EvaluationsModule {}

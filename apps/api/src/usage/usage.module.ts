import { Module } from '@nestjs/common';
import { LedgerModule } from '@fangquan/ledger';
import { IdempotencyModule } from '../http/idempotency/idempotency.module';
import { UsageController } from './usage.controller';

/** HTTP: usage (办件量) of the handovers, by hand and by sheet. */
@Module({
  imports: [LedgerModule, IdempotencyModule],
  controllers: [UsageController],
})
export class UsageModule {}

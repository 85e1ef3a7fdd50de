import { Module } from '@nestjs/common';
import { IdentityModule } from '@fangquan/identity';
import { LedgerModule } from '@fangquan/ledger';
import { DutiesModule } from '../duties/duties.module';
import { IdempotencyModule } from '../http/idempotency/idempotency.module';
import { DutyListSheetsController } from './duty-list-sheets.controller';
import { DutySheetsController } from './duty-sheets.controller';
import { PowerSheetsController } from './power-sheets.controller';

/**
 * HTTP: the catalogues as spreadsheets (import, export, template). Imported before the catalogue
 * modules, so that `/powers/export.xlsx` and `/duties/export.xlsx` are routed here rather than read as codes.
 */
@Module({
  imports: [LedgerModule, IdentityModule, DutiesModule, IdempotencyModule],
  controllers: [PowerSheetsController, DutySheetsController, DutyListSheetsController],
})
export class CatalogueSheetsModule {}

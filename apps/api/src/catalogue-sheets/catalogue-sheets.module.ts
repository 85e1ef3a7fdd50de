import { Module } from '@nestjs/common';
import { LedgerModule } from '@fangquan/ledger';
import { DutySheetsController } from './duty-sheets.controller';
import { PowerSheetsController } from './power-sheets.controller';

/**
 * HTTP: the catalogues as spreadsheets (import, export, template). Imported before the catalogue
 * modules, so that `/powers/export.xlsx` and `/duties/export.xlsx` are routed here rather than read as codes.
 */
@Module({
  imports: [LedgerModule],
  controllers: [PowerSheetsController, DutySheetsController],
})
export class CatalogueSheetsModule {}

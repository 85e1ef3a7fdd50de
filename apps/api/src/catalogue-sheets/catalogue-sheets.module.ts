import { Module } from '@nestjs/common';
import { LedgerModule } from '@fangquan/ledger';
import { PowerSheetsController } from './power-sheets.controller';

/**
 * HTTP: the catalogues as spreadsheets (import, export, template). Imported before the catalogue
 * modules, so that `/powers/export.xlsx` is routed here rather than read as a power's code.
 */
@Module({
  imports: [LedgerModule],
  controllers: [PowerSheetsController],
})
export class CatalogueSheetsModule {}

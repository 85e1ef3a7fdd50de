import { Module } from '@nestjs/common';
import { LedgerModule } from '@fangquan/ledger';
import { CatalogueController } from './catalogue.controller';

/** HTTP: the county catalogue of powers. Queries come from the global ReadModelsModule. */
@Module({
  imports: [LedgerModule],
  controllers: [CatalogueController],
})
export class CatalogueModule {}

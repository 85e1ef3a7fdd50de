import { Module } from '@nestjs/common';
import { LedgerModule } from '@fangquan/ledger';
import { VocabulariesController } from './vocabularies.controller';
import { VocabularyBootstrap } from './vocabulary-bootstrap.service';

/** HTTP: the county vocabularies of equipment kinds and training courses. */
@Module({
  imports: [LedgerModule],
  controllers: [VocabulariesController],
  providers: [VocabularyBootstrap],
})
export class VocabulariesModule {}

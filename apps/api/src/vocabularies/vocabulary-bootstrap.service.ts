import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { VOCABULARIES } from '@fangquan/domain';
import { Vocabularies } from '@fangquan/ledger';

/**
 * Counties created before they had vocabularies get the default ones on start, so that every county's
 * kinds and courses are checked. A county's office adds any kind or course its records use beyond them.
 */
@Injectable()
export class VocabularyBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Vocabularies');

  constructor(
    private readonly dataSource: DataSource,
    private readonly vocabularies: Vocabularies,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const counties = (await this.dataSource.query('SELECT id FROM counties ORDER BY created_at')) as Array<{ id: string }>;
    for (const { id } of counties) {
      const loaded = await Promise.all(VOCABULARIES.map((vocabulary) => this.vocabularies.load(id, vocabulary)));
      if (loaded.some((vocabulary) => vocabulary.state.status !== 'none')) continue;
      try {
        await this.dataSource.transaction((manager) =>
          this.vocabularies.establishDefaults({ username: 'system', countyId: id }, id, {
            correlationId: randomUUID(),
            transaction: manager,
          }),
        );
        this.logger.log(`County ${id} had no vocabularies: the default equipment kinds and training courses were established`);
      } catch (error) {
        // Another process may have established them at the same moment.
        const now = await this.vocabularies.load(id, 'equipment-kinds');
        if (now.state.status === 'none') throw error;
      }
    }
  }
}

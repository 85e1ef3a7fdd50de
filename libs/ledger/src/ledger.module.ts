import { Module } from '@nestjs/common';
import { EventStoreModule } from './event-store.provider';
import { Handovers } from './handovers.service';
import { LedgerContext } from './ledger-context';
import { PowerItems } from './power-items.service';
import { Teams } from './teams.service';

/**
 * The application layer of the aggregates: commands on power items, teams and handovers, run
 * through their deciders on the event store. Used by the API and by the workers. Needs the
 * platform's CLOCK and APP_CONFIG and a TypeORM DataSource.
 */
@Module({
  imports: [EventStoreModule],
  providers: [LedgerContext, PowerItems, Teams, Handovers],
  exports: [LedgerContext, PowerItems, Teams, Handovers],
})
export class LedgerModule {}

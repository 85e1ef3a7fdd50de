import { Module } from '@nestjs/common';
import { EventStoreModule } from './event-store.provider';
import { Duties } from './duties.service';
import { DutyLists } from './duty-lists.service';
import { DutyImports } from './duty-imports.service';
import { Evaluations } from './evaluations.service';
import { Handovers } from './handovers.service';
import { LedgerContext } from './ledger-context';
import { PowerItems } from './power-items.service';
import { RecallRequests } from './recall-requests.service';
import { TaskAdmissions } from './task-admissions.service';
import { Teams } from './teams.service';
import { Vocabularies } from './vocabularies.service';
import { Whistles } from './whistles.service';

/**
 * The application layer of the aggregates: commands on power items, teams, handovers, the county
 * vocabularies, the duty catalogue, the townships' duty lists and the whistles, run
 * through their deciders on the event store. Used by the API and by the workers. Needs the
 * platform's CLOCK and APP_CONFIG and a TypeORM DataSource.
 */
@Module({
  imports: [EventStoreModule],
  providers: [
    LedgerContext,
    Vocabularies,
    PowerItems,
    Teams,
    Handovers,
    Duties,
    DutyLists,
    DutyImports,
    RecallRequests,
    TaskAdmissions,
    Whistles,
    Evaluations,
  ],
  exports: [
    LedgerContext,
    Vocabularies,
    PowerItems,
    Teams,
    Handovers,
    Duties,
    DutyLists,
    DutyImports,
    RecallRequests,
    TaskAdmissions,
    Whistles,
    Evaluations,
  ],
})
export class LedgerModule {}

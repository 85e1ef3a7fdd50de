import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { type Clock, dataSourceOptions, HealthModule, PlatformModule, type ProcessRuntime } from '@fangquan/platform';
import { applicationSchema, ReadModelsModule } from '@fangquan/read-models';
import { EventStoreModule } from '@fangquan/ledger';
import { AuthModule, type LoginRateLimit } from './auth/auth.module';
import { IdentityApiModule } from './identity/identity-api.module';
import { IdempotencyModule } from './http/idempotency/idempotency.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { CatalogueSheetsModule } from './catalogue-sheets/catalogue-sheets.module';
import { HandoversModule } from './handovers/handovers.module';
import { AdjustmentsModule } from './adjustments/adjustments.module';
import { DutiesModule } from './duties/duties.module';
import { WhistlesModule } from './whistles/whistles.module';
import { EvaluationsModule } from './evaluations/evaluations.module';
import { TeamsModule } from './teams/teams.module';
import { VocabulariesModule } from './vocabularies/vocabularies.module';
import { RemindersModule } from '@fangquan/reminders';
import { InboxModule } from './inbox/inbox.module';
import { AdminQueuesModule } from './admin-queues/admin-queues.module';
import { DemoModule } from './demo/demo.module';
import { WebModule } from './web/web.module';
import { SettingsModule } from './settings/settings.module';
import { PublicDutyListModule } from './public-duty-list/public-duty-list.module';

export interface ApiModuleOptions extends ProcessRuntime {
  /** Run the background work (projections, reminder workers) in this process too: the embedded default. */
  readonly withWorker: boolean;
  /** Tests set the time. */
  readonly clock?: Clock;
  /** Login attempts per client IP and username (default 10 per minute). */
  readonly loginRateLimit?: LoginRateLimit;
}

@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(options),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(options.config.database, applicationSchema),
          migrationsRun: options.config.database.kind === 'embedded',
        }),
        HealthModule,
        AuthModule.forRoot({ loginRateLimit: options.loginRateLimit }),
        IdentityApiModule,
        IdempotencyModule,
        EventStoreModule,
        // Every API process also runs the read-model projection (one batch at a time across processes):
        // after a write it waits for the read tables, and its own runner, nudged, gets there fastest.
        ReadModelsModule.forRoot({ runProjections: true }),
        CatalogueSheetsModule,
        CatalogueModule,
        TeamsModule,
        VocabulariesModule,
        AdjustmentsModule,
        HandoversModule,
        DutiesModule,
        WhistlesModule,
        EvaluationsModule,
        RemindersModule.forRoot({ runWorkers: options.withWorker }),
        InboxModule,
        SettingsModule,
        AdminQueuesModule,
        PublicDutyListModule,
        DemoModule,
        WebModule,
      ],
    };
  }
}

import { Module } from '@nestjs/common';
import { LedgerModule } from '@fangquan/ledger';
import { IdentityApiModule } from '../identity/identity-api.module';
import { DemoDutyLists } from './demo-duty-lists';
import { DemoSeeder } from './demo-seeder.service';

@Module({ imports: [IdentityApiModule, LedgerModule], providers: [DemoSeeder, DemoDutyLists] })
export class DemoModule {}

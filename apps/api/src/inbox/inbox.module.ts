import { Module } from '@nestjs/common';
import { LedgerModule } from '@fangquan/ledger';
import { HandoverRemindersController } from './handover-reminders.controller';
import { InboxController } from './inbox.controller';

/** HTTP: the inbox and the reminders of a handover. Queries come from the global RemindersModule. */
@Module({
  imports: [LedgerModule],
  controllers: [InboxController, HandoverRemindersController],
})
export class InboxModule {}

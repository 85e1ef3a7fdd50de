import { eventStoreMigrations } from '@fangquan/event-store';
import { identityEntities, identityMigrations } from '@fangquan/identity';
import { IdempotencyKeys1735700000000, type SchemaParts } from '@fangquan/platform';
import { readModelEntities } from './entities';
import { readModelMigrations } from './migrations';
// A deep relative import: the reminders' index imports the read models (import cycle otherwise).
import { reminderEntities, reminderMigrations } from '../../reminders/src/schema/reminders-schema';

/** Every table the application owns: the event store's, the read models' and the reminders'. */
export const applicationSchema: SchemaParts = {
  entities: [...identityEntities, ...readModelEntities, ...reminderEntities],
  migrations: [...eventStoreMigrations, IdempotencyKeys1735700000000, ...identityMigrations, ...readModelMigrations, ...reminderMigrations],
};

import { eventStoreMigrations } from '@fangquan/event-store';
import { identityEntities, identityMigrations } from '@fangquan/identity';
import { IdempotencyKeys1735700000000, type SchemaParts } from '@fangquan/platform';
import { readModelEntities } from './entities';
import { readModelMigrations } from './migrations';

/** Every table the application owns: the event store's and the read models'. */
export const applicationSchema: SchemaParts = {
  entities: [...identityEntities, ...readModelEntities],
  migrations: [...eventStoreMigrations, IdempotencyKeys1735700000000, ...identityMigrations, ...readModelMigrations],
};

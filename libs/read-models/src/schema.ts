import { eventStoreMigrations } from '@fangquan/event-store';
import { identityEntities, identityMigrations } from '@fangquan/identity';
import { IdempotencyKeys1735700000000, type SchemaParts } from '@fangquan/platform';

/** Every table the application owns: the event store's and the read models'. */
export const applicationSchema: SchemaParts = {
  entities: [...identityEntities],
  migrations: [...eventStoreMigrations, IdempotencyKeys1735700000000, ...identityMigrations],
};

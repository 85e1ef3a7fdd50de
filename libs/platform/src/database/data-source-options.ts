import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { embeddedPgliteDriver } from './embedded-pglite.driver';

export interface SchemaParts {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function | string>;
}

/**
 * One TypeORM configuration for both modes: the same PostgreSQL SQL runs on PGlite (embedded) and on
 * a PostgreSQL server. Migrations never run implicitly here; the caller runs them on purpose.
 */
export function dataSourceOptions(database: AppConfig['database'], schema: SchemaParts): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsRun: false,
    synchronize: false,
    // Failed queries reach the caller as errors; TypeORM's own log would print parameters (hashes, personal data).
    logging: false,
  };
  if (database.kind === 'embedded') {
    return { ...common, driver: embeddedPgliteDriver(database.dir), poolSize: 1 };
  }
  return { ...common, url: database.url, poolSize: database.poolSize, applicationName: 'fangquan' };
}

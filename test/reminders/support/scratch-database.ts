import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions, type QueryRunner } from 'typeorm';
import { dataSourceOptions } from '@fangquan/platform';

/**
 * A database of its own on the test server, for a migration's own test: created, brought up with
 * `migrations`, handed to `use` as a query runner that holds its one connection (run the migration
 * under test through it, up and down, and query through it), then dropped.
 */
export async function withScratchDatabase(
  databaseUrl: string,
  migrations: NonNullable<DataSourceOptions['migrations']>,
  use: (runner: QueryRunner) => Promise<void>,
): Promise<void> {
  const server = new URL(databaseUrl);
  const database = `fangquan_migration_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: Object.assign(new URL(server), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const dataSource = new DataSource(
    dataSourceOptions(
      { kind: 'postgres', url: Object.assign(new URL(server), { pathname: `/${database}` }).toString(), poolSize: 1 },
      { entities: [], migrations },
    ),
  );
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const runner = dataSource.createQueryRunner();
    try {
      await use(runner);
    } finally {
      await runner.release();
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

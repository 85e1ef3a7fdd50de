import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@fangquan/platform';
import { applicationSchema } from '@fangquan/read-models';

/** A fresh database on the test server (TEST_DATABASE_URL) with the application's schema. */
export interface TestDatabase {
  readonly url: string;
  /** A new DataSource on it (like another process would open); destroyed by `drop`. */
  open(poolSize?: number): Promise<DataSource>;
  drop(): Promise<void>;
}

function onDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: onDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error('TEST_DATABASE_URL is not set: run through `vitest --project int`');
  const name = `fangquan_rm_${randomBytes(6).toString('hex')}`;
  const url = onDatabase(server, name);
  await onServer(server, `CREATE DATABASE ${name}`);
  const opened: DataSource[] = [];
  const open = async (poolSize = 5): Promise<DataSource> => {
    const dataSource = new DataSource(dataSourceOptions({ kind: 'postgres', url, poolSize }, applicationSchema));
    await dataSource.initialize();
    opened.push(dataSource);
    return dataSource;
  };
  const migrator = await open(1);
  await migrator.runMigrations({ transaction: 'all' });
  return {
    url,
    open,
    drop: async () => {
      for (const dataSource of opened) if (dataSource.isInitialized) await dataSource.destroy();
      await onServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

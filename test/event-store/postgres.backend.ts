import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@fangquan/platform';
import { eventStoreMigrations } from '@fangquan/event-store';
import type { ConformanceBackend } from './conformance.context';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * The PostgreSQL server of the integration tier (TEST_DATABASE_URL), with a fresh database for this
 * test file so it cannot collide with other files running against the same server.
 */
export function postgresBackend(): ConformanceBackend {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set: run this file in the integration tier');
  const database = `event_store_${randomBytes(6).toString('hex')}`;
  const url = withDatabase(serverUrl, database);
  const opened: DataSource[] = [];
  const clients: Client[] = [];

  async function dataSource(migrate: boolean): Promise<DataSource> {
    // A real pool of 12: eight writers' commits truly interleave. No query logging: the suite provokes errors on purpose.
    const source = new DataSource({
      ...dataSourceOptions({ kind: 'postgres', url, poolSize: 12 }, { entities: [], migrations: eventStoreMigrations }),
      logging: false,
    });
    await source.initialize();
    opened.push(source);
    if (migrate) await source.runMigrations();
    return source;
  }

  async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  return {
    kind: 'postgres',
    connectionString: url,
    writers: 8,
    eventsPerWriter: 500,
    async open() {
      await admin((client) => client.query(`CREATE DATABASE ${database}`));
      return dataSource(true);
    },
    openPeer: () => dataSource(false),
    async rawClient() {
      const client = new Client({ connectionString: url });
      client.on('error', () => undefined);
      await client.connect();
      clients.push(client);
      return client;
    },
    async close() {
      for (const source of opened) if (source.isInitialized) await source.destroy();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
  };
}

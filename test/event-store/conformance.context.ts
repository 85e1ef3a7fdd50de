import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { EventStore, SubscriptionRunner } from '@fangquan/event-store';

/** One backend the conformance suite runs against. */
export interface ConformanceBackend {
  readonly kind: 'postgres' | 'pglite';
  /** Opens the file's DataSource with the event store migrated. Called once per file. */
  open(): Promise<DataSource>;
  /** Closes whatever open()/openPeer() opened (tolerates an already destroyed DataSource). */
  close(): Promise<void>;
  /** PostgreSQL only: another DataSource to the same database — another process's worth. */
  openPeer?(): Promise<DataSource>;
  /** PostgreSQL only: the database's URL (for listeners that open their own connection). */
  readonly connectionString?: string;
  /** PostgreSQL only: a plain pg client on the same database (locks, pg_terminate_backend). */
  rawClient?(): Promise<Client>;
  /** Size of the "many concurrent writers" test. */
  readonly writers: number;
  readonly eventsPerWriter: number;
}

/** Filled in beforeAll; the topic suites read it inside their tests. */
export interface ConformanceContext {
  readonly backend: ConformanceBackend;
  dataSource: DataSource;
  store: EventStore;
  /** Runners a test started; stopped after each test. */
  readonly runners: SubscriptionRunner[];
}

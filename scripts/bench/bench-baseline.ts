/**
 * The raw-INSERT baseline of the benchmarks: the event store's row shape written into a plain table
 * through plain pg clients. The event-store bench compares appends with it; the HTTP and reminder
 * benches print it before they measure, since this machine's speed changes from hour to hour and a
 * figure means something only beside the baseline of its own run.
 */
import { Client } from 'pg';
import { benchBatch, benchMetadata } from './bench-events';
import { formatRate, measureThroughput } from './bench-timing';

/** A writer starts a new stream after this many events. */
export const STREAM_LENGTH = 1000;

export const RAW_TABLE_SQL = (table = 'raw_events'): string => `CREATE TABLE ${table} (
  global_position bigserial PRIMARY KEY,
  stream_id text NOT NULL,
  stream_version integer NOT NULL,
  type text NOT NULL,
  schema_version smallint NOT NULL DEFAULT 1,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  recorded_at timestamptz NOT NULL DEFAULT now()
)`;
export const RAW_INSERT_ONE = (table = 'raw_events'): string =>
  `INSERT INTO ${table} (stream_id, stream_version, type, schema_version, data, metadata) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`;
export const RAW_INSERT_MANY = (
  table = 'raw_events',
): string => `INSERT INTO ${table} (stream_id, stream_version, type, schema_version, data, metadata)
  SELECT $1, $2 + e.ordinal, e.type, e.schema_version, e.data, $6::jsonb
  FROM unnest($3::text[], $4::smallint[], $5::jsonb[]) WITH ORDINALITY AS e(type, schema_version, data, ordinal)`;

/** The same rows, batching and concurrency through plain pg clients (one per client) into a plain table. */
export function rawInsertStep(
  connections: readonly Client[],
  perAppend: number,
  label: string,
  table = 'raw_events',
): (client: number) => Promise<number> {
  const versions = new Array<number>(connections.length).fill(0);
  return async (client) => {
    const connection = connections[client];
    if (!connection) return 0;
    const version = versions[client] ?? 0;
    const events = benchBatch(perAppend, version);
    const stream = `${label}-${client}-${Math.floor(version / STREAM_LENGTH)}`;
    const metadata = JSON.stringify(benchMetadata());
    if (perAppend === 1) {
      const [event] = events;
      await connection.query(RAW_INSERT_ONE(table), [stream, version + 1, event?.type, 1, JSON.stringify(event?.data), metadata]);
    } else {
      await connection.query(RAW_INSERT_MANY(table), [
        stream,
        version,
        events.map((e) => e.type),
        events.map(() => 1),
        events.map((e) => JSON.stringify(e.data)),
        metadata,
      ]);
    }
    versions[client] = version + perAppend;
    return perAppend;
  };
}

/** Clients and seconds of the baseline the HTTP and reminder benches print. */
const BASELINE_CLIENTS = 8;
const BASELINE_MS = 2000;

/**
 * This machine's speed right now: single-row INSERTs of the event store's row shape from 8 clients for
 * 2 s into a table made for it and dropped afterwards, as "8-client single-row INSERT: N rows/s".
 */
export async function machineBaseline(databaseUrl: string): Promise<string> {
  const table = `bench_baseline_${process.pid}`;
  const connections = await Promise.all(
    Array.from({ length: BASELINE_CLIENTS }, async () => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const [first] = connections;
  if (!first) throw new Error('no baseline connection');
  try {
    await first.query(RAW_TABLE_SQL(table));
    const result = await measureThroughput(BASELINE_CLIENTS, BASELINE_MS, rawInsertStep(connections, 1, 'baseline', table));
    return `${BASELINE_CLIENTS}-client single-row INSERT: ${formatRate(result.perSecond)} rows/s`;
  } finally {
    await first.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    await Promise.all(connections.map((client) => client.end()));
  }
}

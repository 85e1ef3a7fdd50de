/**
 * Event store benchmark (not a test): append throughput against a raw INSERT baseline on the same
 * server, and aggregate rehydration with and without a snapshot; plus the embedded (PGlite) append
 * rate for the embedded-vs-server comparison.
 *
 *   node -r @swc-node/register scripts/bench/event-store.bench.ts      (or npm run bench)
 *
 * Uses DATABASE_URL when set (in a throwaway schema it drops afterwards), else starts a throwaway
 * PostgreSQL cluster with test/support/postgres-cluster.ts. BENCH_SECONDS sets each side of a cell (default 3),
 * measured in four interleaved slices against the baseline so background load hits both alike.
 * Runs on an empty log, then on one holding the events of BENCH_HISTORY handovers (default 100,000;
 * see bench-history.ts); the embedded rate is measured on the empty one only.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AggregateStore, EventStore, eventStoreMigrations, SnapshotStore } from '@fangquan/event-store';
import { dataSourceOptions } from '@fangquan/platform';
import { startPostgresCluster } from '../../test/support/postgres-cluster';
import { RAW_TABLE_SQL, rawInsertStep, STREAM_LENGTH } from './bench-baseline';
import { benchBatch, benchMetadata, tallyDecider } from './bench-events';
import { describeHistory, historyRuns, preloadHistory } from './bench-history';
import { formatRate, measureInterleaved, measureThroughput, medianMs, table, type Throughput } from './bench-timing';

const MEASURE_MS = Math.round(Number(process.env.BENCH_SECONDS ?? 3) * 1000);
const CLIENT_COUNTS = [1, 8] as const;
const BATCH_SIZES = [1, 10] as const;
const REHYDRATE_EVENTS = 10_000;

/** Each client appends to its own stream with the right expected version, starting a new stream every STREAM_LENGTH events. */
function eventStoreStep(store: EventStore, clients: number, perAppend: number, label: string): (client: number) => Promise<number> {
  const heads = Array.from({ length: clients }, (_, client) => ({ stream: `${label}-${client}-0`, version: 0, streams: 0 }));
  return async (client) => {
    const head = heads[client];
    if (!head) return 0;
    if (head.version >= STREAM_LENGTH) {
      head.streams += 1;
      head.stream = `${label}-${client}-${head.streams}`;
      head.version = 0;
    }
    const result = await store.append(
      head.stream,
      head.version === 0 ? 'no-stream' : head.version,
      benchBatch(perAppend, head.version),
      benchMetadata(),
    );
    head.version = result.nextVersion;
    return perAppend;
  };
}

/** Event store and raw INSERT side by side, interleaved, with the same clients and batching. */
async function compareAppends(
  store: EventStore,
  connect: () => Promise<Client>,
  clients: number,
  perAppend: number,
): Promise<{ store: Throughput; raw: Throughput }> {
  const connections = await Promise.all(Array.from({ length: clients }, connect));
  try {
    const label = `${perAppend}x${clients}`;
    const [appended, raw] = await measureInterleaved(clients, MEASURE_MS, [
      eventStoreStep(store, clients, perAppend, `es-${label}`),
      rawInsertStep(connections, perAppend, `raw-${label}`),
    ]);
    if (!appended || !raw) throw new Error('measurement missing');
    return { store: appended, raw };
  } finally {
    await Promise.all(connections.map((c) => c.end()));
  }
}

async function rehydration(store: EventStore): Promise<{ replay: number; snapshot: number; snapshotPlusTail: number }> {
  const stream = `rehydrate-${Date.now()}`;
  for (let version = 0; version < REHYDRATE_EVENTS; version += 500) {
    await store.append(stream, version === 0 ? 'no-stream' : version, benchBatch(500, version), benchMetadata());
  }
  const replayOnly = new AggregateStore(store, tallyDecider);
  const withSnapshot = new AggregateStore(store, tallyDecider, { snapshot: { schema: 'tally-v1' } });
  const full = await replayOnly.load(stream);
  if (full.version !== REHYDRATE_EVENTS) throw new Error(`expected ${REHYDRATE_EVENTS} events, loaded ${full.version}`);
  const snapshots = new SnapshotStore(store.dataSource);
  const replay = await medianMs(7, () => replayOnly.load(stream));

  // A snapshot 99 events behind: the worst case with the default "every 100 events".
  const behind = (await replayOnly.load(stream)).state;
  const snapshotVersion = REHYDRATE_EVENTS - 99;
  await snapshots.save({ streamId: stream, streamVersion: snapshotVersion, stateSchema: 'tally-v1', state: { ...behind } });
  const fromSnapshotTail = await withSnapshot.load(stream);
  if (fromSnapshotTail.version !== REHYDRATE_EVENTS) throw new Error('snapshot load did not reach the head');
  const snapshotPlusTail = await medianMs(15, () => withSnapshot.load(stream));

  await snapshots.save({ streamId: stream, streamVersion: REHYDRATE_EVENTS, stateSchema: 'tally-v1', state: { ...full.state } });
  const fromSnapshot = await withSnapshot.load(stream);
  if (JSON.stringify(fromSnapshot) !== JSON.stringify(full)) throw new Error('rehydration from the snapshot differs from the full replay');
  const snapshot = await medianMs(15, () => withSnapshot.load(stream));
  return { replay, snapshot, snapshotPlusTail };
}

async function embeddedRates(): Promise<Record<number, Throughput>> {
  const dir = mkdtempSync(join(tmpdir(), 'fangquan-bench-pglite-'));
  const dataSource = new DataSource({
    ...dataSourceOptions({ kind: 'embedded', dir }, { entities: [], migrations: eventStoreMigrations }),
    logging: false,
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const store = new EventStore(dataSource);
    const rates: Record<number, Throughput> = {};
    for (const perAppend of BATCH_SIZES)
      rates[perAppend] = await measureThroughput(1, MEASURE_MS, eventStoreStep(store, 1, perAppend, `embedded-${perAppend}`));
    return rates;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function describeServer(client: Client): Promise<string> {
  const names = ['server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'wal_level', 'shared_buffers', 'max_connections'];
  const { rows } = await client.query<{ name: string; setting: string }>(
    `SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name`,
    [names],
  );
  return rows.map((r) => `${r.name}=${r.setting}`).join(' ');
}

export async function main(): Promise<void> {
  for (const history of historyRuns()) await run(history);
}

async function run(history: number): Promise<void> {
  const started = Date.now();
  const cluster = process.env.DATABASE_URL ? undefined : await startPostgresCluster('fangquan_bench');
  const url = process.env.DATABASE_URL ?? cluster?.url ?? '';
  const schema = `event_store_bench_${process.pid}`;
  const options = `-c search_path=${schema}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  let dataSource: DataSource | undefined;
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
    const where = cluster ? 'throwaway cluster (test/support/postgres-cluster.ts)' : 'DATABASE_URL';
    process.stdout.write(`\nEvent store benchmark ${describeHistory(history)} — PostgreSQL from ${where}, schema ${schema}\n`);
    process.stdout.write(
      `settings: ${await describeServer(admin)}; ${cpus().length} CPUs; node ${process.version}; ${MEASURE_MS / 1000} s per cell\n\n`,
    );

    dataSource = new DataSource({
      ...dataSourceOptions(
        { kind: 'postgres', url, poolSize: Math.max(...CLIENT_COUNTS) },
        { entities: [], migrations: eventStoreMigrations },
      ),
      logging: false,
      extra: { options },
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    const logLength = await preloadHistory(dataSource, history, { eventsOnly: true });
    if (history > 0) {
      await dataSource.query('ANALYZE');
      process.stdout.write(`history: ${logLength.toLocaleString('en')} events of ${history.toLocaleString('en')} handovers\n\n`);
    }
    await dataSource.query(RAW_TABLE_SQL());
    const store = new EventStore(dataSource);
    const connect = async (): Promise<Client> => {
      const client = new Client({ connectionString: url, options });
      await client.connect();
      return client;
    };

    const rows: string[][] = [];
    let singleAt8 = 0;
    for (const perAppend of BATCH_SIZES) {
      for (const clients of CLIENT_COUNTS) {
        const { store: appended, raw } = await compareAppends(store, connect, clients, perAppend);
        const ratio = appended.perSecond / raw.perSecond;
        if (perAppend === 1 && clients === 8) singleAt8 = ratio;
        rows.push([
          `${perAppend} per append`,
          String(clients),
          formatRate(appended.perSecond),
          formatRate(raw.perSecond),
          `${(ratio * 100).toFixed(0)}%`,
        ]);
      }
    }
    process.stdout.write(`${table(['events', 'clients', 'event store ev/s', 'raw INSERT ev/s', 'ratio'], rows)}\n\n`);

    const rehydrate = await rehydration(store);
    process.stdout.write(
      `${table(
        ['rehydrate a 10,000-event stream (median)', 'ms'],
        [
          ['full replay, no snapshot', rehydrate.replay.toFixed(1)],
          ['snapshot at the head', rehydrate.snapshot.toFixed(1)],
          ['snapshot 99 events behind (worst case, every=100)', rehydrate.snapshotPlusTail.toFixed(1)],
        ],
      )}\n\n`,
    );
    await dataSource.destroy();
    dataSource = undefined;

    if (history === 0) {
      const embedded = await embeddedRates();
      process.stdout.write(
        `${table(
          ['embedded PGlite, 1 client', 'ev/s'],
          BATCH_SIZES.map((n) => [`${n} per append`, formatRate(embedded[n]?.perSecond ?? 0)]),
        )}\n\n`,
      );
    }

    const checks = [
      `single-event appends at 8 clients: ${(singleAt8 * 100).toFixed(0)}% of raw INSERT (target >= 60%) ${singleAt8 >= 0.6 ? 'OK' : 'MISSED'}`,
      `rehydrate 10,000 events with a snapshot: ${rehydrate.snapshotPlusTail.toFixed(1)} ms worst case (target < 20 ms) ${rehydrate.snapshotPlusTail < 20 ? 'OK' : 'MISSED'}`,
    ];
    process.stdout.write(`${checks.join('\n')}\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  } finally {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
    cluster?.stop();
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`event store bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}

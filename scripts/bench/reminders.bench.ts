/**
 * Reminders benchmark (not a test): a burst of 10,000 handovers recorded without their equipment, so
 * 10,000 gaps appear at once. The production topology on one machine: a worker process (the
 * production WorkerModule: the reminder process managers, the delivery workers) turns them into
 * reminders in the county office's inbox, while an API process (idle HTTP) runs the read-model
 * projection, as it does in production. This script stands in for the API's clients: it appends the
 * gaps' events itself, faster than HTTP could. Reports reminders delivered to the inbox per second
 * over the burst, and the latency
 * from each gap's event (its `recorded_at`) to its inbox row (p50 / p99); then the same for paced
 * streams of BENCH_REMINDER_PACED_SECONDS (default 10) at each rate of BENCH_REMINDER_RATES (gaps per
 * second, default 500 and 1000: below saturation, and the throughput target's rate — 10,000 gaps
 * arriving over 10 s instead of as fast as 16 clients can append them).
 *
 * It runs on an empty database, then on one holding BENCH_HISTORY handovers of history (default
 * 100,000; see bench-history.ts), once the processes have caught up on it; 0 runs the empty one only.
 *
 *   node -r @swc-node/register scripts/bench/reminders.bench.ts      (or npm run bench)
 *
 * Uses DATABASE_URL / REDIS_URL when set, else a throwaway PostgreSQL cluster and redis-server.
 * BENCH_PROFILE=1 writes CPU profiles of the worker and API processes to /tmp/prof.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { EventStore, type EventMetadata } from '@fangquan/event-store';
import { dataSourceOptions } from '@fangquan/platform';
import { applicationSchema } from '@fangquan/read-models';
import { type AppProcess, startApiProcess, startWorkerProcess } from '../../test/reminders/support/app-processes';
import { cpuPerOperation, sampleCpu } from './bench-cpu';
import { machineBaseline } from './bench-baseline';
import { describeHistory, historyRuns, preloadHistory, waitForSubscriptions } from './bench-history';
import { analyzeDatabase, startBenchServices, topStatements } from './bench-services';

const BURST = Number(process.env.BENCH_REMINDER_BURST ?? 10_000);
const PACED_SECONDS = Number(process.env.BENCH_REMINDER_PACED_SECONDS ?? 10);
const RATES = (process.env.BENCH_REMINDER_RATES ?? '500,1000')
  .split(',')
  .map(Number)
  .filter((rate) => rate > 0);
const CONCURRENCY = 16;
const POWER = 'BENCH-0001';

interface Figures {
  readonly reminders: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** How fast the gaps appeared: their events over the span from the first to the last. */
  readonly gapsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

function metadata(countyId: string): EventMetadata {
  return { actor: 'bench', countyId, correlationId: randomUUID(), causationId: null, occurredAt: new Date().toISOString() };
}

interface World {
  readonly countyId: string;
  readonly teamId: string;
  readonly townshipId: string;
  /** The county office's one user: every reminder of the bench lands in this inbox. */
  readonly officeUserId: string;
}

async function seed(dataSource: DataSource, store: EventStore): Promise<World> {
  const countyId = randomUUID();
  const officeUserId = randomUUID();
  const townshipId = randomUUID();
  const teamId = randomUUID();
  await dataSource.query(`INSERT INTO counties (id, name, created_at) VALUES ($1, '基准县', now())`, [countyId]);
  await dataSource.query(`INSERT INTO townships (id, county_id, name, team_id, created_at) VALUES ($1, $2, '基准镇', $3, now())`, [
    townshipId,
    countyId,
    teamId,
  ]);
  await dataSource.query(
    `INSERT INTO users (id, username, password_hash, role, county_id, head, created_at) VALUES ($1, 'bench-office', 'x', 'county_admin', $2, false, now())`,
    [officeUserId, countyId],
  );
  await store.append(
    `team-${teamId}`,
    'no-stream',
    [{ type: 'TeamFormed', data: { teamId, countyId, townshipId, townshipName: '基准镇' } }],
    metadata(countyId),
  );
  await store.append(
    `power-${countyId}-${POWER}`,
    'no-stream',
    [
      {
        type: 'PowerItemRegistered',
        data: {
          countyId,
          code: POWER,
          name: '基准巡查事项',
          category: 'inspection',
          legalBasis: '《基准条例》',
          department: '城市管理局',
          requirements: { certifiedOfficers: 0, equipment: [{ kind: 'drone', quantity: 1 }], training: [] },
        },
      },
    ],
    metadata(countyId),
  );
  return { countyId, teamId, townshipId, officeUserId };
}

/** Appends `count` HandoverRecorded events (each a handover lacking its drone), `perSecond` at most (0: as fast as it goes). */
async function recordGaps(store: EventStore, world: World, count: number, perSecond: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (;;) {
        const index = next++;
        const id = ids[index];
        if (id === undefined) return;
        if (perSecond > 0) {
          const due = started + (index * 1000) / perSecond;
          if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
        }
        await store.append(
          `handover-${id}`,
          'no-stream',
          [
            {
              type: 'HandoverRecorded',
              data: {
                handoverId: id,
                countyId: world.countyId,
                powerCode: POWER,
                powerCategory: 'inspection',
                teamId: world.teamId,
                townshipId: world.townshipId,
                department: '城市管理局',
                mode: 'transfer',
                instrument: `基准〔2026〕${index}号`,
                effectiveOn: '2026-01-01',
                committed: { officers: [], equipment: [], training: [] },
              },
            },
          ],
          metadata(world.countyId),
        );
      }
    }),
  );
  return ids;
}

/** The database's clock: inbox rows are stamped by it. */
export async function databaseNow(dataSource: DataSource): Promise<Date> {
  const [row] = (await dataSource.query(`SELECT now() AS now`)) as { now: Date }[];
  if (!row) throw new Error('no clock');
  return row.now;
}

/**
 * Waits until every gap recorded since `since` has its inbox row, then computes the figures. The wait
 * polls the office's inbox through its (recipient, created_at) index: a poll naming 10,000 handover ids
 * cost more database CPU (planning the array, a parallel scan) than a tenth of the pipeline it measures.
 */
async function measure(dataSource: DataSource, world: World, since: Date, ids: string[], timeoutMs: number): Promise<Figures> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = (await dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE recipient_user_id = $1 AND created_at >= $2`, [
      world.officeUserId,
      since,
    ])) as { n: number }[];
    if (row?.n === ids.length) break;
    if ((row?.n ?? 0) > ids.length) throw new Error(`${row?.n} inbox rows for ${ids.length} gaps: a reminder was delivered twice`);
    if (Date.now() > deadline) throw new Error(`only ${row?.n ?? 0} of ${ids.length} reminders arrived within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const [figures] = (await dataSource.query(
    `WITH latency AS (
       SELECT e.recorded_at AS gap_at, i.created_at AS inbox_at, extract(epoch FROM i.created_at - e.recorded_at) * 1000 AS ms
       FROM inbox i JOIN events e ON e.stream_id = 'handover-' || i.handover_id AND e.stream_version = 1
       WHERE i.handover_id = ANY($1))
     SELECT count(*)::int AS reminders,
            extract(epoch FROM max(inbox_at) - min(gap_at))::float8 AS seconds,
            extract(epoch FROM max(gap_at) - min(gap_at))::float8 AS recording_seconds,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::float8 AS p50,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::float8 AS p99,
            max(ms)::float8 AS max
     FROM latency`,
    [ids],
  )) as { reminders: number; seconds: number; recording_seconds: number; p50: number; p99: number; max: number }[];
  if (!figures) throw new Error('no figures');
  const { recording_seconds: recordingSeconds, ...rest } = figures;
  return { ...rest, perSecond: figures.reminders / figures.seconds, gapsPerSecond: figures.reminders / Math.max(recordingSeconds, 0.001) };
}

export async function main(): Promise<void> {
  for (const history of historyRuns()) await run(history);
}

async function run(history: number): Promise<void> {
  const services = await startBenchServices();
  const dataSource = new DataSource(
    dataSourceOptions({ kind: 'postgres', url: services.databaseUrl, poolSize: CONCURRENCY }, applicationSchema),
  );
  await dataSource.initialize();
  let worker: AppProcess | undefined;
  let api: AppProcess | undefined;
  try {
    await dataSource.runMigrations({ transaction: 'all' });
    const logLength = await preloadHistory(dataSource, history);
    const store = new EventStore(dataSource);
    const world = await seed(dataSource, store);
    const env = {
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      QUEUE_PREFIX: `fq-bench-${randomUUID().slice(0, 8)}`,
      REMINDER_STEPS: '1h',
      REMINDER_REPEAT: '1h',
      JWT_SECRET: 'bench-secret',
      ADMIN_PASSWORD: 'bench-admin-password',
      LOG_LEVEL: 'error',
    };
    const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [];
    api = await startApiProcess({ ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'fangquan-bench-api-')) }, 45_000, profile);
    worker = await startWorkerProcess(
      { ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'fangquan-bench-worker-')), DATABASE_POOL_SIZE: '20' },
      45_000,
      profile,
    );
    if (history > 0) await waitForSubscriptions(dataSource, 30 * 60_000); // the worker builds the history's reminder chains
    const gaps = async (count: number, perSecond: number, timeoutMs: number): Promise<Figures> => {
      const since = await databaseNow(dataSource);
      return measure(dataSource, world, since, await recordGaps(store, world, count, perSecond), timeoutMs);
    };
    await gaps(200, 0, 60_000); // warm-up: a few reminders through the whole path
    await analyzeDatabase(services.databaseUrl);
    const baseline = await machineBaseline(services.databaseUrl);

    await topStatements(services.databaseUrl); // resets the statement statistics (BENCH_PG_STATEMENTS=1)
    const processes = { worker: worker.child.pid, api: api.child.pid, bench: process.pid };
    const beforeBurst = sampleCpu(processes);
    const burst = await gaps(BURST, 0, 120_000);
    const burstCpu = cpuPerOperation(beforeBurst, sampleCpu(processes), burst.reminders, 'reminder');
    const burstStatements = await topStatements(services.databaseUrl);
    const paced: { rate: number; figures: Figures }[] = [];
    for (const rate of RATES) paced.push({ rate, figures: await gaps(Math.round(rate * PACED_SECONDS), rate, 120_000) });

    const row = (name: string, f: Figures): string =>
      `| ${name} | ${f.gapsPerSecond.toFixed(0)} | ${f.reminders} | ${f.perSecond.toFixed(0)} | ${f.p50.toFixed(0)} | ${f.p99.toFixed(0)} | ${f.max.toFixed(0)} |`;
    console.log(
      `\n## Reminders ${describeHistory(history)}${history > 0 ? ` (${logLength.toLocaleString('en')} events)` : ''} (a worker process and an API process running the projection; ${services.description})\n`,
    );
    console.log(`Machine baseline before measuring (${baseline}); the figures move with it.\n`);
    console.log('| gaps | gaps recorded/s | reminders | inbox reminders/s | p50 ms | p99 ms | max ms |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    console.log(row(`burst of ${BURST} at once`, burst));
    for (const { rate, figures } of paced) console.log(row(`${figures.reminders} paced at ${rate}/s`, figures));
    console.log(`\nBurst: ${burstCpu} (bench: this script, which records the gaps)`);
    if (burstStatements !== '') console.log(`\nStatements during the burst (pg_stat_statements):\n${burstStatements}`);
    console.log(
      "\nLatency: from the gap's event (events.recorded_at) to its inbox row (inbox.created_at); reminders/s: over the span from the first event to the last inbox row.",
    );
  } finally {
    await worker?.kill('SIGTERM');
    await api?.kill('SIGTERM');
    await dataSource.destroy();
    await services.stop();
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
